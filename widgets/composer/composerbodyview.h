#pragma once
// ComposerBodyView: the Body tab of the composer's response. Detects what
// the body is (Content-Type, then the bytes) and shows JSON and XML
// pretty-printed, HTML rendered simply, images previewed, anything else as
// text. A big body never freezes the window: only the first 256 KiB reach a
// text widget until "Show all"; "Save to file..." writes every byte.

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace sockwb {

class ComposerBodyView final : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Empty, Text, Json, Xml, Html, Image };
    static constexpr qsizetype kPreviewBytes = 256 * 1024;

    // GUI thread only (as every method).
    explicit ComposerBodyView(QWidget* parent = nullptr);

    // Shows a body; contentType as received (may be empty).
    void setBody(const QByteArray& body, const QString& contentType);
    void clear();
    // Shows the whole body as text (slow for megabytes: the user asked).
    void showAll();
    // Writes every byte to path; false with *error set on failure.
    bool saveTo(const QString& path, QString* error = nullptr) const;

    Kind kind() const { return kind_; }
    // The text shown (text, JSON, XML and HTML source), for tests and copy.
    QString shownText() const;
    QPushButton* showAllButton() const { return showAll_; }

    // What the body is, from its type and bytes. Pure.
    static Kind detect(const QByteArray& body, const QString& contentType);
    // Re-indented JSON / XML, or an empty string when the bytes do not parse. Pure.
    static QString prettyJson(const QByteArray& body);
    static QString prettyXml(const QByteArray& body);

private:
    void chooseSaveFile();

    QLabel* info_;
    QPushButton* showAll_;
    QPushButton* save_;
    QStackedWidget* stack_;
    QPlainTextEdit* text_;
    QTextBrowser* html_;
    QLabel* image_;
    QByteArray body_;
    Kind kind_ = Kind::Empty;
};

}  // namespace sockwb
