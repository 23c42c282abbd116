// ServerForm's memory of the last server made (QSettings "serverForm/..."):
// apart from serverform.cpp, which builds and checks the form.

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <algorithm>

#include "widgets/common/sockoptsbox.h"
#include "widgets/server/limitsbox.h"
#include "widgets/server/serverform.h"
#include "widgets/server/tlsbox.h"

namespace sockwb {

namespace {
const QString kGroup = QStringLiteral("serverForm/");
}  // namespace

void ServerForm::saveSettings() const {
    QSettings s;
    s.setValue(kGroup + QStringLiteral("protocol"), protocol_->currentIndex());
    s.setValue(kGroup + QStringLiteral("bind"), bind_->currentText());
    s.setValue(kGroup + QStringLiteral("port"), port_->value());
    s.setValue(kGroup + QStringLiteral("socketPath"), path_->text());
    s.setValue(kGroup + QStringLiteral("service"), service_->currentText());
    s.setValue(kGroup + QStringLiteral("ticks"), ticks_->value());
    s.setValue(kGroup + QStringLiteral("interval"), interval_->value());
    s.setValue(kGroup + QStringLiteral("terminator"), terminator_->currentData().toInt());
    s.setValue(kGroup + QStringLiteral("root"), root_->text());
    s.setValue(kGroup + QStringLiteral("model"), model_->currentText());
    s.setValue(kGroup + QStringLiteral("poolSize"), poolSize_->value());
    s.setValue(kGroup + QStringLiteral("loops"), loops_->value());
    s.setValue(kGroup + QStringLiteral("backlog"), backlog_->value());
    sockopts_->save(s, kGroup + QStringLiteral("sockopts"));
    limits_->save(s, kGroup);
    tls_->save(s, kGroup);
    s.setValue(kGroup + QStringLiteral("io"), io_->currentData());
}

void ServerForm::loadSettings() {
    QSettings s;
    refreshing_ = true;
    protocol_->setCurrentIndex(s.value(kGroup + QStringLiteral("protocol"), 0).toInt());
    bind_->setCurrentText(
        s.value(kGroup + QStringLiteral("bind"), QStringLiteral("127.0.0.1")).toString());
    port_->setValue(s.value(kGroup + QStringLiteral("port"), 0).toInt());
    path_->setText(s.value(kGroup + QStringLiteral("socketPath"),
                           QDir(QDir::tempPath()).filePath(QStringLiteral("sockwb.sock")))
                       .toString());
    service_->setCurrentText(
        s.value(kGroup + QStringLiteral("service"), QStringLiteral("echo")).toString());
    ticks_->setValue(s.value(kGroup + QStringLiteral("ticks"), 5).toInt());
    interval_->setValue(s.value(kGroup + QStringLiteral("interval"), 1000).toInt());
    const int terminator = terminator_->findData(
        s.value(kGroup + QStringLiteral("terminator"), int(Terminator::None)).toInt());
    terminator_->setCurrentIndex(std::max(terminator, 0));
    root_->setText(s.value(kGroup + QStringLiteral("root")).toString());
    model_->setCurrentText(
        s.value(kGroup + QStringLiteral("model"), QStringLiteral("epoll")).toString());
    poolSize_->setValue(s.value(kGroup + QStringLiteral("poolSize"), 4).toInt());
    loops_->setValue(s.value(kGroup + QStringLiteral("loops"), 1).toInt());
    backlog_->setValue(s.value(kGroup + QStringLiteral("backlog"), 128).toInt());
    sockopts_->load(s, kGroup + QStringLiteral("sockopts"));
    limits_->load(s, kGroup);
    tls_->load(s, kGroup);
    io_->setCurrentIndex(std::max(
        0, io_->findData(s.value(kGroup + QStringLiteral("io"), QStringLiteral("blocking")))));
    refreshing_ = false;
    refresh();
}

}  // namespace sockwb
