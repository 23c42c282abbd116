#pragma once
// ActivityCharts: the server panel's Activity tab, three live line charts
// (Qt Charts) over the last minutes: active connections, bytes/s in and
// out, and HTTP requests/s (hidden for servers without an http listener).
// The time axis counts seconds ago, now at the right. The panel feeds one
// sample a second (addSample); the samples live in a StatsHistory ring, so
// memory stays bounded however long the server runs. No animation: a
// grab() right after a sample shows it. GUI thread only.

#include <QWidget>

#include "core/server/statshistory.h"

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace sockwb {

class ActivityCharts final : public QWidget {
    Q_OBJECT
public:
    enum Chart { Connections, Bytes, Requests, ChartCount };

    // GUI thread only (as every method).
    explicit ActivityCharts(QWidget* parent = nullptr);

    // Adds the server's counters at `at` and redraws.
    void addSample(const ServerStats& stats,
                   StatsHistory::Clock::time_point at = StatsHistory::Clock::now());
    // Forgets every sample (a new run).
    void clear();
    // Shows or hides the requests chart (only http counts requests).
    void setRequestsShown(bool shown);
    bool requestsShown() const;

    const StatsHistory& history() const { return history_; }
    QChart* chart(Chart which) const;
    // Series: connections; bytes in, bytes out; requests (tests, screenshots).
    QLineSeries* connectionsSeries() const { return connections_; }
    QLineSeries* bytesInSeries() const { return bytesIn_; }
    QLineSeries* bytesOutSeries() const { return bytesOut_; }
    QLineSeries* requestsSeries() const { return requests_; }

private:
    void redraw();

    StatsHistory history_;
    QChartView* views_[ChartCount] = {};
    QValueAxis* yAxes_[ChartCount] = {};
    QLineSeries* connections_ = nullptr;
    QLineSeries* bytesIn_ = nullptr;
    QLineSeries* bytesOut_ = nullptr;
    QLineSeries* requests_ = nullptr;
};

}  // namespace sockwb
