#pragma once
// TraceView: the live syscall trace, one reusable widget (server panels,
// client windows, the main window's dock). A table on a bounded TraceModel
// with filters by call and fd, pause, clear and CSV export; the call
// column's tooltip comes from the cheat sheet. Feed it from a TraceAdapter
// (attach) or directly with appendEvents().

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include "core/net/trace.h"

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QToolButton;

namespace sockwb {

class TraceAdapter;
class TraceModel;

class TraceView final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method). capacity: rows kept.
    explicit TraceView(QWidget* parent = nullptr, int capacity = 10000);

    // Shows the adapter's batches. Not owned; detached when it is destroyed.
    void attach(TraceAdapter* adapter);
    // Appends events (as a batch from an adapter would).
    void appendEvents(const QVector<sockwb::TraceEvent>& events);

    void setCapacity(int rows);
    int capacity() const;
    // Filters: comma-separated call names or prefixes; fd -1 = any.
    void setCallFilter(const QString& calls);
    void setFdFilter(int fd);
    void setPaused(bool paused);
    bool isPaused() const { return paused_; }
    void clear();

    // Events lost: pushed out of the ring, held too long while paused, or
    // dropped by the adapters before they reached the view.
    quint64 dropped() const;
    TraceModel* model() const { return model_; }
    // Every event the view keeps, oldest first: the ring (shown or filtered
    // out), then the batches not applied yet and those held while paused.
    // What a view opened late (the sequence) starts from.
    QVector<sockwb::TraceEvent> keptEvents() const;
    QTableView* table() const { return table_; }
    // Writes the visible rows as CSV (UTF-8); false with errorString set.
    bool exportCsv(const QString& path, QString* errorString = nullptr) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QHBoxLayout* buildToolBar();
    void setUpTable();
    void sizeToFont();
    void onBatch(const QVector<sockwb::TraceEvent>& events);
    void applyPending();
    void applyFilter();
    void chooseExportFile();
    void updateStatus();

    TraceModel* model_;
    QTableView* table_;
    QLineEdit* callFilter_;
    QLineEdit* fdFilter_;
    QToolButton* pauseButton_;
    QSpinBox* capacityBox_;
    QLabel* status_;
    bool paused_ = false;
    QVector<TraceEvent> held_;  // arrived while paused (bounded by capacity)
    quint64 heldDropped_ = 0;
    // Batches are shown at most every kMinRefreshMs: under a flood the table
    // repaints ~10 times a second instead of once per adapter batch.
    static constexpr int kMinRefreshMs = 100;
    QVector<TraceEvent> pending_;  // batches not shown yet
    QTimer applyTimer_;
    QElapsedTimer lastApply_;
    QHash<const QObject*, quint64> adapterDropped_;  // per adapter, since its creation
    QHash<const QObject*, quint64> adapterBase_;     // the same at the last clear()
};

}  // namespace sockwb
