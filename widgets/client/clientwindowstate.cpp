// ClientWindow's workspace state: the form as a ClientConfig and back, the
// framing, and the Script tab's run (a ScriptPlayer driven on the GUI thread
// by one single-shot timer at its next deadline, fed what the session
// receives and its close). The rest of ClientWindow is in clientwindow.cpp
// and clientwindowui.cpp.

#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QTimer>
#include <chrono>

#include "widgets/client/clientoptionsrow.h"
#include "widgets/client/clientsockopts.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/dataview.h"
#include "widgets/client/scriptpanel.h"
#include "widgets/client/sendpanel.h"
#include "widgets/common/sockoptsbox.h"

namespace sockwb {

namespace {

// The Bind field's text for a bind: "ADDR", "ADDR:PORT", "[v6]:PORT", ":PORT"
// (what parseClientBind reads back).
QString bindText(const ClientBind& bind) {
    const QString host = QString::fromStdString(bind.host);
    if (bind.port == 0) return host;
    if (host.contains(QLatin1Char(':'))) return QStringLiteral("[%1]:%2").arg(host).arg(bind.port);
    return QStringLiteral("%1:%2").arg(host).arg(bind.port);
}

}  // namespace

ClientConfig ClientWindow::formConfig() const {
    // What Connect would use: the options row's settings (a bind that does
    // not parse is marked and left out), the socket options box, the target.
    ClientSession::Settings settings;
    if (auto s = optionsRow_->settings(nullptr)) settings = *s;
    const Protocol protocol = selectedProtocol();
    return ClientSession::configFor(settings, sockopts_->box()->settings(), targetHost(),
                                    targetPort(), protocol, connectTimeoutMs_);
}

void ClientWindow::setFormConfig(const ClientConfig& config) {
    const QString host = QString::fromStdString(config.host);
    protocol_->setCurrentIndex(int(config.protocol));
    if (isUnixDomain(config.protocol)) {
        path_->setText(host);
    } else {
        host_->setText(host);
        port_->setText(config.port ? QString::number(config.port) : QString());
    }
    optionsRow_->setIo(config.io);
    optionsRow_->setBind(config.bind ? bindText(*config.bind) : QString());
    optionsRow_->setRecvSize(int(std::min<size_t>(config.recvSize, 1 << 20)));
    optionsRow_->setTls(config.tls);
    optionsRow_->setVerify(!config.tlsOptions.insecure);
    optionsRow_->setCaFile(QString::fromStdString(config.tlsOptions.caFile));
    sockopts_->box()->setSettings(config.sockopts);
    connectTimeoutMs_ = int(std::max<int64_t>(1, config.connectTimeout.count()));
    updateTitle();
}

Framing ClientWindow::framing() const { return sendPanel_->framing(); }

void ClientWindow::setFraming(Framing framing) { sendPanel_->setFraming(framing); }

std::vector<ScriptStep> ClientWindow::script() const { return scriptPanel_->steps(); }

void ClientWindow::setScript(const std::vector<ScriptStep>& steps) {
    stopScript();
    scriptPanel_->setSteps(steps);
}

ScriptPanel* ClientWindow::scriptPanel() const { return scriptPanel_; }

void ClientWindow::wireScript() {
    scriptTimer_->setObjectName(QStringLiteral("scriptTimer"));
    scriptTimer_->setSingleShot(true);
    connect(scriptTimer_, &QTimer::timeout, this, &ClientWindow::runScript);
    connect(scriptPanel_, &ScriptPanel::playRequested, this, &ClientWindow::playScript);
    connect(scriptPanel_, &ScriptPanel::stopRequested, this, &ClientWindow::stopScript);
}

void ClientWindow::playScript() {
    stopScript();
    QString error;
    if (!scriptPanel_->isValid(&error)) {
        scriptPanel_->setNote(error, true);
        return;
    }
    if (scriptPanel_->stepCount() == 0) return;
    if (session_->state() == ClientSession::State::Connected) return startScript();
    scriptArmed_ = true;
    scriptPanel_->setPlaying(true);
    scriptPanel_->showResults({}, false);  // "waiting for the connection"
}

void ClientWindow::startScript() {
    scriptArmed_ = false;
    player_ = std::make_unique<ScriptPlayer>(scriptPanel_->steps());
    scriptPanel_->setPlaying(true);
    scriptPanel_->setNote({}, false);
    dataView_->addNote(tr("script: playing, steps: %1").arg(scriptPanel_->stepCount()),
                       QDateTime::currentDateTime());
    player_->start(ScriptPlayer::Clock::now());
    runScript();
}

// Does what the player asks (sends as they are: the window's framing is not
// added; a close is the window's disconnect), then sleeps until its next
// deadline, or until data or the close moves it.
void ClientWindow::runScript() {
    if (!player_) return;
    for (const ScriptPlayer::Action& action : player_->advance(ScriptPlayer::Clock::now())) {
        if (action.kind == ScriptPlayer::Action::Kind::Send)
            sendBytes(QByteArray(action.bytes.data(), qsizetype(action.bytes.size())));
        else
            disconnectFromHost();
    }
    if (player_->finished()) return finishScript();
    scriptPanel_->showResults(player_->results(), false);
    const auto deadline = player_->nextDeadline();
    if (!deadline) {
        scriptTimer_->stop();
        return;
    }
    // Rounded up: a timer that fires early would only find nothing due.
    const auto wait =
        std::chrono::ceil<std::chrono::milliseconds>(*deadline - ScriptPlayer::Clock::now());
    scriptTimer_->start(int(std::clamp<int64_t>(wait.count(), 0, 24 * 3600 * 1000)));
}

void ClientWindow::finishScript() {
    scriptTimer_->stop();
    const bool passed = player_->passed();
    scriptPanel_->showResults(player_->results(), true);
    scriptPanel_->setPlaying(false);
    player_.reset();
    dataView_->addNote(tr("script: %1").arg(scriptPanel_->summaryText()),
                       QDateTime::currentDateTime(), !passed);
    emit scriptFinished(passed);
}

// No signal: the run is dropped (Stop, a new script, the window closing).
void ClientWindow::stopScript() {
    scriptArmed_ = false;
    scriptTimer_->stop();
    player_.reset();
    scriptPanel_->setPlaying(false);
}

void ClientWindow::scriptReceived(const QByteArray& bytes) {
    if (!player_) return;
    player_->received(std::string_view(bytes.constData(), size_t(bytes.size())),
                      ScriptPlayer::Clock::now());
    runScript();
}

// The connection ended (the peer, an error, our own close): an expectation
// still waiting fails, the sends left are skipped; a Wait still runs out.
void ClientWindow::scriptClosed() {
    if (!player_) return;
    player_->closed(ScriptPlayer::Clock::now());
    runScript();
}

}  // namespace sockwb
