#pragma once
// CompareResultsModel: the Compare panel's results, one row per model, in
// the order the models ran. Column headers carry a tooltip that says
// exactly what is measured and how (the server runs in this process: see
// CompareSampler). toCsv() is the table as a CSV file with a header line.

#include <QAbstractTableModel>
#include <QVector>

#include "widgets/compare/compareconfig.h"

namespace sockwb {

class CompareResultsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Model,
        RequestsPerSec,
        MiBPerSec,
        P50Ms,
        P99Ms,
        Errors,
        OpenConnections,
        ServerThreads,
        ChildProcesses,
        RssDeltaMiB,
        Note,
        ColumnCount
    };
    // The raw number behind a cell (for sorting and tests).
    static constexpr int RawValueRole = Qt::UserRole + 1;

    // GUI thread only (as every method).
    explicit CompareResultsModel(QObject* parent = nullptr);

    // Forgets the rows and remembers what the next rows were measured with.
    void reset(const CompareConfig& config);
    // Appends one model's row (or replaces the row of the same model).
    void addResult(const CompareResult& result);
    const QVector<CompareResult>& results() const { return results_; }
    const CompareConfig& config() const { return config_; }
    // The table as CSV: a header line, then one line per model (RFC 4180 quoting).
    QString toCsv() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<CompareResult> results_;
    CompareConfig config_;
};

}  // namespace sockwb
