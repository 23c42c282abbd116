#include "widgets/client/sendpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/net/error.h"
#include "widgets/common/byteformat.h"
#include "widgets/common/formstyle.h"

namespace sockwb {

namespace {
constexpr int kHistoryMax = 200;
}

SendPanel::SendPanel(QWidget* parent)
    : QWidget(parent),
      edit_(new QPlainTextEdit(this)),
      inputMode_(new QComboBox(this)),
      lineEnding_(new QComboBox(this)),
      framing_(new QComboBox(this)),
      chatCheck_(new QCheckBox(tr("C&hat mode"), this)),
      nickEdit_(new QLineEdit(this)),
      chatFormat_(new QComboBox(this)),
      sendButton_(new QPushButton(tr("&Send"), this)),
      errorLabel_(new QLabel(this)),
      history_(new QListWidget(this)) {
    setUpWidgets();
    layOut();
    connect(sendButton_, &QPushButton::clicked, this, &SendPanel::sendNow);
    connect(chatCheck_, &QCheckBox::toggled, this, &SendPanel::updateEnabled);
    connect(chatCheck_, &QCheckBox::toggled, this, &SendPanel::framingChanged);
    connect(framing_, &QComboBox::currentIndexChanged, this, &SendPanel::updateEnabled);
    connect(framing_, &QComboBox::currentIndexChanged, this, &SendPanel::framingChanged);
    connect(edit_, &QPlainTextEdit::textChanged, errorLabel_, &QLabel::hide);
    connect(history_, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem* item) { edit_->setPlainText(item->text()); });
    updateEnabled();
}

// Names, texts and tooltips of the widgets made in the constructor.
void SendPanel::setUpWidgets() {
    edit_->setObjectName(QStringLiteral("sendEdit"));
    edit_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit_->setPlaceholderText(
        tr("Text to send: escapes \\n \\r \\t \\xHH work. Ctrl+Enter sends."));
    edit_->installEventFilter(this);
    inputMode_->setObjectName(QStringLiteral("inputMode"));
    inputMode_->addItem(tr("Text"));
    inputMode_->addItem(tr("Hex"));
    inputMode_->setToolTip(tr("Text with escapes, or hex digits (\"42 6f 6e\")"));
    lineEnding_->setObjectName(QStringLiteral("lineEnding"));
    lineEnding_->addItem(tr("No line ending"));
    lineEnding_->addItem(tr("LF (\\n)"));
    lineEnding_->addItem(tr("CRLF (\\r\\n)"));
    lineEnding_->setCurrentIndex(1);
    framing_->setObjectName(QStringLiteral("framing"));
    framing_->addItem(tr("Raw"), int(Framing::Raw));
    framing_->addItem(tr("Line"), int(Framing::Line));
    framing_->addItem(tr("Length (32-bit)"), int(Framing::Len32));
    framing_->setToolTip(
        tr("Raw: the bytes as they are. Line: one message per line. "
           "Length: a 4-byte big-endian length before each message."));
    chatCheck_->setObjectName(QStringLiteral("chatCheck"));
    chatCheck_->setToolTip(tr("Send each message as a chat client does, from the nickname"));
    nickEdit_->setObjectName(QStringLiteral("nickEdit"));
    nickEdit_->setPlaceholderText(tr("nickname"));
    nickEdit_->setText(QStringLiteral("student"));
    nickEdit_->setMaximumWidth(140);
    chatFormat_->setObjectName(QStringLiteral("chatFormat"));
    chatFormat_->addItem(tr("[time]nick:message (course)"), int(ChatFormat::Course));
    chatFormat_->addItem(tr("[HH:MM:SS] nick: message"), int(ChatFormat::Clock));
    chatFormat_->setToolTip(
        tr("The course's chat client sends sprintf(\"[%d]%s:%s\", time(NULL), pseudo, message), "
           "the message ending with its newline"));
    sendButton_->setObjectName(QStringLiteral("sendButton"));
    sendButton_->setToolTip(tr("Send (Ctrl+Enter)"));
    errorLabel_->setObjectName(QStringLiteral("sendError"));
    formstyle::setErrorText(errorLabel_, true);
    errorLabel_->setWordWrap(true);
    errorLabel_->hide();
    history_->setObjectName(QStringLiteral("history"));
    history_->setToolTip(tr("What was sent; double-click to put it back in the box"));
}

// Options over the edit box and Send, the history on the right.
void SendPanel::layOut() {
    auto* options = new QHBoxLayout;
    options->addWidget(inputMode_);
    options->addWidget(lineEnding_);
    options->addWidget(framing_);
    options->addStretch();
    options->addWidget(chatCheck_);
    options->addWidget(nickEdit_);
    options->addWidget(chatFormat_);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(options);
    auto* row = new QHBoxLayout;
    row->addWidget(edit_, 1);
    row->addWidget(sendButton_, 0, Qt::AlignBottom);
    leftLayout->addLayout(row);
    leftLayout->addWidget(errorLabel_);
    auto* historyBox = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History"), historyBox));
    historyLayout->addWidget(history_);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

Framing SendPanel::framing() const {
    if (chatMode()) return Framing::Line;
    return static_cast<Framing>(framing_->currentData().toInt());
}

void SendPanel::setFraming(Framing framing) {
    framing_->setCurrentIndex(framing_->findData(int(framing)));
}

bool SendPanel::chatMode() const { return chatCheck_->isChecked(); }
QString SendPanel::nickname() const { return nickEdit_->text(); }
void SendPanel::setChatMode(bool on) { chatCheck_->setChecked(on); }
void SendPanel::setNickname(const QString& nick) { nickEdit_->setText(nick); }
ChatFormat SendPanel::chatFormat() const {
    return static_cast<ChatFormat>(chatFormat_->currentData().toInt());
}
void SendPanel::setChatFormat(ChatFormat format) {
    chatFormat_->setCurrentIndex(chatFormat_->findData(int(format)));
}

void SendPanel::setSendEnabled(bool on) {
    sendEnabled_ = on;
    updateEnabled();
}

void SendPanel::updateEnabled() {
    const bool chat = chatMode();
    if (chat) {
        // Chat lines are lines: show it in the (disabled) choices.
        framing_->setCurrentIndex(framing_->findData(int(Framing::Line)));
        lineEnding_->setCurrentIndex(int(LineEnding::Lf));
        inputMode_->setCurrentIndex(0);
    }
    sendButton_->setEnabled(sendEnabled_);
    nickEdit_->setEnabled(chat);
    chatFormat_->setEnabled(chat);
    inputMode_->setEnabled(!chat);
    framing_->setEnabled(!chat);
    lineEnding_->setEnabled(!chat && framing() != Framing::Len32);
}

std::optional<QByteArray> SendPanel::encode(const QString& text, QString* error) const {
    if (chatMode()) {
        const QString nick =
            nickname().trimmed().isEmpty() ? tr("anonymous") : nickname().trimmed();
        const std::string bytes = formatChatMessage(chatFormat(), nick.toStdString(),
                                                    text.toStdString(), std::time(nullptr));
        return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
    }
    auto payload = inputMode_->currentIndex() == 1 ? ByteFormat::parseHex(text, error)
                                                   : ByteFormat::parseEscaped(text, error);
    if (!payload) return std::nullopt;
    const auto ending = static_cast<LineEnding>(lineEnding_->currentIndex());
    std::string bytes(payload->constData(), static_cast<size_t>(payload->size()));
    try {
        switch (framing()) {
            case Framing::Raw:
                if (ending == LineEnding::Lf) bytes += '\n';
                if (ending == LineEnding::CrLf) bytes += "\r\n";
                break;
            case Framing::Line:
                bytes = encodeFrame(Framing::Line, bytes, ending == LineEnding::CrLf);
                break;
            case Framing::Len32:
                bytes = encodeFrame(Framing::Len32, bytes);
                break;
        }
    } catch (const Error&) {
        if (error) *error = tr("The message is too large for its framing.");
        return std::nullopt;
    }
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

void SendPanel::sendNow() {
    if (!sendEnabled_) return;
    const QString text = edit_->toPlainText();
    QString error;
    auto bytes = encode(text, &error);
    if (!bytes) {
        errorLabel_->setText(error);
        errorLabel_->show();
        return;
    }
    addHistory(text);
    emit sendRequested(*bytes);
    edit_->clear();
    edit_->setFocus();
}

void SendPanel::addHistory(const QString& text) {
    if (history_->count() > 0 && history_->item(history_->count() - 1)->text() == text) return;
    history_->addItem(text);
    while (history_->count() > kHistoryMax) delete history_->takeItem(0);
    history_->scrollToBottom();
}

bool SendPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == edit_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ControlModifier)) {
            sendNow();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace sockwb
