#include "widgets/compare/comparecharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "widgets/common/presentationhooks.h"

namespace sockwb {

namespace {
// A round upper bound a little above max, so the value labels fit above
// the highest bar.
double niceTop(double max) {
    if (!(max > 0)) return 1.0;
    const double padded = max * 1.18;
    const double step = std::pow(10.0, std::floor(std::log10(padded)));
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (m * step >= padded) return m * step;
    return 10.0 * step;
}
}  // namespace

CompareCharts::CompareCharts(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("compareCharts"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    for (int m = 0; m < MetricCount; ++m) {
        auto* chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->setBackgroundRoundness(3);
        QFont small = chart->titleFont();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        auto* x = new QBarCategoryAxis(chart);
        x->setLabelsFont(small);
        chart->addAxis(x, Qt::AlignBottom);
        auto* y = new QValueAxis(chart);
        y->setLabelsFont(small);
        y->setTickCount(5);
        chart->addAxis(y, Qt::AlignLeft);
        PresentationHooks::followChart(chart);
        xAxes_[m] = x;
        yAxes_[m] = y;
        auto* view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(280, 210);
        view->setObjectName(QStringLiteral("compareChart%1").arg(m));
        views_[m] = view;
        grid->addWidget(view, m / 2, m % 2);
    }
    clear();
}

QChart* CompareCharts::chart(Metric metric) const { return views_[metric]->chart(); }

void CompareCharts::setResults(const QVector<CompareResult>& results) {
    categories_.clear();
    for (const CompareResult& r : results) categories_ << r.model;
    for (int m = 0; m < MetricCount; ++m) rebuild(static_cast<Metric>(m), results);
}

QList<double> CompareCharts::values(Metric metric) const {
    QList<double> out;
    const auto series = chart(metric)->series();
    if (series.isEmpty()) return out;
    const auto* bars = static_cast<QAbstractBarSeries*>(series.front());
    if (bars->barSets().isEmpty()) return out;
    const QBarSet* set = bars->barSets().front();
    for (int i = 0; i < set->count(); ++i) out << set->at(i);
    return out;
}

void CompareCharts::rebuild(Metric metric, const QVector<CompareResult>& results) {
    QChart* c = chart(metric);
    c->removeAllSeries();
    struct Spec {
        QString title;
        QColor color;
        int precision;
    };
    const Spec specs[MetricCount] = {
        {tr("Requests/s (higher is better)"), QColor(0x1c, 0x71, 0xd8), 7},
        {tr("p99 latency of answered requests, ms (lower is better)"), QColor(0xe6, 0x61, 0x00), 3},
        {tr("Server memory: RSS Δ, MiB"), QColor(0x26, 0xa2, 0x69), 3},
        {tr("Server threads and child processes"), QColor(0x81, 0x3d, 0x9c), 5},
    };
    const Spec& spec = specs[metric];
    c->setTitle(spec.title);

    QAbstractBarSeries* series = nullptr;
    auto* main = new QBarSet(metric == Threads ? tr("threads") : spec.title);
    main->setColor(spec.color);
    main->setBorderColor(spec.color.darker(120));
    QBarSet* children = nullptr;
    double top = 0, bottom = 0;
    for (const CompareResult& r : results) {
        double v = 0;
        if (r.ok) {
            switch (metric) {
                case RequestsPerSec:
                    v = std::round(r.requestsPerSec);
                    break;
                case P99Ms:
                    v = r.p99Ms;
                    break;
                case RssDeltaMiB:
                    v = r.rssDeltaMiB;
                    break;
                case Threads:
                    v = r.serverThreads;
                    break;
                case MetricCount:
                    break;
            }
        }
        *main << v;
        const double highest =
            metric == Threads && r.ok ? std::max<double>(v, r.childProcesses) : v;
        top = std::max(top, highest);
        bottom = std::min(bottom, v);
    }
    if (metric == Threads) {
        children = new QBarSet(tr("child processes"));
        children->setColor(QColor(0xc6, 0x46, 0x00));
        children->setBorderColor(QColor(0xc6, 0x46, 0x00).darker(120));
        bool any = false;
        for (const CompareResult& r : results) {
            *children << (r.ok ? r.childProcesses : 0);
            any = any || (r.ok && r.childProcesses > 0);
        }
        // Side by side, not stacked: a label above each bar stays readable
        // even when the bar is one thread high.
        series = new QBarSeries;
        series->append(main);
        if (any) {
            series->append(children);
        } else {
            delete children;  // no fork run: the legend would only add noise
            children = nullptr;
        }
        c->legend()->setVisible(children != nullptr);
        c->legend()->setAlignment(Qt::AlignBottom);
    } else {
        series = new QBarSeries;
        series->append(main);
        c->legend()->hide();
    }
    series->setLabelsVisible(true);
    series->setLabelsPrecision(spec.precision);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    for (QBarSet* set : series->barSets()) set->setLabelColor(QColor(0x24, 0x1f, 0x31));
    c->addSeries(series);

    QBarCategoryAxis* x = xAxes_[metric];
    x->clear();
    x->append(categories_.isEmpty() ? QStringList{QString()} : categories_);
    series->attachAxis(x);
    QValueAxis* y = yAxes_[metric];
    const double hi = niceTop(metric == Threads ? std::max(top, 4.0) : top);
    y->setTickCount(5);
    y->setRange(bottom < 0 ? -niceTop(-bottom) : 0.0, hi);
    y->applyNiceNumbers();  // ticks on round values (0, 2.5, 5...)
    const double step = (y->max() - y->min()) / std::max(1, y->tickCount() - 1);
    y->setLabelFormat(step >= 1     ? QStringLiteral("%.0f")
                      : step >= 0.1 ? QStringLiteral("%.1f")
                                    : QStringLiteral("%.2f"));
    series->attachAxis(y);
    PresentationHooks::applyToChart(c);  // the new bars' labels
}

}  // namespace sockwb
