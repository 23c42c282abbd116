#pragma once
// ComposerAuthWidget: the composer's authorization helpers. Basic (user and
// password, sent as "Authorization: Basic base64(user:password)", curl -u)
// or Bearer (a token, "Authorization: Bearer TOKEN").

#include <QWidget>

#include "widgets/composer/composerrequest.h"

class QComboBox;
class QLineEdit;
class QStackedWidget;

namespace sockwb {

class ComposerAuthWidget final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerAuthWidget(QWidget* parent = nullptr);

    // Copies the auth fields of r in; does not emit edited().
    void load(const ComposerRequest& r);
    // Writes the auth fields into r.
    void store(ComposerRequest& r) const;

    QComboBox* kindBox() const { return kind_; }
    QLineEdit* userEdit() const { return user_; }
    QLineEdit* passwordEdit() const { return password_; }
    QLineEdit* tokenEdit() const { return token_; }

signals:
    void edited();

private:
    QComboBox* kind_;
    QStackedWidget* stack_;
    QLineEdit* user_;
    QLineEdit* password_;
    QLineEdit* token_;
    bool loading_ = false;
};

}  // namespace sockwb
