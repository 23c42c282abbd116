#include "widgets/relay/relaycounters.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sockwb {

namespace {
uint64_t valueOf(const RelayDirectionStats& s, int row) {
    const uint64_t values[RelayCounters::RowCount] = {
        s.bytes,  s.chunks, s.writes, s.delayed, s.sliced,     s.throttled,
        s.resets, s.closes, s.stalls, s.dropped, s.duplicated, s.reordered};
    return values[row];
}
}  // namespace

RelayCounters::RelayCounters(QWidget* parent)
    : QWidget(parent), table_(new QTableWidget(RowCount, 2, this)), connections_(new QLabel(this)) {
    setObjectName(QStringLiteral("relayCounters"));
    table_->setObjectName(QStringLiteral("relayCountersTable"));
    connections_->setObjectName(QStringLiteral("relayConnections"));
    table_->setHorizontalHeaderLabels({tr("Up (client → server)"), tr("Down (server → client)")});
    const QString names[RowCount] = {tr("bytes forwarded"),
                                     tr("chunks / datagrams"),
                                     tr("writes"),
                                     tr("delayed"),
                                     tr("sliced"),
                                     tr("throttled"),
                                     tr("connections reset"),
                                     tr("connections closed"),
                                     tr("stalled"),
                                     tr("datagrams dropped"),
                                     tr("duplicated"),
                                     tr("reordered")};
    table_->setVerticalHeaderLabels(QStringList(std::begin(names), std::end(names)));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int r = 0; r < RowCount; ++r)
        for (int c = 0; c < 2; ++c) {
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(r, c, item);
        }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(connections_);
    layout->addWidget(table_, 1);
    setProtocol(Protocol::Tcp);
    setStats({});
}

void RelayCounters::setProtocol(Protocol protocol) {
    const bool udp = protocol == Protocol::Udp || protocol == Protocol::UnixDgram;
    for (int r : {Writes, Sliced, Throttled, Resets, Closes, Stalls}) table_->setRowHidden(r, udp);
    for (int r : {Dropped, Duplicated, Reordered}) table_->setRowHidden(r, !udp);
}

void RelayCounters::setStats(const RelayStats& stats) {
    stats_ = stats;
    const QLocale locale;
    for (int r = 0; r < RowCount; ++r) {
        table_->item(r, 0)->setText(locale.toString(qulonglong(valueOf(stats.up, r))));
        table_->item(r, 1)->setText(locale.toString(qulonglong(valueOf(stats.down, r))));
    }
    connections_->setText(connectionsText());
}

QString RelayCounters::connectionsText() const {
    const QLocale locale;
    return tr("connections: accepted %1 · active %2 · refused %3 · errors %4")
        .arg(locale.toString(qulonglong(stats_.accepted)),
             locale.toString(qulonglong(stats_.active)),
             locale.toString(qulonglong(stats_.refused)),
             locale.toString(qulonglong(stats_.errors)));
}

}  // namespace sockwb
