#pragma once
// RelayChart: bytes/s up (client → server) and down (server → client)
// through a relay over the last minute, one Qt Charts line each, now at the
// right. The rates come from a StatsHistory (the server panel's ring of
// samples, fed the relay's running totals), so memory stays bounded. The
// panel adds one sample a second. No animation. GUI thread only.

#include <QWidget>

#include "core/relay/relay.h"
#include "core/server/statshistory.h"

class QChartView;
class QLineSeries;
class QValueAxis;

namespace sockwb {

class RelayChart final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit RelayChart(QWidget* parent = nullptr);

    void addSample(const RelayStats& stats,
                   StatsHistory::Clock::time_point at = StatsHistory::Clock::now());
    // Forgets every sample (a new run).
    void clear();

    const StatsHistory& history() const { return history_; }
    QLineSeries* upSeries() const { return up_; }
    QLineSeries* downSeries() const { return down_; }

private:
    void redraw();

    StatsHistory history_;
    QChartView* view_;
    QValueAxis* yAxis_;
    QLineSeries* up_;
    QLineSeries* down_;
};

}  // namespace sockwb
