#include "widgets/client/clientwindow.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cerrno>

#include "widgets/client/clientoptionsrow.h"
#include "widgets/client/clientsockopts.h"
#include "widgets/client/dataview.h"
#include "widgets/client/sendpanel.h"
#include "widgets/client/shutdownbutton.h"
#include "widgets/client/tcpstatusbox.h"
#include "widgets/client/tlssummary.h"
#include "widgets/common/errortext.h"
#include "widgets/common/formstyle.h"
#include "widgets/relay/relaytargetbutton.h"
#include "widgets/sequence/sequencetab.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

using formstyle::markInvalid;

ClientWindow::ClientWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      session_(new ClientSession(this)),
      scenarioTimer_(new QTimer(this)),
      scriptTimer_(new QTimer(this)) {
    buildUi();
    connect(session_, &ClientSession::stateChanged, this, &ClientWindow::onStateChanged);
    connect(session_, &ClientSession::connected, this, &ClientWindow::onConnected);
    connect(session_, &ClientSession::dataReceived, this, &ClientWindow::onData);
    connect(session_, &ClientSession::errorOccurred, this, &ClientWindow::onError);
    connect(session_, &ClientSession::tlsHandshake, this, &ClientWindow::onTlsHandshake);
    connect(session_, &ClientSession::closed, this, &ClientWindow::onClosed);
    connect(session_, &ClientSession::bytesWritten, this, &ClientWindow::updateCounters);
    connect(session_, &ClientSession::shutDown, this, &ClientWindow::onShutDown);
    connect(session_, &ClientSession::dataSkipped, this, [this](qint64 bytes) {
        dataView_->addNote(tr("%1 bytes came too fast to be shown (they are counted)").arg(bytes),
                           QDateTime::currentDateTime());
        updateCounters();
    });
    connect(sendPanel_, &SendPanel::sendRequested, this, &ClientWindow::sendBytes);
    connect(sendPanel_, &SendPanel::framingChanged, this, &ClientWindow::resetDecoder);
    connect(scenarioTimer_, &QTimer::timeout, this, &ClientWindow::onScenarioTick);
    wireScript();
    resetDecoder();
    onStateChanged(ClientSession::State::Disconnected);
    updateCounters();
    resize(640, 520);
}

ClientWindow::~ClientWindow() = default;

ClientWindow* ClientWindow::open(const QString& host, quint16 port, const QString& protocol) {
    auto* w = new ClientWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setTarget(host, port, protocol);
    w->updateTitle();
    w->show();
    return w;
}

Protocol ClientWindow::selectedProtocol() const { return protocolAt(protocol_->currentIndex()); }

void ClientWindow::updateTargetFields() {
    const bool local = isUnixDomain(selectedProtocol());
    sockopts_->setProtocol(selectedProtocol());
    optionsRow_->setTlsAvailable(selectedProtocol() == Protocol::Tcp);
    ipTarget_->setVisible(!local);
    path_->setVisible(local);
}

void ClientWindow::setTarget(const QString& host, quint16 port, const QString& protocol) {
    const Protocol p = parseProtocolOr(protocol.toStdString(), Protocol::Tcp);  // unknown: TCP
    protocol_->setCurrentIndex(int(p));
    if (isUnixDomain(p)) {
        path_->setText(host);
        return;
    }
    host_->setText(host);
    port_->setText(port ? QString::number(port) : QString());
}

void ClientWindow::connectToPath(Protocol protocol) {
    const QString path = path_->text().trimmed();
    try {
        (void)Address::unixPath(path.toStdString());  // empty or too long for sun_path
    } catch (const Error& e) {
        markInvalid(path_, true);
        setStatus(path.isEmpty() ? tr("Enter the server's socket path.") : ErrorText::sentence(e),
                  true);
        return;
    }
    setStatus(tr("Connecting to %1…").arg(path), false);
    tcpStatus_->clear();
    resetDecoder();
    dataView_->addNote(tr("connecting to %1 (%2)").arg(path, protocol_->currentText()),
                       QDateTime::currentDateTime());
    session_->connectTo(path, 0, protocol, connectTimeoutMs_);
}

void ClientWindow::requestShutdown(int how) {
    session_->shutdown(how);
    dataView_->addNote(tr("shutdown(%1) requested").arg(ShutdownButton::howName(how)),
                       QDateTime::currentDateTime());
}

void ClientWindow::onShutDown(int how) {
    shutdownButton_->markDone(how);
    const QString text = shutdownButton_->stateSentence();
    setStatus(text, false);
    dataView_->addNote(text, QDateTime::currentDateTime());
    onStateChanged(session_->state());  // buttons, title, the side list
}

void ClientWindow::connectTo(const QString& host, quint16 port, const QString& protocol) {
    setTarget(host, port, protocol);
    connectFromForm();
}

void ClientWindow::connectFromForm() {
    if (isUnixDomain(selectedProtocol())) return connectToPath(selectedProtocol());
    const QString host = host_->text().trimmed();
    bool ok = false;
    const int port = port_->text().toInt(&ok);
    QStringList problems;
    if (host.isEmpty()) {
        markInvalid(host_, true);
        problems << tr("Enter a host name or address.");
    }
    if (!ok || port < 1 || port > 65535) {
        markInvalid(port_, true);
        problems << tr("Enter a port between 1 and 65535.");
    }
    QString bindProblem;
    const auto settings = optionsRow_->settings(&bindProblem);
    if (!settings) problems << bindProblem;
    if (!problems.isEmpty()) {
        setStatus(problems.join(QLatin1Char(' ')), true);
        return;
    }
    session_->setSettings(*settings);
    shutdownButton_->reset();
    tcpStatus_->clear();
    setStatus(tr("Connecting to %1 port %2…").arg(host).arg(port), false);
    resetDecoder();
    const Protocol protocol = selectedProtocol();
    const QString over = settings->tls && protocol == Protocol::Tcp
                             ? tr("%1 + TLS").arg(protocol_->currentText())
                             : protocol_->currentText();
    dataView_->addNote(tr("connecting to %1 port %2 (%3)").arg(host).arg(port).arg(over),
                       QDateTime::currentDateTime());
    session_->connectTo(host, static_cast<quint16>(port), protocol, connectTimeoutMs_);
}

void ClientWindow::disconnectFromHost() {
    scenarioTimer_->stop();
    session_->disconnectFromHost();
}

void ClientWindow::setScenario(Scenario scenario, int intervalMs) {
    scenario_ = scenario;
    scenarioSet_ = true;
    scenarioTimer_->setInterval(std::max(intervalMs, 1));
    if (scenario == Scenario::ChatBot) sendPanel_->setChatMode(true);
    if (session_->state() == ClientSession::State::Connected) onConnected({}, {});
}

QString ClientWindow::stateText() const {
    switch (session_->state()) {
        case ClientSession::State::Disconnected:
            return tr("disconnected");
        case ClientSession::State::Connecting:
            return tr("connecting");
        case ClientSession::State::Connected:
            return shutdownButton_->connectedText();
        case ClientSession::State::Closed:
            return tr("closed");
        case ClientSession::State::Failed:
            return tr("failed");
    }
    return {};
}

QString ClientWindow::endpointText() const {
    if (isUnixDomain(selectedProtocol()))
        return QStringLiteral("%1 %2").arg(QString::fromLatin1(protocolName(selectedProtocol())),
                                           path_->text());
    return QStringLiteral("%1 %2:%3")
        .arg(protocol_->currentText().toLower(), host_->text(), port_->text());
}

void ClientWindow::updateTitle() {
    setWindowTitle(tr("Client %1 — %2").arg(endpointText(), stateText()));
}

void ClientWindow::onStateChanged(ClientSession::State state) {
    const bool busy =
        state == ClientSession::State::Connecting || state == ClientSession::State::Connected;
    connectButton_->setText(state == ClientSession::State::Connected    ? tr("&Disconnect")
                            : state == ClientSession::State::Connecting ? tr("&Cancel")
                                                                        : tr("&Connect"));
    protocol_->setEnabled(!busy);
    host_->setEnabled(!busy);
    port_->setEnabled(!busy);
    path_->setEnabled(!busy);
    optionsRow_->setEnabled(!busy);
    // A datagram socket has no connection to shut down (shutdown says ENOTCONN).
    shutdownButton_->setEnabled(state == ClientSession::State::Connected &&
                                isStream(selectedProtocol()) &&
                                !(shutdownButton_->readShut() && shutdownButton_->writeShut()));
    sendPanel_->setSendEnabled(state == ClientSession::State::Connected &&
                               !shutdownButton_->writeShut());
    if (!busy) scenarioTimer_->stop();
    // A new connection replaces the one a script played on.
    if (state == ClientSession::State::Connecting && player_) scriptClosed();
    updateTitle();
    emit stateChanged(stateText());
}

void ClientWindow::onConnected(const QString& local, const QString& peer) {
    if (!local.isEmpty() || !peer.isEmpty()) {
        connectedText_ = tr("Connected from %1 to %2").arg(local, peer);
        setStatus(session_->settings().tls && selectedProtocol() == Protocol::Tcp
                      ? tr("%1, TLS handshake…").arg(connectedText_)
                      : connectedText_,
                  false);
        dataView_->addNote(tr("connected from %1 to %2").arg(local, peer),
                           QDateTime::currentDateTime());
        if (selectedProtocol() == Protocol::Tcp) tcpStatus_->watch(local, peer);
    }
    if (scriptArmed_ && session_->state() == ClientSession::State::Connected) startScript();
    if (!scenarioSet_) return;
    switch (scenario_) {
        case Scenario::Bonjour:
            sendBytes(QByteArrayLiteral("Bonjour\n"));
            break;
        case Scenario::EchoPing:
        case Scenario::ChatBot:
            onScenarioTick();
            scenarioTimer_->start();
            break;
        case Scenario::HoldIdle:
            break;
    }
}

void ClientWindow::onScenarioTick() {
    if (session_->state() != ClientSession::State::Connected) return;
    ++scenarioSeq_;
    if (scenario_ == Scenario::EchoPing) {
        lastPingSent_ = QDateTime::currentDateTime();
        sendBytes("ping " + QByteArray::number(scenarioSeq_) + '\n');
    } else if (scenario_ == Scenario::ChatBot) {
        auto bytes = sendPanel_->encode(tr("message %1").arg(scenarioSeq_), nullptr);
        if (bytes) sendBytes(*bytes);
    }
}

void ClientWindow::resetDecoder() {
    decoder_ = std::make_unique<FrameDecoder>(sendPanel_->framing());
}

void ClientWindow::sendBytes(const QByteArray& bytes) {
    if (session_->state() != ClientSession::State::Connected) return;
    session_->send(bytes);
    ++messagesOut_;
    // Shown without its framing (the length header, the line end): what was said.
    QByteArray shown = bytes;
    if (sendPanel_->framing() == Framing::Len32 && shown.size() >= 4) shown.remove(0, 4);
    if (sendPanel_->framing() == Framing::Line && shown.endsWith('\n')) {
        shown.chop(1);
        if (shown.endsWith('\r')) shown.chop(1);
    }
    dataView_->addRecord(true, shown, QDateTime::currentDateTime());
    updateCounters();
}

void ClientWindow::onData(const QByteArray& bytes, const QDateTime& when, const QString& from) {
    std::vector<QByteArray> messages;
    if (decoder_->framing() == Framing::Raw) {
        messages.push_back(bytes);
    } else {
        try {
            decoder_->feed(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())));
            while (auto m = decoder_->next())
                messages.emplace_back(m->data(), static_cast<qsizetype>(m->size()));
        } catch (const Error& e) {
            dataView_->addNote(ErrorText::sentence(e), when, true);
            resetDecoder();
        }
    }
    // Rows shown per batch are bounded too: a flood of short lines is
    // counted, and only its first rows are laid out.
    constexpr size_t kMaxRowsPerBatch = 100;
    if (messages.size() > kMaxRowsPerBatch) {
        messagesIn_ += messages.size() - kMaxRowsPerBatch;
        const auto hidden = messages.size() - kMaxRowsPerBatch;
        messages.resize(kMaxRowsPerBatch);
        dataView_->addNote(
            tr("%1 more messages in this batch not shown (they are counted)").arg(hidden), when);
    }
    for (const auto& m : messages) {
        ++messagesIn_;
        dataView_->addRecord(false, m, when, from);
        if (scenario_ == Scenario::EchoPing && scenarioSet_ && m.startsWith("ping ") &&
            lastPingSent_.isValid())
            lastRttMs_ = double(lastPingSent_.msecsTo(when));
    }
    updateCounters();
    scriptReceived(bytes);
}

void ClientWindow::onError(const ErrorInfo& error) {
    QString text = ErrorText::sentence(error);
    if (error.call == "bind" && error.err == EADDRINUSE)
        text += QLatin1Char(' ') +
                tr("With Bind the client's port is fixed: another socket holds it, or the last "
                   "TCP connection from it is still in TIME_WAIT (about a minute). Choose "
                   "another port, or give only the address.");
    setStatus(text, true);
    dataView_->addNote(text, QDateTime::currentDateTime(), true);
}

void ClientWindow::onTlsHandshake(const tls::SessionInfo& info) {
    const QDateTime now = QDateTime::currentDateTime();
    dataView_->addNote(TlsSummary::agreed(info), now);
    dataView_->addNote(TlsSummary::certificate(info), now);
    QString status = tr("%1 over %2").arg(connectedText_, TlsSummary::brief(info));
    if (!info.chain.empty())
        status += QLatin1Char('\n') + tr("Server certificate SHA-256: %1")
                                          .arg(QString::fromStdString(info.chain.front().sha256));
    setStatus(status, false);
}

void ClientWindow::onClosed(CloseReason reason) {
    // A line still held by the decoder is shown as it is at end of stream.
    if (auto rest = decoder_->flush()) {
        ++messagesIn_;
        dataView_->addRecord(false, QByteArray(rest->data(), static_cast<qsizetype>(rest->size())),
                             QDateTime::currentDateTime());
    }
    QString text;
    switch (reason) {
        case CloseReason::Local:
            text = tr("disconnected (close on this side)");
            break;
        case CloseReason::PeerClosed:
            text = tr("the server closed the connection (recv returned 0)");
            break;
        case CloseReason::Error:
            text = tr("connection ended by an error");
            break;
    }
    if (reason != CloseReason::Error) {
        setStatus(text, false);
    }
    dataView_->addNote(text, QDateTime::currentDateTime(), reason == CloseReason::Error);
    updateCounters();
    scriptClosed();
}

void ClientWindow::setStatus(const QString& text, bool isError) {
    formstyle::setErrorText(statusLabel_, isError);
    statusLabel_->setText(text);
}

void ClientWindow::updateCounters() {
    QString text = tr("In: %1 bytes, %2 msg    Out: %3 bytes, %4 msg")
                       .arg(session_->bytesIn())
                       .arg(messagesIn_)
                       .arg(session_->bytesOut())
                       .arg(messagesOut_);
    if (lastRttMs_ >= 0) text += tr("   Round trip: %1 ms").arg(lastRttMs_, 0, 'f', 0);
    counters_->setText(text);
}

void ClientWindow::closeEvent(QCloseEvent* event) {
    scenarioTimer_->stop();
    stopScript();
    session_->disconnectFromHost();
    QWidget::closeEvent(event);
}

}  // namespace sockwb
