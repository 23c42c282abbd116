#pragma once
// CompareCharts: the Compare panel's four bar charts (Qt Charts), one bar
// per model: requests/s, p99 latency, RSS delta, and server threads with
// the fork model's child processes stacked on top. Rebuilt from the results
// each time a model finishes; no animation, so a grab() right after an
// update shows the final picture (PNG export, screenshots).

#include <QList>
#include <QVector>
#include <QWidget>

#include "widgets/compare/compareconfig.h"

class QBarCategoryAxis;
class QChart;
class QChartView;
class QValueAxis;

namespace sockwb {

class CompareCharts final : public QWidget {
    Q_OBJECT
public:
    enum Metric { RequestsPerSec, P99Ms, RssDeltaMiB, Threads, MetricCount };

    // GUI thread only (as every method).
    explicit CompareCharts(QWidget* parent = nullptr);

    // Shows these results (one bar per model, failed ones at 0).
    void setResults(const QVector<CompareResult>& results);
    // Empties every chart.
    void clear() { setResults({}); }
    // The chart of one metric (tests, screenshots).
    QChart* chart(Metric metric) const;
    // The bar values of one metric in model order (Threads: threads only).
    QList<double> values(Metric metric) const;
    // The models on the horizontal axis.
    QStringList categories() const { return categories_; }

private:
    void rebuild(Metric metric, const QVector<CompareResult>& results);

    QChartView* views_[MetricCount] = {};
    // Made once and kept: axes removed and re-added leave stale labels behind.
    QBarCategoryAxis* xAxes_[MetricCount] = {};
    QValueAxis* yAxes_[MetricCount] = {};
    QStringList categories_;
};

}  // namespace sockwb
