#include "widgets/server/connectionstable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <algorithm>

#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
// The core gives the state as a code; worded here, with the English words
// of connectionStateName().
QString stateText(ConnectionState state) {
    switch (state) {
        case ConnectionState::Open:
            return ConnectionsTable::tr("open");
        case ConnectionState::Closing:
            return ConnectionsTable::tr("closing");
        case ConnectionState::Closed:
            break;
    }
    return ConnectionsTable::tr("closed");
}
}  // namespace

ConnectionsTable::ConnectionsTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent), sampler_(new TcpSampler(this)) {
    setObjectName(QStringLiteral("connectionsTable"));
    QStringList labels{tr("Peer"),      tr("Listener"), tr("fd"),    tr("Worker"), tr("Bytes in"),
                       tr("Bytes out"), tr("State"),    tr("Since"), tr("TLS")};
    for (int f = 0; f < TcpText::FieldCount; ++f) labels << TcpText::name(TcpText::Field(f));
    setHorizontalHeaderLabels(labels);
    horizontalHeaderItem(State)->setToolTip(
        tr("The server's view of the connection: being served, closing, closed"));
    horizontalHeaderItem(Tls)->setToolTip(
        tr("The TLS version and cipher the handshake agreed (empty until it is done)"));
    setColumnHidden(Tls, true);
    for (int f = 0; f < TcpText::FieldCount; ++f)
        horizontalHeaderItem(column(TcpText::Field(f)))
            ->setToolTip(TcpText::explanation(TcpText::Field(f)));
    samples_.index = std::make_shared<const TcpSampleIndex>();
    connect(sampler_, &TcpSampler::sampled, this, &ConnectionsTable::setTcpSamples);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
}

void ConnectionsTable::setConnections(const std::vector<ConnectionInfo>& connections,
                                      const std::vector<Address>& listeners) {
    std::vector<const ConnectionInfo*> rows;
    rows.reserve(connections.size());
    for (const auto& c : connections) rows.push_back(&c);
    std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->id < b->id; });
    setRowCount(static_cast<int>(rows.size()));
    rowTuples_.assign(rows.size(), {});
    rowIds_.assign(rows.size(), 0);
    forgetTls(rows);
    std::vector<TcpWatchTarget> targets;
    const QLocale locale;
    const auto ownPid = static_cast<int>(QCoreApplication::applicationPid());
    for (int r = 0; r < rowCount(); ++r) {
        const ConnectionInfo& c = *rows[static_cast<size_t>(r)];
        rowIds_[static_cast<size_t>(r)] = c.id;
        const auto since =
            std::chrono::duration_cast<std::chrono::milliseconds>(c.since.time_since_epoch())
                .count();
        // A fork child has its own pid; in this process the thread tells more.
        QString worker;
        if (c.pid && c.pid != ownPid)
            worker = tr("pid %1").arg(c.pid);
        else if (c.tid)
            worker = tr("tid %1").arg(c.tid);
        // A TCP row is found in the kernel's table by its listener's port
        // and its peer (a Unix-domain listener has no TCP state).
        if (c.listenerIndex < listeners.size()) {
            const Address& local = listeners[c.listenerIndex];
            if ((local.family() == AF_INET || local.family() == AF_INET6) && c.peer.isValid()) {
                rowTuples_[static_cast<size_t>(r)] = {local, c.peer};
                const bool known = std::any_of(targets.begin(), targets.end(),
                                               [&](const auto& t) { return t.local == local; });
                if (!known) targets.push_back({local, Address()});
            }
        }
        const QString cells[TcpFirst] = {
            QString::fromStdString(c.peer.toString()),
            QString::fromStdString(c.listener),
            c.fd >= 0 ? QString::number(c.fd) : QString(),
            worker,
            locale.toString(static_cast<qulonglong>(c.bytesIn)),
            locale.toString(static_cast<qulonglong>(c.bytesOut)),
            stateText(c.state),
            QDateTime::fromMSecsSinceEpoch(since).toString(QStringLiteral("HH:mm:ss")),
            c.tls.empty() ? tls_.value(c.id) : QString::fromStdString(c.tls),
        };
        for (int col = 0; col < TcpFirst; ++col) setCell(r, col, cells[col]);
    }
    const bool changed =
        targets.size() != targets_.size() ||
        !std::equal(targets.begin(), targets.end(), targets_.begin(),
                    [](const auto& a, const auto& b) { return a.local == b.local; });
    if (changed) {
        targets_ = std::move(targets);
        updateSampling();
    }
    fillTcpCells();
}

void ConnectionsTable::setTlsShown(bool shown) { setColumnHidden(Tls, !shown); }

void ConnectionsTable::setConnectionTls(uint64_t id, const QString& summary) {
    tls_.insert(id, summary);
    for (int r = 0; r < rowCount(); ++r)
        if (rowIds_[static_cast<size_t>(r)] == id && item(r, Tls)->text().isEmpty())
            setCell(r, Tls, summary);
}

// Ids grow: one at or below the snapshot's highest that it does not hold
// is closed, and one it shows with its TLS needs no event any more.
void ConnectionsTable::forgetTls(const std::vector<const ConnectionInfo*>& rows) {
    if (tls_.isEmpty()) return;
    uint64_t maxId = rows.empty() ? maxSeenId_ : rows.back()->id;
    maxSeenId_ = std::max(maxSeenId_, maxId);
    QHash<quint64, bool> known;
    for (const ConnectionInfo* c : rows) known.insert(c->id, !c->tls.empty());
    for (auto it = tls_.begin(); it != tls_.end();) {
        const auto k = known.constFind(it.key());
        const bool gone = k == known.cend() ? it.key() <= maxId : k.value();
        it = gone ? tls_.erase(it) : std::next(it);
    }
}

void ConnectionsTable::setCell(int row, int col, const QString& text) {
    QTableWidgetItem* it = item(row, col);
    if (!it) {
        it = new QTableWidgetItem;
        if (col == Fd || col == BytesIn || col == BytesOut || (col >= TcpFirst && col != TcpState))
            it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, col, it);
    }
    if (it->text() != text) it->setText(text);
}

void ConnectionsTable::setTcpSamples(const TcpSamples& samples) {
    samples_ = samples;
    fillTcpCells();
}

void ConnectionsTable::fillTcpCells() {
    // Why a TCP row has no numbers: the dump failed (said in the state's
    // tooltip), or the kernel no longer lists the connection.
    const QString failure = samples_.error ? ErrorText::sentence(*samples_.error) : QString();
    for (int r = 0; r < rowCount(); ++r) {
        const auto& [local, peer] = rowTuples_[static_cast<size_t>(r)];
        const TcpWatchSample* s = local.isValid() ? samples_.index->find(local, peer) : nullptr;
        for (int f = 0; f < TcpText::FieldCount; ++f)
            setCell(r, column(TcpText::Field(f)),
                    s ? TcpText::value(TcpText::Field(f), *s) : QString());
        QTableWidgetItem* state = item(r, TcpState);
        const QString tip = local.isValid() ? failure : QString();
        if (state->toolTip() != tip) state->setToolTip(tip);
    }
}

void ConnectionsTable::updateSampling() {
    sampler_->setTargets(isVisible() ? targets_ : std::vector<TcpWatchTarget>{});
    if (!sampler_->isSampling()) {
        // Nothing sampled: the numbers shown would only grow stale.
        samples_ = TcpSamples{std::make_shared<const TcpSampleIndex>(), std::nullopt};
        fillTcpCells();
    }
}

void ConnectionsTable::showEvent(QShowEvent* event) {
    QTableWidget::showEvent(event);
    updateSampling();
}

void ConnectionsTable::hideEvent(QHideEvent* event) {
    QTableWidget::hideEvent(event);
    updateSampling();
}

}  // namespace sockwb
