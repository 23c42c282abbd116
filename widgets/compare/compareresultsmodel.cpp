#include "widgets/compare/compareresultsmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <algorithm>

#include "widgets/common/csvfield.h"

namespace sockwb {

namespace {
QString num(double v, int decimals) { return QString::number(v, 'f', decimals); }
}  // namespace

CompareResultsModel::CompareResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompareResultsModel::reset(const CompareConfig& config) {
    beginResetModel();
    results_.clear();
    config_ = config;
    endResetModel();
}

void CompareResultsModel::addResult(const CompareResult& result) {
    for (int row = 0; row < results_.size(); ++row) {
        if (results_[row].model == result.model) {
            results_[row] = result;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const int row = static_cast<int>(results_.size());
    beginInsertRows(QModelIndex(), row, row);
    results_.push_back(result);
    endInsertRows();
}

int CompareResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(results_.size());
}

int CompareResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= results_.size()) return {};
    const CompareResult& r = results_[index.row()];
    const int col = index.column();
    if (role == RawValueRole) {
        switch (col) {
            case Model:
                return r.model;
            case RequestsPerSec:
                return r.requestsPerSec;
            case MiBPerSec:
                return r.bytesPerSec / (1024.0 * 1024.0);
            case P50Ms:
                return r.p50Ms;
            case P99Ms:
                return r.p99Ms;
            case Errors:
                return qulonglong(r.errors);
            case OpenConnections:
                return r.openConnections;
            case ServerThreads:
                return r.serverThreads;
            case ChildProcesses:
                return r.childProcesses;
            case RssDeltaMiB:
                return r.rssDeltaMiB;
            case Note:
                return r.ok ? r.note : r.error;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(col == Model || col == Note ? Qt::AlignLeft | Qt::AlignVCenter
                                                               : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && !r.ok) return QBrush(QColor(0xc0, 0x1c, 0x28));
    if (role == Qt::ToolTipRole && col == Note) return r.ok ? r.note : r.error;
    if (role != Qt::DisplayRole) return {};
    const QLocale locale;
    if (col == Model) return config_.rowLabel(r.model);
    if (col == Note) return r.ok ? r.note : r.error;
    if (!r.ok) return QStringLiteral("—");
    switch (col) {
        case RequestsPerSec:
            return locale.toString(r.requestsPerSec, 'f', 0);
        case MiBPerSec:
            return locale.toString(r.bytesPerSec / (1024.0 * 1024.0), 'f', 2);
        case P50Ms:
            return locale.toString(r.p50Ms, 'f', 3);
        case P99Ms:
            return locale.toString(r.p99Ms, 'f', 3);
        case Errors:
            return locale.toString(qulonglong(r.errors));
        case OpenConnections:
            return locale.toString(r.openConnections);
        case ServerThreads:
            return locale.toString(r.serverThreads);
        case ChildProcesses:
            return locale.toString(r.childProcesses);
        case RssDeltaMiB:
            return locale.toString(r.rssDeltaMiB, 'f', 1);
    }
    return {};
}

QVariant CompareResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
            case Model:
                return tr("Model");
            case RequestsPerSec:
                return tr("Requests/s");
            case MiBPerSec:
                return tr("MiB/s in");
            case P50Ms:
                return tr("p50 ms");
            case P99Ms:
                return tr("p99 ms");
            case Errors:
                return tr("Errors");
            case OpenConnections:
                return tr("Served at once");
            case ServerThreads:
                return tr("Server threads");
            case ChildProcesses:
                return tr("Child processes");
            case RssDeltaMiB:
                return tr("RSS Δ MiB");
            case Note:
                return tr("Note");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case RequestsPerSec:
                return tr(
                    "Requests (HTTP responses, echo round trips) completed per second of the "
                    "measured run");
            case MiBPerSec:
                return tr("Bytes received by the clients per second, in MiB");
            case P50Ms:
            case P99Ms:
                return tr(
                    "Latency of the completed requests, from send to the full answer: half of them "
                    "(p50) or 99 in 100 (p99) took at most this long. Requests that never got an "
                    "answer are counted as errors, not here.");
            case Errors:
                return tr(
                    "Failed requests: timeouts (no answer within the request timeout), refused or "
                    "reset connections, malformed answers");
            case OpenConnections:
                return tr(
                    "Connections the server was serving at the same moment (peak of the samples "
                    "taken in the second half of the run). An iterative server serves one; the "
                    "other clients wait in the listen queue.");
            case ServerThreads:
                return tr(
                    "Threads of this process that belong to the server, at the peak: the ones "
                    "Server::start() created (acceptor, event loop, pool workers) plus the "
                    "distinct "
                    "threads serving a connection. The load generator's and the GUI's threads are "
                    "not counted.");
            case ChildProcesses:
                return tr(
                    "Processes the server forked to serve clients (fork model), alive at the peak");
            case RssDeltaMiB:
                return tr(
                    "Resident memory at the peak minus before the server started (VmRSS of this "
                    "process, so the load generator's buffers are included, alike for every "
                    "model), "
                    "plus the private memory of each fork child (smaps_rollup Private_*: what it "
                    "does not share with the parent)");
            case Note:
                return tr("The first load error seen, or why the model could not run");
        }
    }
    return {};
}

QString CompareResultsModel::toCsv() const {
    QStringList lines;
    lines << QStringLiteral(
        "model,workload,connections,seconds,requests,requests_per_sec,bytes_per_sec,p50_ms,p99_ms,"
        "errors,"
        "served_at_once,server_threads,child_processes,rss_delta_mib,loops,status,note");
    const QString workload = CompareConfig::key(config_.workload);
    for (const CompareResult& r : results_) {
        QStringList f;
        f << csvField(r.model) << workload << QString::number(config_.connections)
          << num(r.seconds, 3) << QString::number(r.requests) << num(r.requestsPerSec, 1)
          << num(r.bytesPerSec, 1) << num(r.p50Ms, 3) << num(r.p99Ms, 3)
          << QString::number(r.errors) << QString::number(r.openConnections)
          << QString::number(r.serverThreads) << QString::number(r.childProcesses)
          << num(r.rssDeltaMiB, 2)
          << QString::number(CompareConfig::runsLoops(r.model) ? std::max(1, config_.loops) : 1)
          << (r.ok ? QStringLiteral("ok") : QStringLiteral("failed"))
          << csvField(r.ok ? r.note : r.error);
        lines << f.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace sockwb
