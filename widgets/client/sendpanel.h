#pragma once
// SendPanel: the send box of a client window. The user types text with
// escapes (\n \r \t \xHH) or hex, picks a line ending (none, LF, CRLF) and a
// framing (raw, line, len32); Ctrl+Enter or Send turns that into the bytes
// for the wire (core/net/framing.h encodes) and emits them. In chat mode each
// message goes out dressed by core/client/chatformat.h: the course's
// "[%d]nick:message\n" (time(NULL)) by default, or "[HH:MM:SS] nick: message\n".
// Keeps a history of what was sent; a double-click reloads one.

#include <QByteArray>
#include <QWidget>
#include <optional>

#include "core/client/chatformat.h"
#include "core/net/framing.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace sockwb {

class SendPanel final : public QWidget {
    Q_OBJECT
public:
    enum class LineEnding { None, Lf, CrLf };

    explicit SendPanel(QWidget* parent = nullptr);

    // The framing chosen (chat mode: line). Also used to split what arrives.
    Framing framing() const;
    // Chooses the framing (framingChanged() follows when it changes).
    void setFraming(Framing framing);
    bool chatMode() const;
    QString nickname() const;
    void setChatMode(bool on);
    void setNickname(const QString& nick);
    ChatFormat chatFormat() const;
    void setChatFormat(ChatFormat format);
    // Enables the Send button and Ctrl+Enter (only when connected).
    void setSendEnabled(bool on);
    // Builds the wire bytes for `text` with the current settings; nullopt and
    // *error when the text does not parse. GUI thread.
    std::optional<QByteArray> encode(const QString& text, QString* error) const;
    // Sends what the box holds (as the button does). GUI thread.
    void sendNow();

signals:
    void sendRequested(const QByteArray& wireBytes);
    void framingChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setUpWidgets();
    void layOut();
    void updateEnabled();
    void addHistory(const QString& text);

    QPlainTextEdit* edit_;
    QComboBox* inputMode_;
    QComboBox* lineEnding_;
    QComboBox* framing_;
    QCheckBox* chatCheck_;
    QLineEdit* nickEdit_;
    QComboBox* chatFormat_;
    QPushButton* sendButton_;
    QLabel* errorLabel_;
    QListWidget* history_;
    bool sendEnabled_ = false;
};

}  // namespace sockwb
