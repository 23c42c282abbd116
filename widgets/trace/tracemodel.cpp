#include "widgets/trace/tracemodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <algorithm>

#include "widgets/common/csvfield.h"
#include "widgets/trace/cheatsheet.h"

namespace sockwb {

TraceModel::TraceModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent), capacity_(std::max(1, capacity)) {}

int TraceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(visible_.size());
}

int TraceModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const TraceEvent& TraceModel::eventAt(int row) const {
    return events_[static_cast<size_t>(visible_[static_cast<size_t>(row)] - firstSeq_)];
}

QVector<TraceEvent> TraceModel::storedEvents() const {
    return QVector<TraceEvent>(events_.begin(), events_.end());
}

QString TraceModel::cellText(const TraceEvent& e, int column) const {
    switch (column) {
        case Time: {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(e.timeUs / 1000);
            return t.toString(QStringLiteral("HH:mm:ss.zzz")) +
                   QStringLiteral("%1").arg(e.timeUs % 1000, 3, 10, QLatin1Char('0'));
        }
        case Thread:
            return e.pid == e.tid ? QString::number(e.pid)
                                  : QStringLiteral("%1/%2").arg(e.pid).arg(e.tid);
        case Fd:
            return e.fd >= 0 ? QString::number(e.fd) : QString();
        case Call:
            return QString::fromStdString(e.call);
        case Args:
            return QString::fromStdString(e.args);
        case Result:
            return e.err ? QStringLiteral("%1 %2").arg(e.result).arg(
                               QString::fromStdString(e.errName()))
                         : QString::number(e.result);
        case Duration:
            if (e.durationNs <= 0) return {};
            if (e.durationNs < 1000000)
                return tr("%1 µs").arg(double(e.durationNs) / 1e3, 0, 'f', 1);
            return tr("%1 ms").arg(double(e.durationNs) / 1e6, 0, 'f', 1);
        default:
            return {};
    }
}

QVariant TraceModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const TraceEvent& e = eventAt(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return cellText(e, index.column());
        case Qt::ToolTipRole:
            if (index.column() == Call) return CheatSheet::tooltip(QString::fromStdString(e.call));
            if (index.column() == Args) return QString::fromStdString(e.toLine());
            return {};
        case Qt::ForegroundRole:
            if (e.err) return QBrush(QColor(0xb0, 0x20, 0x20));
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == Fd || index.column() == Result || index.column() == Duration)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        default:
            return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Time:
            return tr("Time");
        case Thread:
            return tr("pid/tid");
        case Fd:
            return tr("fd");
        case Call:
            return tr("Call");
        case Args:
            return tr("Arguments");
        case Result:
            return tr("Result");
        case Duration:
            return tr("Duration");
        default:
            return {};
    }
}

bool TraceModel::matches(const TraceEvent& e) const {
    if (fd_ >= 0 && e.fd != fd_) return false;
    if (calls_.isEmpty()) return true;
    const QString call = QString::fromStdString(e.call);
    return std::any_of(calls_.begin(), calls_.end(),
                       [&](const QString& c) { return call.startsWith(c, Qt::CaseInsensitive); });
}

void TraceModel::dropFront(size_t count) {
    count = std::min(count, events_.size());
    if (count == 0) return;
    const uint64_t newFirst = firstSeq_ + count;
    size_t hidden = 0;
    while (hidden < visible_.size() && visible_[hidden] < newFirst) ++hidden;
    if (hidden) beginRemoveRows({}, 0, static_cast<int>(hidden) - 1);
    visible_.erase(visible_.begin(), visible_.begin() + static_cast<std::ptrdiff_t>(hidden));
    events_.erase(events_.begin(), events_.begin() + static_cast<std::ptrdiff_t>(count));
    firstSeq_ = newFirst;
    dropped_ += count;
    if (hidden) endRemoveRows();
}

void TraceModel::append(QVector<TraceEvent> batch) {
    if (batch.isEmpty()) return;
    received_ += static_cast<quint64>(batch.size());
    const auto cap = static_cast<size_t>(capacity_);
    size_t skip = 0;  // a batch larger than the ring: only its tail is kept
    if (static_cast<size_t>(batch.size()) > cap) {
        skip = static_cast<size_t>(batch.size()) - cap;
        dropped_ += skip;
    }
    const size_t incoming = static_cast<size_t>(batch.size()) - skip;
    if (events_.size() + incoming > cap) dropFront(events_.size() + incoming - cap);

    uint64_t seq = firstSeq_ + events_.size();
    std::vector<uint64_t> shown;
    for (size_t i = skip; i < static_cast<size_t>(batch.size()); ++i, ++seq) {
        TraceEvent& e = batch[static_cast<qsizetype>(i)];
        if (matches(e)) shown.push_back(seq);
        events_.push_back(std::move(e));
    }
    if (shown.empty()) return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(shown.size()) - 1);
    visible_.insert(visible_.end(), shown.begin(), shown.end());
    endInsertRows();
}

void TraceModel::clear() {
    beginResetModel();
    firstSeq_ += events_.size();
    events_.clear();
    visible_.clear();
    dropped_ = 0;
    received_ = 0;
    endResetModel();
}

void TraceModel::setCapacity(int capacity) {
    capacity_ = std::max(1, capacity);
    if (events_.size() > static_cast<size_t>(capacity_))
        dropFront(events_.size() - static_cast<size_t>(capacity_));
}

void TraceModel::setFilter(const QStringList& calls, int fd) {
    calls_.clear();
    for (const QString& c : calls)
        if (!c.trimmed().isEmpty()) calls_ << c.trimmed();
    fd_ = fd;
    rebuildVisible();
}

void TraceModel::rebuildVisible() {
    beginResetModel();
    visible_.clear();
    uint64_t seq = firstSeq_;
    for (const TraceEvent& e : events_) {
        if (matches(e)) visible_.push_back(seq);
        ++seq;
    }
    endResetModel();
}

QString TraceModel::toCsv() const {
    QString out;
    QStringList fields;
    for (int c = 0; c < ColumnCount; ++c)
        fields << csvField(headerData(c, Qt::Horizontal).toString());
    out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < rowCount(); ++r) {
        fields.clear();
        const TraceEvent& e = eventAt(r);
        for (int c = 0; c < ColumnCount; ++c) fields << csvField(cellText(e, c));
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

}  // namespace sockwb
