#include "widgets/server/connectionstable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <algorithm>

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

ConnectionsTable::ConnectionsTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
    setObjectName(QStringLiteral("connectionsTable"));
    setHorizontalHeaderLabels({tr("Peer"), tr("Listener"), tr("fd"), tr("Worker"), tr("Bytes in"),
                               tr("Bytes out"), tr("State"), tr("Since")});
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
}

void ConnectionsTable::setConnections(const std::vector<ConnectionInfo>& connections) {
    std::vector<const ConnectionInfo*> rows;
    rows.reserve(connections.size());
    for (const auto& c : connections) rows.push_back(&c);
    std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->id < b->id; });
    setRowCount(static_cast<int>(rows.size()));
    const QLocale locale;
    const auto ownPid = static_cast<int>(QCoreApplication::applicationPid());
    for (int r = 0; r < rowCount(); ++r) {
        const ConnectionInfo& c = *rows[static_cast<size_t>(r)];
        const auto since =
            std::chrono::duration_cast<std::chrono::milliseconds>(c.since.time_since_epoch())
                .count();
        // A fork child has its own pid; in this process the thread tells more.
        QString worker;
        if (c.pid && c.pid != ownPid)
            worker = tr("pid %1").arg(c.pid);
        else if (c.tid)
            worker = tr("tid %1").arg(c.tid);
        const QString cells[ColumnCount] = {
            QString::fromStdString(c.peer.toString()),
            QString::fromStdString(c.listener),
            c.fd >= 0 ? QString::number(c.fd) : QString(),
            worker,
            locale.toString(static_cast<qulonglong>(c.bytesIn)),
            locale.toString(static_cast<qulonglong>(c.bytesOut)),
            stateText(c.state),
            QDateTime::fromMSecsSinceEpoch(since).toString(QStringLiteral("HH:mm:ss")),
        };
        for (int col = 0; col < ColumnCount; ++col) {
            QTableWidgetItem* it = item(r, col);
            if (!it) {
                it = new QTableWidgetItem;
                if (col == Fd || col == BytesIn || col == BytesOut)
                    it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                setItem(r, col, it);
            }
            if (it->text() != cells[col]) it->setText(cells[col]);
        }
    }
}

}  // namespace sockwb
