#include "widgets/relay/relaypanel.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/common/errortext.h"
#include "widgets/common/logview.h"
#include "widgets/relay/faultseditor.h"
#include "widgets/relay/relaychart.h"
#include "widgets/relay/relaycounters.h"
#include "widgets/relay/relayobserveradapter.h"
#include "widgets/sequence/sequencetab.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
// "127.0.0.1:7", "[::1]:7".
QString hostPort(const std::string& host, uint16_t port) {
    const QString h = q(host);
    return (h.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2"))
        .arg(h)
        .arg(port);
}
constexpr int kTraceRows = 10000;   // rows of trace a panel keeps
constexpr int kRefreshMs = 250;     // counters at 4 Hz
constexpr int kTicksPerSample = 4;  // the chart: one sample a second
}  // namespace

RelayPanel::RelayPanel(const RelayConfig& config, QWidget* parent)
    : QWidget(parent),
      config_(config),
      observer_(new RelayObserverAdapter(this)),
      traceAdapter_(new TraceAdapter(this, 30, 2 * kTraceRows)),
      status_(new QLabel(this)),
      error_(new QLabel(this)),
      startButton_(new QPushButton(tr("Start"), this)),
      stopButton_(new QPushButton(tr("Stop"), this)),
      faults_(new FaultsEditor(this)),
      counters_(new RelayCounters(this)),
      chart_(new RelayChart(this)),
      tabs_(new QTabWidget(this)),
      log_(new LogView(this)),
      traceView_(new TraceView(this, kTraceRows)),
      sequenceTab_(new SequenceTab(traceAdapter_, traceView_, this)) {
    setObjectName(QStringLiteral("relayPanel"));
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
    startButton_->setObjectName(QStringLiteral("startButton"));
    stopButton_->setObjectName(QStringLiteral("stopButton"));
    faults_->setProtocol(config_.protocol);
    faults_->setFaults(config_.up, config_.down);
    counters_->setProtocol(config_.protocol);

    tabs_->setObjectName(QStringLiteral("relayTabs"));
    tabs_->addTab(buildFaultsTab(), tr("Faults"));
    tabs_->addTab(log_, tr("Log"));
    tabs_->addTab(traceView_, tr("Trace"));
    traceView_->attach(traceAdapter_);
    tabs_->addTab(sequenceTab_, tr("Sequence"));

    auto* top = new QHBoxLayout;
    top->addWidget(status_, 1);
    top->addWidget(startButton_);
    top->addWidget(stopButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(error_);
    layout->addWidget(tabs_, 1);

    connect(startButton_, &QPushButton::clicked, this, &RelayPanel::start);
    connect(stopButton_, &QPushButton::clicked, this, &RelayPanel::stop);
    connect(faults_, &FaultsEditor::faultsChanged, this, &RelayPanel::onFaultsChanged);
    connect(observer_, &RelayObserverAdapter::eventsReady, this, &RelayPanel::onRelayEvents);
    connect(&refreshTimer_, &QTimer::timeout, this, &RelayPanel::refresh);
    refreshTimer_.setInterval(kRefreshMs);
    refreshTimer_.start();
    setState(Stopped);
}

// The faults above (both directions side by side), what they do below:
// the counters beside the chart. Side by side all three needed more width
// than a laptop screen gives the panel.
QWidget* RelayPanel::buildFaultsTab() {
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(faults_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* below = new QWidget(this);
    auto* belowLayout = new QHBoxLayout(below);
    belowLayout->setContentsMargins(0, 0, 0, 0);
    belowLayout->addWidget(counters_, 3);
    belowLayout->addWidget(chart_, 2);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("faultsSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(below);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

RelayPanel::~RelayPanel() {
    // A start or stop in flight ends first (a relay started but not yet
    // delivered is destroyed inside join()): nothing outlives the adapters.
    task_.join();
    relay_.reset();
}

void RelayPanel::start() {
    if (state_ != Stopped && state_ != Failed) return;
    setState(Starting);
    error_->hide();
    log_->append(LogView::Info, tr("starting %1...").arg(title()));
    task_ = BackgroundTask::run(
        this,
        [config = config_, observer = observer_, trace = traceAdapter_] {
            TraceScope scope(trace);  // socket, bind, listen belong to this trace
            auto relay = std::make_unique<Relay>(config);
            relay->setObserver(observer);
            relay->setTraceObserver(trace);
            relay->start();
            return relay;
        },
        [this](TaskResult<std::unique_ptr<Relay>> started) {
            onStartFinished(std::move(started));
        });
}

void RelayPanel::onStartFinished(TaskResult<std::unique_ptr<Relay>> started) {
    if (!started.ok()) {
        showError(ErrorText::ofTask(started.error, tr("The relay could not start: %1")));
        setState(Failed);
        emit titleChanged(title());
        return;
    }
    relay_ = std::move(*started.value);
    // Faults edited while it was starting apply now.
    for (RelayDirection d : {RelayDirection::Up, RelayDirection::Down})
        relay_->setFaults(d, config_.faults(d));
    address_ = relay_->address();
    lastStats_ = {};
    chart_->clear();
    ticks_ = kTicksPerSample;  // the first sample at the next refresh
    setState(Running);
    log_->append(LogView::Info, tr("relaying %1").arg(title()));
    emit titleChanged(title());
}

void RelayPanel::stop() {
    if (state_ != Running) return;
    lastStats_ = relay_->stats();
    counters_->setStats(lastStats_);
    setState(Stopping);
    // The GUI lets go of the relay: from now on only the worker touches it.
    task_ = BackgroundTask::run(
        this,
        [relay = std::move(relay_), trace = traceAdapter_]() mutable {
            TraceScope scope(trace);
            relay->stop();
            relay.reset();
        },
        [this](TaskResult<void>) {
            address_ = Address();
            log_->append(LogView::Info, tr("stopped"));
            setState(Stopped);
            emit titleChanged(title());
        });
}

void RelayPanel::onFaultsChanged(RelayDirection direction) {
    config_.faults(direction) = faults_->faults(direction);
    if (relay_) relay_->setFaults(direction, config_.faults(direction));
}

void RelayPanel::setTarget(const std::string& host, uint16_t port) {
    if (state_ != Stopped && state_ != Failed) return;
    config_.targetHost = host;
    config_.targetPort = port;
    refresh();
    emit titleChanged(title());
}

QString RelayPanel::title() const {
    const QString from = address_.port() != 0 ? q(address_.toString())
                                              : hostPort(config_.listenHost, config_.listenPort);
    return QStringLiteral("%1 %2 → %3")
        .arg(q(protocolName(config_.protocol)), from,
             hostPort(config_.targetHost, config_.targetPort));
}

QString RelayPanel::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

bool RelayPanel::clientTarget(QString* host, quint16* port, QString* protocol) const {
    if (state_ != Running || address_.port() == 0) return false;
    *host = q(address_.host());
    if (*host == QLatin1String("0.0.0.0")) *host = QStringLiteral("127.0.0.1");
    if (*host == QLatin1String("::")) *host = QStringLiteral("::1");
    *port = address_.port();
    *protocol = QString::fromLatin1(protocolName(config_.protocol));
    return true;
}

RelayStats RelayPanel::stats() const { return relay_ ? relay_->stats() : lastStats_; }

QList<RelayPanel*> RelayPanel::all() {
    QList<RelayPanel*> panels;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* p = qobject_cast<RelayPanel*>(w)) panels << p;
        panels << w->findChildren<RelayPanel*>();
    }
    std::stable_partition(panels.begin(), panels.end(),
                          [](const RelayPanel* p) { return p->state() == Running; });
    return panels;
}

void RelayPanel::showError(const QString& sentence) {
    error_->setText(sentence);
    error_->show();
    log_->append(LogView::Failure, sentence);
}

void RelayPanel::setState(State state) {
    state_ = state;
    startButton_->setEnabled(state == Stopped || state == Failed);
    stopButton_->setEnabled(state == Running);
    refresh();
    emit stateChanged(state);
}

void RelayPanel::onRelayEvents(const QVector<RelayEvent>& events, quint64 dropped) {
    QVector<LogView::Line> lines;
    lines.reserve(events.size() + 1);
    if (dropped > lastDropped_) {
        lines.push_back({LogView::Failure,
                         tr("%1 relay lines dropped: too many to show").arg(dropped - lastDropped_),
                         {}});
        lastDropped_ = dropped;
    }
    for (const RelayEvent& e : events) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(e.time.time_since_epoch())
                .count());
        if (e.failure)
            lines.push_back({LogView::Failure, ErrorText::sentence(e.error), t});
        else
            lines.push_back({LogView::Info, q(e.line), t});
    }
    log_->append(lines);
}

void RelayPanel::refresh() {
    switch (state_) {
        case Stopped:
            status_->setText(tr("Stopped: %1").arg(title()));
            break;
        case Starting:
            status_->setText(tr("Starting..."));
            break;
        case Stopping:
            status_->setText(tr("Stopping..."));
            break;
        case Failed:
            status_->setText(tr("Not running: %1").arg(title()));
            break;
        case Running:
            status_->setText(tr("Relaying: %1").arg(title()));
            break;
    }
    if (state_ != Running || !relay_) return;
    const RelayStats st = relay_->stats();
    counters_->setStats(st);
    if (++ticks_ >= kTicksPerSample) {
        ticks_ = 0;
        chart_->addSample(st);
    }
}

}  // namespace sockwb
