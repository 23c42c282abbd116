#include "widgets/client/clientoptionsrow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

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

    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    rows->addLayout(row);
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
    buildTlsRow(rows);
}

void ClientOptionsRow::buildTlsRow(QBoxLayout* layout) {
    tls_ = new QCheckBox(tr("&TLS"), this);
    tls_->setObjectName(QStringLiteral("tlsCheck"));
    tls_->setToolTip(
        tr("A TLS handshake right after connect (as openssl s_client): what you send and "
           "receive is then plaintext, and the trace shows the encrypted records each send "
           "and recv carried."));
    verify_ = new QCheckBox(tr("&Verify certificate"), this);
    verify_->setObjectName(QStringLiteral("verifyCheck"));
    verify_->setChecked(true);
    verify_->setToolTip(
        tr("Stop when the server's certificate does not verify (unknown CA, self-signed, "
           "expired, another name). Unchecked: go on, and only show the result."));
    caFile_ = new QLineEdit(this);
    caFile_->setObjectName(QStringLiteral("caFileEdit"));
    caFile_->setPlaceholderText(tr("system CA store"));
    caFile_->setToolTip(
        tr("A PEM file of CA certificates to trust instead of the system's "
           "(the test CA, or a self-signed server's own certificate)."));
    caButton_ = new QToolButton(this);
    caButton_->setObjectName(QStringLiteral("caFileButton"));
    caButton_->setText(tr("…"));
    caButton_->setToolTip(tr("Choose the CA file"));
    connect(caButton_, &QToolButton::clicked, this, &ClientOptionsRow::chooseCaFile);
    connect(tls_, &QCheckBox::toggled, this, &ClientOptionsRow::updateTlsFields);
    auto* row = new QHBoxLayout;
    row->addWidget(tls_);
    row->addWidget(verify_);
    auto* caLabel = new QLabel(tr("C&A file:"), this);
    caLabel->setBuddy(caFile_);
    row->addWidget(caLabel);
    row->addWidget(caFile_, 1);
    row->addWidget(caButton_);
    layout->addLayout(row);
    updateTlsFields();
}

void ClientOptionsRow::updateTlsFields() {
    tls_->setEnabled(tlsAvailable_);
    const bool on = tlsAvailable_ && tls_->isChecked();
    verify_->setEnabled(on);
    caFile_->setEnabled(on);
    caButton_->setEnabled(on);
}

void ClientOptionsRow::chooseCaFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("CA certificates"), caFile_->text(),
                                     tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty()) caFile_->setText(path);
}

void ClientOptionsRow::setTlsAvailable(bool available) {
    tlsAvailable_ = available;
    updateTlsFields();
}

void ClientOptionsRow::setTls(bool on) { tls_->setChecked(on); }

void ClientOptionsRow::setVerify(bool on) { verify_->setChecked(on); }

void ClientOptionsRow::setCaFile(const QString& path) { caFile_->setText(path); }

std::optional<ClientSession::Settings> ClientOptionsRow::settings(QString* error) const {
    ClientSession::Settings s;
    s.io = io_->currentIndex() == 1 ? ClientIo::Poll : ClientIo::Blocking;
    s.recvSize = recvSize_->value();
    s.tls = tlsAvailable_ && tls_->isChecked();
    s.verify = verify_->isChecked();
    s.caFile = caFile_->text().trimmed().toStdString();
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
