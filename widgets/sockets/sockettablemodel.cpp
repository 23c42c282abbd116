#include "widgets/sockets/sockettablemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHash>
#include <QPalette>
#include <QStringList>
#include <algorithm>

namespace sockwb {

namespace {
// "127.0.0.1:00080" from "127.0.0.1:80": addresses sort by host, then port.
QString addressSortKey(const std::string& text, uint16_t port) {
    const QString s = QString::fromStdString(text);
    const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || port == 0) return s;
    return s.left(colon) + QStringLiteral(":%1").arg(port, 5, 10, QLatin1Char('0'));
}
}  // namespace

SocketTableModel::SocketTableModel(QObject* parent) : QAbstractTableModel(parent) {
    clock_.start();
    expiry_.setSingleShot(true);
    connect(&expiry_, &QTimer::timeout, this, &SocketTableModel::expire);
}

int SocketTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int SocketTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : SocketText::ColumnCount;
}

QVariant SocketTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& row = rows_[size_t(index.row())];
    const SocketEntry& e = row.entry;
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return SocketText::cell(e, column);
        case Qt::ToolTipRole: {
            const QString tip = SocketText::cellToolTip(e, column);
            return tip.isEmpty() ? QVariant() : tip;
        }
        case Qt::TextAlignmentRole:
            if (SocketText::isNumeric(column))
                return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
            return {};
        case Qt::FontRole: {
            if (row.appearedMs < 0 && row.goneMs < 0) return {};
            QFont font;
            font.setBold(row.appearedMs >= 0);
            font.setStrikeOut(row.goneMs >= 0);
            return font;
        }
        case Qt::ForegroundRole:
            if (row.goneMs >= 0)
                return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
            return {};
        case Qt::BackgroundRole:
            if (row.appearedMs >= 0) return QBrush(QColor(255, 200, 0, 70));
            return {};
        case SortRole:
            switch (column) {
                case SocketText::RecvQ:
                    return qulonglong(e.recvQ);
                case SocketText::SendQ:
                    return qulonglong(e.sendQ);
                case SocketText::Uid:
                    return qulonglong(e.uid);
                case SocketText::Inode:
                    return qulonglong(e.inode);
                case SocketText::Local:
                    return addressSortKey(e.local, e.localPort);
                case SocketText::Peer:
                    return addressSortKey(e.peer, e.peerPort);
                case SocketText::Timer:
                    return qulonglong(e.timer) << 32 | e.timerExpiresMs;
                default:
                    return SocketText::cell(e, column);
            }
        default:
            return {};
    }
}

QVariant SocketTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) return SocketText::columnTitle(section);
    if (role == Qt::ToolTipRole) return SocketText::columnToolTip(section);
    return {};
}

QString SocketTableModel::keyOf(const SocketEntry& e) {
    return QStringLiteral("%1|%2|%3|%4")
        .arg(SocketText::netid(e))
        .arg(e.inode)
        .arg(QString::fromStdString(e.local), QString::fromStdString(e.peer));
}

int SocketTableModel::rowOf(const QString& key) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].key == key) return int(i);
    return -1;
}

QString SocketTableModel::rowText(int row) const {
    QStringList cells;
    for (int c = 0; c < SocketText::ColumnCount; ++c) cells << SocketText::cell(entry(row), c);
    return cells.join(QLatin1Char('\t'));
}

bool SocketTableModel::sameCells(const SocketEntry& a, const SocketEntry& b) {
    if (a.state != b.state || a.recvQ != b.recvQ || a.sendQ != b.sendQ || a.uid != b.uid ||
        a.timer != b.timer || a.timerExpiresMs != b.timerExpiresMs ||
        a.timerRetransmits != b.timerRetransmits || a.owners.size() != b.owners.size())
        return false;
    for (size_t i = 0; i < a.owners.size(); ++i)
        if (a.owners[i].pid != b.owners[i].pid || a.owners[i].fd != b.owners[i].fd ||
            a.owners[i].command != b.owners[i].command)
            return false;
    return true;
}

void SocketTableModel::emitRowChanged(int row) {
    emit dataChanged(index(row, 0), index(row, SocketText::ColumnCount - 1));
}

void SocketTableModel::setEntries(std::vector<SocketEntry> entries) {
    const qint64 now = clock_.elapsed();
    const bool mark = loaded_ && highlightMs_ > 0;
    QHash<QString, size_t> incoming;
    incoming.reserve(qsizetype(entries.size()));
    std::vector<bool> taken(entries.size(), false);
    for (size_t i = 0; i < entries.size(); ++i) {
        const QString k = keyOf(entries[i]);
        if (incoming.contains(k))
            taken[i] = true;  // a duplicate of an earlier entry: one row per key
        else
            incoming.insert(k, i);
    }

    std::vector<int> toRemove;
    for (size_t r = 0; r < rows_.size(); ++r) {
        Row& row = rows_[r];
        const auto it = incoming.constFind(row.key);
        if (it == incoming.constEnd()) {
            if (!mark) {
                toRemove.push_back(int(r));
            } else if (row.goneMs < 0) {
                row.goneMs = now;
                row.appearedMs = -1;
                emitRowChanged(int(r));
            }
            continue;
        }
        taken[*it] = true;
        SocketEntry& fresh = entries[*it];
        const bool changed = !sameCells(row.entry, fresh) || row.goneMs >= 0;
        row.entry = std::move(fresh);
        row.goneMs = -1;
        if (changed) emitRowChanged(int(r));
    }
    removeRows(std::move(toRemove));

    int added = 0;
    for (size_t i = 0; i < entries.size(); ++i) added += !taken[i];
    if (added > 0) {
        const int first = int(rows_.size());
        beginInsertRows({}, first, first + added - 1);
        for (size_t i = 0; i < entries.size(); ++i) {
            if (taken[i]) continue;
            Row row;
            row.key = keyOf(entries[i]);
            row.entry = std::move(entries[i]);
            row.appearedMs = mark ? now : -1;
            rows_.push_back(std::move(row));
        }
        endInsertRows();
    }
    loaded_ = true;
    armExpiry();
}

void SocketTableModel::clear() {
    beginResetModel();
    rows_.clear();
    loaded_ = false;
    endResetModel();
    expiry_.stop();
}

void SocketTableModel::removeRows(std::vector<int> rows) {
    // From the bottom, one contiguous run at a time.
    std::sort(rows.begin(), rows.end());
    while (!rows.empty()) {
        const int last = rows.back();
        int first = last;
        rows.pop_back();
        while (!rows.empty() && rows.back() == first - 1) {
            first = rows.back();
            rows.pop_back();
        }
        beginRemoveRows({}, first, last);
        rows_.erase(rows_.begin() + first, rows_.begin() + last + 1);
        endRemoveRows();
    }
}

void SocketTableModel::expire() {
    const qint64 now = clock_.elapsed();
    std::vector<int> toRemove;
    for (size_t r = 0; r < rows_.size(); ++r) {
        Row& row = rows_[r];
        if (row.goneMs >= 0 && now - row.goneMs >= highlightMs_) {
            toRemove.push_back(int(r));
        } else if (row.appearedMs >= 0 && now - row.appearedMs >= highlightMs_) {
            row.appearedMs = -1;
            emitRowChanged(int(r));
        }
    }
    removeRows(std::move(toRemove));
    armExpiry();
}

void SocketTableModel::armExpiry() {
    // The next mark to run out decides when to look again.
    qint64 next = -1;
    for (const Row& row : rows_) {
        const qint64 since = std::max(row.appearedMs, row.goneMs);
        if (since >= 0 && (next < 0 || since < next)) next = since;
    }
    if (next < 0) {
        expiry_.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, next + highlightMs_ - clock_.elapsed());
    expiry_.start(int(wait));
}

}  // namespace sockwb
