#include "widgets/server/serverpanel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/common/errortext.h"
#include "widgets/common/logview.h"
#include "widgets/common/presentationhooks.h"
#include "widgets/export/exportdialog.h"
#include "widgets/sequence/experimenttrace.h"
#include "widgets/sequence/sequencetab.h"
#include "widgets/server/activitycharts.h"
#include "widgets/server/certificatebox.h"
#include "widgets/server/connectionstable.h"
#include "widgets/server/serverform.h"
#include "widgets/server/serverpaneltext.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
constexpr int kTraceRows = 10000;  // rows of trace a panel keeps
}  // namespace

ServerPanel::ServerPanel(const ServerConfig& config, QWidget* parent)
    : QWidget(parent),
      config_(config),
      observer_(new ServerObserverAdapter(this)),
      // The queue holds twice what the view keeps: anything older could never
      // be shown, and dropping it on the core threads spares the GUI thread.
      traceAdapter_(new TraceAdapter(this, 30, 2 * kTraceRows)),
      status_(new QLabel(this)),
      error_(new QLabel(this)),
      counters_(new QLabel(this)),
      certificate_(new CertificateBox(this)),
      startButton_(new QPushButton(tr("Start"), this)),
      stopButton_(new QPushButton(tr("Stop"), this)),
      editButton_(new QPushButton(tr("Settings..."), this)),
      tabs_(new QTabWidget(this)),
      connections_(new ConnectionsTable(this)),
      log_(new LogView(this)),
      activity_(new ActivityCharts(this)),
      traceView_(new TraceView(this, kTraceRows)),
      sequenceTab_(new SequenceTab(traceAdapter_, traceView_, this)) {
    setupLabels();
    tabs_->setObjectName(QStringLiteral("serverTabs"));
    tabs_->addTab(connections_, tr("Connections"));
    tabs_->addTab(log_, tr("Log"));
    tabs_->addTab(traceView_, tr("Trace"));
    traceView_->attach(traceAdapter_);
    tabs_->addTab(activity_, tr("Activity"));
    tabs_->addTab(sequenceTab_, tr("Sequence"));
    auto* withClients = new QPushButton(tr("With clients..."), sequenceTab_);
    withClients->setObjectName(QStringLiteral("sequenceWithClients"));
    withClients->setToolTip(
        tr("Open the sequence of the whole experiment: this server, the client windows aimed "
           "at it and the programs run, in one window"));
    sequenceTab_->toolBar()->addWidget(withClients);
    connect(withClients, &QPushButton::clicked, this,
            [this] { ExperimentTrace::openWindow(this); });

    auto* top = new QHBoxLayout;
    top->addWidget(status_, 1);
    top->addWidget(startButton_);
    top->addWidget(stopButton_);
    top->addWidget(editButton_);
    auto* exportCode = new QPushButton(tr("Export as Code..."), this);
    exportCode->setObjectName(QStringLiteral("exportCode"));
    exportCode->setToolTip(tr("The C (or Python) program that serves as this server does"));
    connect(exportCode, &QPushButton::clicked, this,
            [this] { ExportDialog::openForServer(config_, this); });
    top->addWidget(exportCode);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(error_);
    layout->addWidget(counters_);
    layout->addWidget(certificate_);
    layout->addWidget(tabs_, 1);

    connect(startButton_, &QPushButton::clicked, this, &ServerPanel::start);
    connect(stopButton_, &QPushButton::clicked, this, &ServerPanel::stop);
    connect(editButton_, &QPushButton::clicked, this, &ServerPanel::editConfig);
    connect(observer_, &ServerObserverAdapter::eventsReady, this, &ServerPanel::onServerEvents);
    connect(&refreshTimer_, &QTimer::timeout, this, &ServerPanel::refresh);
    refreshTimer_.setInterval(500);
    refreshTimer_.start();
    setState(Stopped);
}

void ServerPanel::setupLabels() {
    setObjectName(QStringLiteral("serverPanel"));
    status_->setObjectName(QStringLiteral("statusLine"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = status_->font();
    bold.setBold(true);
    status_->setFont(bold);
    error_->setObjectName(QStringLiteral("errorLabel"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral(
        "QLabel { color: #c01c28; background: #fdecea; padding: 6px; border-radius: 3px; }"));
    error_->hide();
    counters_->setObjectName(QStringLiteral("countersLabel"));
    counters_->hide();     // until the server has run once
    certificate_->hide();  // while a server with TLS runs
    // The key numbers, big in a lecture room (Presentation Mode).
    PresentationHooks::emphasize(counters_);
    startButton_->setObjectName(QStringLiteral("startButton"));
    stopButton_->setObjectName(QStringLiteral("stopButton"));
    editButton_->setObjectName(QStringLiteral("editButton"));
    editButton_->setToolTip(tr("Change the configuration (while stopped)"));
}

ServerPanel::~ServerPanel() {
    // A start or stop in flight finishes first, and a started server not yet
    // delivered is destroyed in join(): nothing may outlive the adapters the
    // server reports to (they are children, deleted after this).
    task_.join();
    server_.reset();
}

void ServerPanel::start() {
    if (state_ != Stopped && state_ != Failed) return;
    setState(Starting);
    error_->hide();
    log_->append(LogView::Info, tr("starting %1 (%2 model)...").arg(title(), q(config_.model)));
    task_ = BackgroundTask::run(
        this,
        [config = config_, observer = observer_, trace = traceAdapter_] {
            // The calls made here (socket, bind, listen) belong to this trace.
            TraceScope scope(trace);
            auto server = std::make_unique<Server>(config);
            server->setObserver(observer);
            server->setTraceObserver(trace);
            server->start();
            return server;
        },
        [this](TaskResult<std::unique_ptr<Server>> started) {
            onStartFinished(std::move(started));
        });
}

void ServerPanel::onStartFinished(TaskResult<std::unique_ptr<Server>> started) {
    if (!started.ok()) {
        showError(ErrorText::ofTask(started.error, tr("The server could not start: %1")));
        setState(Failed);
        return;
    }
    server_ = std::move(*started.value);
    addresses_ = server_->addresses();
    modelName_ = q(server_->modelName());
    // How the blocking models wait (ServerConfig::io): "thread, blocking calls".
    if (usesBlockingCalls(server_->config()))
        modelName_ = tr("%1, blocking calls").arg(modelName_);
    else if (server_->config().io == IoMode::Poll && server_->config().model != "select" &&
             server_->config().model != "poll" && server_->config().model != "epoll")
        modelName_ = tr("%1, non-blocking + poll()").arg(modelName_);
    uptime_.start();
    // A new run: its own charts, the first sample now.
    activity_->clear();
    activity_->setRequestsShown(
        std::any_of(config_.listeners.begin(), config_.listeners.end(),
                    [](const ListenerConfig& l) { return l.service == "http"; }));
    sampleClock_.invalidate();
    log_->append(sockopts_.started(*server_));
    connections_->setTlsShown(config_.tls);
    if (config_.tls) {
        certificate_->setCertificate(server_->tlsCertificate(), q(server_->tlsCertFile()));
        certificate_->show();
    }
    setState(Running);
    emit titleChanged(title());
}

void ServerPanel::stop() {
    if (state_ != Running) return;
    setState(Stopping);
    // The GUI lets go of the server: from now on only the worker touches it.
    task_ = BackgroundTask::run(
        this,
        [server = std::move(server_), trace = traceAdapter_]() mutable {
            TraceScope scope(trace);
            server->stop();
            server.reset();
        },
        [this](TaskResult<void>) { onStopFinished(); });
}

void ServerPanel::onStopFinished() {
    addresses_.clear();
    certificate_->hide();
    log_->append(LogView::Info, tr("stopped"));
    setState(Stopped);
    emit titleChanged(title());
}

void ServerPanel::setConfig(const ServerConfig& config) {
    if (state_ != Stopped && state_ != Failed) return;
    config_ = config;
    emit titleChanged(title());
    refresh();
}

void ServerPanel::editConfig() {
    auto* form = new ServerForm(this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->setConfig(config_);
    connect(form, &QDialog::accepted, this, [this, form] { setConfig(form->config()); });
    form->open();
}

QString ServerPanel::title() const {
    const ListenerConfig& main = config_.listeners.front();
    QString where;
    if (!addresses_.empty())
        where = q(addresses_.front().toString());
    else if (isUnixDomain(main.protocol))
        where = QStringLiteral("unix:%1").arg(q(main.bindAddress));  // a path, no port
    else
        where = QStringLiteral("%1:%2").arg(q(main.bindAddress)).arg(main.port);
    QString t = QStringLiteral("%1 · %2 %3")
                    .arg(q(main.service), ServerPanelText::protocolWord(config_, 0), where);
    if (config_.listeners.size() > 1) t += tr(" (+%1)").arg(config_.listeners.size() - 1);
    return t;
}

QString ServerPanel::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void ServerPanel::showError(const QString& sentence) {
    error_->setText(sentence);
    error_->show();
    log_->append(LogView::Failure, sentence);
}

void ServerPanel::setState(State state) {
    state_ = state;
    startButton_->setEnabled(state == Stopped || state == Failed);
    stopButton_->setEnabled(state == Running);
    editButton_->setEnabled(state == Stopped || state == Failed);
    refresh();
    emit stateChanged(state);
}

void ServerPanel::onServerEvents(const QVector<ServerEvent>& events, quint64 dropped) {
    QVector<LogView::Line> lines;
    lines.reserve(events.size() + 1);
    if (dropped > lastDropped_) {
        lines.push_back(
            {LogView::Failure,
             tr("%1 server events dropped: too many to show").arg(dropped - lastDropped_),
             {}});
        lastDropped_ = dropped;
    }
    constexpr int kDataLinesPerBatch = 200;
    int dataLines = 0;
    int skipped = 0;
    for (const ServerEvent& e : events) {
        if (e.kind == ServerEvent::Stopped) continue;  // onStopFinished says it once joined
        if (e.kind == ServerEvent::Tls) connections_->setConnectionTls(e.connectionId, q(e.text));
        // A flood (chargen...) would drown the log and the GUI thread: show
        // the first data lines of each batch and count the rest.
        if (e.kind == ServerEvent::Data && ++dataLines > kDataLinesPerBatch) {
            ++skipped;
            continue;
        }
        lines.push_back(ServerPanelText::eventLine(e));
    }
    if (skipped)
        lines.push_back(
            {LogView::Info, tr("... %n more data line(s) not shown", nullptr, skipped), {}});
    log_->append(lines);
}

void ServerPanel::refresh() {
    const QLocale locale;
    switch (state_) {
        case Stopped:
            status_->setText(tr("Stopped: %1, %2 model").arg(title(), q(config_.model)));
            break;
        case Starting:
            status_->setText(tr("Starting..."));
            break;
        case Stopping:
            status_->setText(tr("Stopping..."));
            break;
        case Failed:
            status_->setText(tr("Not running: %1, %2 model").arg(title(), q(config_.model)));
            break;
        case Running: {
            QStringList where;
            for (size_t i = 0; i < addresses_.size() && i < config_.listeners.size(); ++i)
                where << QStringLiteral("%1 %2 %3")
                             .arg(q(config_.listeners[i].service),
                                  ServerPanelText::protocolWord(config_, i),
                                  ServerPanelText::addressText(config_, i, addresses_[i]));
            const qint64 s = uptime_.elapsed() / 1000;
            // Several loops (epoll, io_uring): "epoll ×2 loops".
            const QString model = config_.loops > 1
                                      ? tr("%1 ×%2 loops").arg(modelName_).arg(config_.loops)
                                      : modelName_;
            status_->setText(tr("Listening: %1 · model %2 · up %3:%4:%5")
                                 .arg(where.join(QStringLiteral(", ")), model)
                                 .arg(s / 3600)
                                 .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                                 .arg(s % 60, 2, 10, QLatin1Char('0')));
            break;
        }
    }
    if (state_ == Running && server_) {
        const ServerStats st = server_->stats();
        QString counters =
            tr("accepted %1 · active %2 · in %3 B · out %4 B · datagrams %5 in / %6 out · "
               "errors %7 · refused %8")
                .arg(locale.toString(qulonglong(st.accepted)),
                     locale.toString(qulonglong(st.active)),
                     locale.toString(qulonglong(st.bytesIn)),
                     locale.toString(qulonglong(st.bytesOut)),
                     locale.toString(qulonglong(st.datagramsIn)),
                     locale.toString(qulonglong(st.datagramsOut)),
                     locale.toString(qulonglong(st.errors)),
                     locale.toString(qulonglong(st.refused)));
        // Shown once it happened: clients closed over the output limit.
        if (st.slowClosed > 0)
            counters +=
                tr(" · closed for not reading %1").arg(locale.toString(qulonglong(st.slowClosed)));
        counters += QStringLiteral(" · ") + ServerPanelText::memoryText(st);
        counters_->setText(counters);
        // The refresh runs twice a second; the charts take one sample a second.
        if (!sampleClock_.isValid() || sampleClock_.elapsed() >= 1000) {
            sampleClock_.start();
            activity_->addSample(st);
        }
        connections_->setConnections(server_->connections(), addresses_);
        log_->append(sockopts_.collect(*server_));  // the first connection's, once
        counters_->show();
    } else if (state_ != Running) {
        connections_->setConnections({});
    }
}

}  // namespace sockwb
