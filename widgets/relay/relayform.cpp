#include "widgets/relay/relayform.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/net/address.h"
#include "core/net/error.h"
#include "widgets/common/formstyle.h"
#include "widgets/relay/faultseditor.h"

namespace sockwb {

namespace {
const QString kGroup = QStringLiteral("relayForm/");
// The protocol combo's entries: TCP, UDP (a relay has no Unix-domain mode).
Protocol protocolOf(const QComboBox* box) {
    return box->currentIndex() == 1 ? Protocol::Udp : Protocol::Tcp;
}
QSpinBox* portBox(QWidget* parent, const char* name, int min) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(min, 65535);
    return box;
}
}  // namespace

RelayForm::RelayForm(QWidget* parent)
    : QDialog(parent),
      protocol_(new QComboBox(this)),
      listenHost_(new QComboBox(this)),
      listenPort_(portBox(this, "listenPortBox", 0)),
      targetHost_(new QLineEdit(this)),
      targetPort_(portBox(this, "targetPortBox", 0)),
      faults_(new FaultsEditor(this)),
      problem_(new QLabel(this)) {
    setWindowTitle(tr("New Relay"));
    setObjectName(QStringLiteral("relayForm"));
    protocol_->setObjectName(QStringLiteral("protocolBox"));
    protocol_->addItems({tr("TCP"), tr("UDP")});
    listenHost_->setObjectName(QStringLiteral("listenAddressBox"));
    listenHost_->setEditable(true);
    listenHost_->addItems({QStringLiteral("127.0.0.1"), QStringLiteral("0.0.0.0"),
                           QStringLiteral("::1"), QStringLiteral("::")});
    listenPort_->setSpecialValueText(tr("0 (automatic)"));
    listenPort_->setToolTip(
        tr("0 lets the kernel pick a free port; the panel shows the one chosen."));
    targetHost_->setObjectName(QStringLiteral("targetHostEdit"));
    targetHost_->setToolTip(tr("The server the relay forwards to: a name or an address"));
    targetPort_->setToolTip(tr("The server's port"));

    auto* where = new QGroupBox(tr("Relay"), this);
    auto* form = new QFormLayout(where);
    form->addRow(tr("&Protocol:"), protocol_);
    auto* listen = new QHBoxLayout;
    listen->addWidget(listenHost_, 1);
    listen->addWidget(new QLabel(QStringLiteral(":"), this));
    listen->addWidget(listenPort_);
    form->addRow(tr("&Listen on:"), listen);
    auto* target = new QHBoxLayout;
    target->addWidget(targetHost_, 1);
    target->addWidget(new QLabel(QStringLiteral(":"), this));
    target->addWidget(targetPort_);
    form->addRow(tr("&Forward to:"), target);

    auto* faultsBox = new QGroupBox(tr("Faults (change them live in the relay's panel)"), this);
    auto* faultsLayout = new QVBoxLayout(faultsBox);
    faultsLayout->addWidget(faults_);

    problem_->setObjectName(QStringLiteral("problemLabel"));
    problem_->setWordWrap(true);
    formstyle::setErrorText(problem_, true);
    auto* buttons = new QDialogButtonBox(this);
    startButton_ = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    startButton_->setObjectName(QStringLiteral("startButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addWidget(faultsBox, 1);
    layout->addWidget(problem_);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!isValid()) return;  // a keyboard accept must not pass either
        saveSettings();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(protocol_, &QComboBox::currentIndexChanged, this, &RelayForm::refresh);
    connect(listenHost_, &QComboBox::currentTextChanged, this, &RelayForm::refresh);
    connect(targetHost_, &QLineEdit::textChanged, this, &RelayForm::refresh);
    connect(targetPort_, &QSpinBox::valueChanged, this, &RelayForm::refresh);
    loadSettings();
}

RelayConfig RelayForm::config() const {
    RelayConfig c;
    c.protocol = protocolOf(protocol_);
    c.listenHost = listenHost_->currentText().trimmed().toStdString();
    c.listenPort = uint16_t(listenPort_->value());
    c.targetHost = targetHost_->text().trimmed().toStdString();
    c.targetPort = uint16_t(targetPort_->value());
    c.up = faults_->faults(RelayDirection::Up);
    c.down = faults_->faults(RelayDirection::Down);
    return c;
}

void RelayForm::setConfig(const RelayConfig& c) {
    protocol_->setCurrentIndex(c.protocol == Protocol::Udp ? 1 : 0);
    listenHost_->setCurrentText(QString::fromStdString(c.listenHost));
    listenPort_->setValue(c.listenPort);
    targetHost_->setText(QString::fromStdString(c.targetHost));
    targetPort_->setValue(c.targetPort);
    faults_->setFaults(c.up, c.down);
    refresh();
}

void RelayForm::setTarget(const QString& host, quint16 port, const QString& protocol) {
    protocol_->setCurrentIndex(protocol == QLatin1String("udp") ? 1 : 0);
    targetHost_->setText(host);
    targetPort_->setValue(port);
    refresh();
}

QString RelayForm::problem() const {
    const QString ip = listenHost_->currentText().trimmed();
    try {
        if (ip != QLatin1String("localhost")) (void)Address::fromIp(ip.toStdString(), 0);
    } catch (const Error&) {
        return tr("\"%1\" is not an IP address to listen on: use 127.0.0.1, 0.0.0.0, ::1 or ::.")
            .arg(ip);
    }
    if (targetHost_->text().trimmed().isEmpty())
        return tr("Enter the host of the server to forward to, e.g. 127.0.0.1.");
    if (targetPort_->value() == 0) return tr("Enter the port of the server to forward to.");
    return {};
}

void RelayForm::refresh() {
    faults_->setProtocol(protocolOf(protocol_));
    formstyle::markInvalid(targetHost_, targetHost_->text().trimmed().isEmpty());
    const QString why = problem();
    problem_->setText(why);
    problem_->setVisible(!why.isEmpty());
    startButton_->setEnabled(why.isEmpty());
    startButton_->setToolTip(why);
}

void RelayForm::saveSettings() const {
    QSettings s;
    s.setValue(kGroup + QStringLiteral("protocol"), protocol_->currentIndex());
    s.setValue(kGroup + QStringLiteral("listenHost"), listenHost_->currentText());
    s.setValue(kGroup + QStringLiteral("listenPort"), listenPort_->value());
    s.setValue(kGroup + QStringLiteral("targetHost"), targetHost_->text());
    s.setValue(kGroup + QStringLiteral("targetPort"), targetPort_->value());
}

void RelayForm::loadSettings() {
    QSettings s;
    protocol_->setCurrentIndex(s.value(kGroup + QStringLiteral("protocol"), 0).toInt());
    listenHost_->setCurrentText(
        s.value(kGroup + QStringLiteral("listenHost"), QStringLiteral("127.0.0.1")).toString());
    listenPort_->setValue(s.value(kGroup + QStringLiteral("listenPort"), 0).toInt());
    targetHost_->setText(
        s.value(kGroup + QStringLiteral("targetHost"), QStringLiteral("127.0.0.1")).toString());
    targetPort_->setValue(s.value(kGroup + QStringLiteral("targetPort"), 0).toInt());
    refresh();
}

}  // namespace sockwb
