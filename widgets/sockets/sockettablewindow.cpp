#include "widgets/sockets/sockettablewindow.h"

#include <unistd.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShowEvent>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "core/net/error.h"
#include "core/net/sockdiag.h"
#include "widgets/common/errortext.h"
#include "widgets/common/formstyle.h"
#include "widgets/sockets/socketfilter.h"
#include "widgets/sockets/sockettablemodel.h"
#include "widgets/sockets/sockettext.h"

namespace sockwb {

namespace {
constexpr int kDefaultIntervalMs = 1000;

// What a read brings back: the sockets and how long the read took.
struct Snapshot {
    std::vector<SocketEntry> entries;
    qint64 tookMs = 0;
};
}  // namespace

SocketTableWindow::SocketTableWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      model_(new SocketTableModel(this)),
      filter_(new SocketFilter(this)),
      table_(new QTableView(this)),
      status_(new QLabel(this)),
      error_(new QLabel(this)),
      timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("socketTableWindow"));
    setWindowTitle(tr("Sockets on this machine"));
    filter_->setSourceModel(model_);
    table_->setObjectName(QStringLiteral("socketTable"));
    table_->setModel(filter_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(SocketText::Process, QHeaderView::Stretch);
    const int widths[] = {60, 110, 64, 64, 200, 200, 220, 150, 60, 90};
    for (int c = 0; c < SocketText::ColumnCount; ++c) table_->setColumnWidth(c, widths[c]);
    table_->setSortingEnabled(true);
    table_->sortByColumn(SocketText::Local, Qt::AscendingOrder);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table_, &QWidget::customContextMenuRequested, this, &SocketTableWindow::onContextMenu);

    status_->setObjectName(QStringLiteral("socketStatus"));
    error_->setObjectName(QStringLiteral("socketError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formstyle::setErrorText(error_, true);
    error_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeFilterRow());
    layout->addWidget(makeRefreshRow());
    layout->addWidget(error_);
    layout->addWidget(table_, 1);

    connect(timer_, &QTimer::timeout, this, &SocketTableWindow::refreshNow);
    timer_->setInterval(kDefaultIntervalMs);
    // Rows come and go with the filters too: the counts follow.
    connect(filter_, &QAbstractItemModel::rowsInserted, this, &SocketTableWindow::updateStatus);
    connect(filter_, &QAbstractItemModel::rowsRemoved, this, &SocketTableWindow::updateStatus);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &SocketTableWindow::updateStatus);
    connect(filter_, &QAbstractItemModel::modelReset, this, &SocketTableWindow::updateStatus);
    updateStatus();
    resize(1200, 640);
}

SocketTableWindow::~SocketTableWindow() = default;

SocketTableWindow* SocketTableWindow::open() {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* existing = qobject_cast<SocketTableWindow*>(w)) {
            existing->showNormal();
            existing->raise();
            existing->activateWindow();
            return existing;
        }
    auto* w = new SocketTableWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    return w;
}

QWidget* SocketTableWindow::makeFilterRow() {
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    port_ = new QLineEdit(row);
    port_->setObjectName(QStringLiteral("socketPortFilter"));
    port_->setPlaceholderText(tr("any"));
    port_->setMaximumWidth(80);
    port_->setClearButtonEnabled(true);
    port_->setToolTip(tr("Only the sockets whose local or peer port is this one (0 to 65535)"));
    connect(port_, &QLineEdit::textChanged, this, &SocketTableWindow::onPortText);
    state_ = new QComboBox(row);
    state_->setObjectName(QStringLiteral("socketStateFilter"));
    state_->addItem(tr("All states"), QString());
    for (const QString& name : SocketText::stateNames()) state_->addItem(name, name);
    state_->setToolTip(tr("Only the sockets in this state"));
    connect(state_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setState(state_->currentData().toString()); });
    tcp_ = new QCheckBox(tr("TCP"), row);
    udp_ = new QCheckBox(tr("UDP"), row);
    unix_ = new QCheckBox(tr("Unix"), row);
    tcp_->setObjectName(QStringLiteral("socketTcp"));
    udp_->setObjectName(QStringLiteral("socketUdp"));
    unix_->setObjectName(QStringLiteral("socketUnix"));
    tcp_->setChecked(true);
    udp_->setChecked(true);
    tcp_->setToolTip(tr("Show TCP sockets (IPv4 and IPv6)"));
    udp_->setToolTip(tr("Show UDP sockets (IPv4 and IPv6)"));
    unix_->setToolTip(tr("Show Unix-domain sockets (stream, datagram, seqpacket)"));
    for (QCheckBox* box : {tcp_, udp_, unix_})
        connect(box, &QCheckBox::toggled, this, &SocketTableWindow::onProtocolsToggled);
    filter_->setProtocols(true, true, false);
    mine_ = new QCheckBox(tr("Mine"), row);
    mine_->setObjectName(QStringLiteral("socketMine"));
    mine_->setToolTip(
        tr("Only my sockets: those of my user (uid %1), which include every socket of this "
           "workbench (pid %2) and of the programs I run. A TIME-WAIT entry belongs to no one "
           "any more (uid 0, inode 0): it is not shown.")
            .arg(::getuid())
            .arg(::getpid()));
    connect(mine_, &QCheckBox::toggled, filter_, &SocketFilter::setMineOnly);
    search_ = new QLineEdit(row);
    search_->setObjectName(QStringLiteral("socketSearch"));
    search_->setPlaceholderText(tr("Search: address, process, state..."));
    search_->setClearButtonEnabled(true);
    search_->setToolTip(tr("Only the rows where some cell contains this text"));
    connect(search_, &QLineEdit::textChanged, filter_, &SocketFilter::setSearch);

    h->addWidget(new QLabel(tr("Port:"), row));
    h->addWidget(port_);
    h->addWidget(new QLabel(tr("State:"), row));
    h->addWidget(state_);
    h->addWidget(tcp_);
    h->addWidget(udp_);
    h->addWidget(unix_);
    h->addWidget(mine_);
    h->addWidget(search_, 1);
    return row;
}

QWidget* SocketTableWindow::makeRefreshRow() {
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    pause_ = new QPushButton(tr("Pause"), row);
    pause_->setObjectName(QStringLiteral("socketPause"));
    pause_->setCheckable(true);
    pause_->setToolTip(tr("Stop refreshing the table (the rows stay as they are)"));
    connect(pause_, &QPushButton::toggled, this, &SocketTableWindow::setPaused);
    interval_ = new QComboBox(row);
    interval_->setObjectName(QStringLiteral("socketInterval"));
    for (int ms : {500, 1000, 2000, 5000})
        interval_->addItem(ms < 1000 ? tr("every %1 ms").arg(ms) : tr("every %1 s").arg(ms / 1000),
                           ms);
    interval_->setCurrentIndex(interval_->findData(kDefaultIntervalMs));
    interval_->setToolTip(tr("How often the sockets are read again"));
    connect(interval_, &QComboBox::currentIndexChanged, this,
            [this] { timer_->setInterval(interval_->currentData().toInt()); });
    auto* refresh = new QPushButton(tr("Refresh now"), row);
    refresh->setObjectName(QStringLiteral("socketRefresh"));
    refresh->setToolTip(
        tr("Read the sockets again now (sock_diag netlink, then /proc for the "
           "processes)"));
    connect(refresh, &QPushButton::clicked, this, &SocketTableWindow::refreshNow);
    h->addWidget(pause_);
    h->addWidget(interval_);
    h->addWidget(refresh);
    h->addWidget(status_, 1);
    return row;
}

void SocketTableWindow::setPortFilter(int port) {
    port_->setText(port < 0 ? QString() : QString::number(port));
}

void SocketTableWindow::setStateFilter(const QString& s) {
    filter_->setState(s);
    const int i = state_->findData(filter_->state());
    state_->setCurrentIndex(i < 0 ? 0 : i);
}

void SocketTableWindow::setMineOnly(bool on) { mine_->setChecked(on); }

void SocketTableWindow::setProtocols(bool tcp, bool udp, bool unixSockets) {
    tcp_->setChecked(tcp);
    udp_->setChecked(udp);
    unix_->setChecked(unixSockets);
}

void SocketTableWindow::setPaused(bool paused) {
    pause_->setChecked(paused);
    pause_->setText(paused ? tr("Resume") : tr("Pause"));
    if (paused)
        timer_->stop();
    else if (isVisible())
        timer_->start();
}

bool SocketTableWindow::isPaused() const { return pause_->isChecked(); }

void SocketTableWindow::setIntervalMs(int ms) {
    const int i = interval_->findData(ms);
    if (i >= 0)
        interval_->setCurrentIndex(i);
    else
        timer_->setInterval(ms);
}

int SocketTableWindow::intervalMs() const { return timer_->interval(); }

void SocketTableWindow::onPortText() {
    const QString text = port_->text().trimmed();
    bool ok = true;
    const int port = text.isEmpty() ? -1 : text.toInt(&ok);
    const bool valid = ok && port <= 65535 && port >= -1;
    formstyle::markInvalid(port_, !valid);
    if (valid) filter_->setPort(port);
}

void SocketTableWindow::onProtocolsToggled() {
    filter_->setProtocols(tcp_->isChecked(), udp_->isChecked(), unix_->isChecked());
    refreshNow();  // the read asks the kernel for these protocols only
}

void SocketTableWindow::refreshNow() {
    // One read at a time: a slow /proc must not pile up threads.
    if (running_) {
        again_ = true;
        return;
    }
    running_ = true;
    SocketQuery query;
    query.tcp = tcp_->isChecked();
    query.udp = udp_->isChecked();
    query.unixSockets = unix_->isChecked();
    query.owners = true;
    task_ = BackgroundTask::run(
        this,
        [query] {
            QElapsedTimer took;
            took.start();
            Snapshot s;
            if (query.tcp || query.udp || query.unixSockets) s.entries = querySockets(query);
            s.tookMs = took.elapsed();
            return s;
        },
        [this](TaskResult<Snapshot> r) {
            running_ = false;
            if (r.ok()) {
                error_->hide();
                lastTookMs_ = r.value->tookMs;
                lastTime_ = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
                model_->setEntries(std::move(r.value->entries));
                updateStatus();
                emit refreshed(filter_->rowCount());
            } else {
                const QString text = ErrorText::ofTask(r.error);
                error_->setText(tr("The sockets could not be read: %1. The table shows the last "
                                   "ones read.")
                                    .arg(text));
                error_->show();
                emit refreshFailed(text);
            }
            if (again_) {
                again_ = false;
                refreshNow();
            }
        });
}

void SocketTableWindow::updateStatus() {
    int tcp = 0, udp = 0, unixCount = 0, listening = 0, timeWait = 0, total = 0;
    for (int r = 0; r < model_->rowCount(); ++r) {
        if (model_->isGone(r)) continue;
        const SocketEntry& e = model_->entry(r);
        ++total;
        tcp += e.protocol == SocketEntry::Protocol::Tcp;
        udp += e.protocol == SocketEntry::Protocol::Udp;
        unixCount += e.protocol == SocketEntry::Protocol::Unix;
        listening += e.state == 10 && e.protocol != SocketEntry::Protocol::Udp;  // TCP_LISTEN
        timeWait += e.state == 6 && e.protocol == SocketEntry::Protocol::Tcp;    // TCP_TIME_WAIT
    }
    QString text = tr("%1 shown of %n socket(s): TCP %2, UDP %3, Unix %4 · %5 listening · %6 "
                      "in TIME-WAIT",
                      nullptr, total)
                       .arg(filter_->rowCount())
                       .arg(tcp)
                       .arg(udp)
                       .arg(unixCount)
                       .arg(listening)
                       .arg(timeWait);
    if (!lastTime_.isEmpty()) text += tr(" · read at %1 in %2 ms").arg(lastTime_).arg(lastTookMs_);
    status_->setText(text);
}

void SocketTableWindow::onContextMenu(const QPoint& pos) {
    const QModelIndex at = table_->indexAt(pos);
    QList<int> rows;
    for (const QModelIndex& i : table_->selectionModel()->selectedRows())
        rows << filter_->mapToSource(i).row();
    if (at.isValid() && rows.isEmpty()) rows << filter_->mapToSource(at).row();
    // The texts now: a refresh may change the rows while the menu is open.
    QStringList lines;
    for (int r : rows) lines << model_->rowText(r);
    QMenu menu(this);
    auto add = [this, &menu](const QString& text, auto slot) {
        QAction* a = menu.addAction(text);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(tr("Copy row(s)"), [lines] { copyRows(lines); })->setEnabled(!lines.isEmpty());
    if (at.isValid()) {
        const SocketEntry& e = model_->entry(filter_->mapToSource(at).row());
        // The port of the column clicked: the peer's on the Peer column.
        int port = at.column() == SocketText::Peer ? e.peerPort : e.localPort;
        if (port == 0) port = e.localPort ? e.localPort : e.peerPort;
        add(tr("Filter on this port (%1)").arg(port), [this, port] {
            setPortFilter(port);
        })->setEnabled(port != 0);
        const QString state = SocketText::state(e);
        add(tr("Filter on this state (%1)").arg(state), [this, state] { setStateFilter(state); });
    }
    add(tr("Clear the filters"), [this] {
        setPortFilter(-1);
        setStateFilter(QString());
        setMineOnly(false);
        search_->clear();
    });
    menu.exec(table_->viewport()->mapToGlobal(pos));
}

void SocketTableWindow::copyRows(const QStringList& rows) {
    QStringList lines;
    for (int c = 0; c < SocketText::ColumnCount; ++c) lines << SocketText::columnTitle(c);
    lines = QStringList{lines.join(QLatin1Char('\t'))} + rows;
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void SocketTableWindow::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!isPaused()) timer_->start();
    refreshNow();
}

void SocketTableWindow::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    timer_->stop();
}

}  // namespace sockwb
