#pragma once
// ComposerRequestEditor: the "compose" half of the HTTP composer. Method
// (any token, validated), URL (checked with Url::parse, the reason shown
// inline), version; tabs for query parameters (kept in sync with the URL
// both ways), headers (the client's automatic ones editable or disabled,
// then custom rows), body, authorization and options (TLS included); and a live pane with
// the exact bytes Send will write, rebuilt as the user types. Each edit
// prepares the form once (ComposerPrepared: URL parsed once, body file read
// once); the pane, problem(), Copy as cURL and Send all use that value.

#include <QWidget>

#include "widgets/composer/composerprepared.h"
#include "widgets/composer/composerrequest.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace sockwb {

class ComposerAuthWidget;
class ComposerBodyEditor;
class ComposerKeyValueTable;
class ComposerTlsBox;

class ComposerRequestEditor final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerRequestEditor(QWidget* parent = nullptr);

    // What the form holds now.
    ComposerRequest request() const;
    // Fills every field; emits changed() once.
    void setRequest(const ComposerRequest& r);
    // "" when the form can be sent, else the first problem in a sentence.
    QString problem() const;
    // The form prepared at the last edit (prepared again first if a field
    // was changed without a signal, so it always matches request()).
    const ComposerPrepared& prepared() const;
    // The bytes shown in the raw pane (empty when the form has a problem).
    QByteArray rawRequest() const { return raw_; }

    QComboBox* methodBox() const { return method_; }
    QLineEdit* urlEdit() const { return url_; }
    QComboBox* versionBox() const { return version_; }
    QLabel* urlError() const { return urlError_; }
    QTabWidget* tabs() const { return tabs_; }
    ComposerKeyValueTable* paramsTable() const { return params_; }
    ComposerKeyValueTable* headersTable() const { return headers_; }
    ComposerBodyEditor* bodyEditor() const { return body_; }
    ComposerAuthWidget* authWidget() const { return auth_; }
    QCheckBox* followRedirectsBox() const { return follow_; }
    QSpinBox* timeoutBox() const { return timeout_; }
    ComposerTlsBox* tlsBox() const { return tls_; }
    QPlainTextEdit* rawPane() const { return rawPane_; }

signals:
    // Any field changed (the raw pane is already up to date).
    void changed();
    // Return pressed in the URL field.
    void sendRequested();

private:
    // Pieces of the constructor.
    void buildRequestLine();  // method, URL, version, the URL's error line
    QTabWidget* buildTabs();
    QWidget* buildOptions();
    QWidget* buildRawPane();
    void connectFields();
    void onUrlEdited();
    void onParamsEdited();
    void refresh();
    QString methodProblem() const;

    QComboBox* method_;
    QLineEdit* url_;
    QComboBox* version_;
    QLabel* urlError_;
    QTabWidget* tabs_;
    ComposerKeyValueTable* params_;
    ComposerKeyValueTable* headers_;
    ComposerBodyEditor* body_;
    ComposerAuthWidget* auth_;
    QCheckBox* follow_;
    QCheckBox* compressed_;
    QCheckBox* lenient_;
    QSpinBox* timeout_;
    ComposerTlsBox* tls_;
    QPlainTextEdit* rawPane_;
    QLabel* rawTitle_;
    QByteArray raw_;
    bool loading_ = false;
    mutable ComposerRequest preparedFor_;  // the form prepared_ was made from
    mutable ComposerPrepared prepared_;
};

}  // namespace sockwb
