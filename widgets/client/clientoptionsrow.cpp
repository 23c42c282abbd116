#include "widgets/client/clientoptionsrow.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "widgets/common/errortext.h"
#include "widgets/common/formstyle.h"

namespace sockwb {

ClientOptionsRow::ClientOptionsRow(QWidget* parent)
    : QWidget(parent),
      bind_(new QLineEdit(this)),
      io_(new QComboBox(this)),
      recvSize_(new QSpinBox(this)) {
    bind_->setObjectName(QStringLiteral("bindEdit"));
    bind_->setPlaceholderText(tr("any (the system chooses)"));
    bind_->setToolTip(
        tr("bind() before connect: ADDR, ADDR:PORT or :PORT (127.0.0.1:5000, :5000). "
           "Empty: the system picks the local port, as usual for a client."));
    io_->setObjectName(QStringLiteral("ioMode"));
    io_->addItem(tr("Blocking calls (as the course)"));
    io_->addItem(tr("Non-blocking + poll"));
    io_->setToolTip(
        tr("Blocking: connect and recv wait, and the trace shows the wait as their duration. "
           "Poll: a non-blocking socket, connect returns EINPROGRESS and poll waits."));
    recvSize_->setObjectName(QStringLiteral("recvSize"));
    recvSize_->setRange(1, 1 << 20);
    recvSize_->setValue(64 * 1024);
    recvSize_->setSuffix(tr(" bytes"));
    recvSize_->setToolTip(
        tr("The buffer size given to each recv: a small one splits a message over several "
           "recvs, a big one can take several messages at once."));
    connect(bind_, &QLineEdit::textChanged, this, [this] { formstyle::markInvalid(bind_, false); });

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    auto* bindLabel = new QLabel(tr("&Bind:"), this);
    bindLabel->setBuddy(bind_);
    row->addWidget(bindLabel);
    row->addWidget(bind_, 1);
    auto* ioLabel = new QLabel(tr("&I/O:"), this);
    ioLabel->setBuddy(io_);
    row->addWidget(ioLabel);
    row->addWidget(io_);
    auto* sizeLabel = new QLabel(tr("recv si&ze:"), this);
    sizeLabel->setBuddy(recvSize_);
    row->addWidget(sizeLabel);
    row->addWidget(recvSize_);
}

std::optional<ClientSession::Settings> ClientOptionsRow::settings(QString* error) const {
    ClientSession::Settings s;
    s.io = io_->currentIndex() == 1 ? ClientIo::Poll : ClientIo::Blocking;
    s.recvSize = recvSize_->value();
    const QString bind = bind_->text().trimmed();
    if (bind.isEmpty()) return s;
    try {
        s.bind = parseClientBind(bind.toStdString());
    } catch (const Error& e) {
        formstyle::markInvalid(bind_, true);
        if (error) *error = tr("Bind address: %1").arg(ErrorText::sentence(e));
        return std::nullopt;
    }
    return s;
}

void ClientOptionsRow::setIo(ClientIo io) { io_->setCurrentIndex(io == ClientIo::Poll ? 1 : 0); }

void ClientOptionsRow::setBind(const QString& text) { bind_->setText(text); }

void ClientOptionsRow::setRecvSize(int bytes) { recvSize_->setValue(bytes); }

}  // namespace sockwb
