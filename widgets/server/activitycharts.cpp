#include "widgets/server/activitycharts.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "widgets/common/chartparts.h"
#include "widgets/common/presentationhooks.h"

namespace sockwb {

namespace {
using ChartParts::line;
using ChartParts::roundTop;
}  // namespace

ActivityCharts::ActivityCharts(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("activityCharts"));
    connections_ = line(tr("active connections"), QColor(0x1c, 0x71, 0xd8));
    bytesIn_ = line(tr("in"), QColor(0x26, 0xa2, 0x69));
    bytesOut_ = line(tr("out"), QColor(0xe6, 0x61, 0x00));
    requests_ = line(tr("HTTP requests/s"), QColor(0x81, 0x3d, 0x9c));
    const QString titles[ChartCount] = {tr("Active connections"), tr("Bytes/s in and out"),
                                        tr("HTTP requests/s")};
    const QList<QLineSeries*> series[ChartCount] = {
        {connections_}, {bytesIn_, bytesOut_}, {requests_}};
    const double window = static_cast<double>(history_.window().count());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (int c = 0; c < ChartCount; ++c) {
        auto* chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->setBackgroundRoundness(3);
        chart->setTitle(titles[c]);
        QFont small = chart->titleFont();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        auto* x = new QValueAxis(chart);
        x->setRange(0, window);
        x->setReverse(true);  // now at the right, older to the left
        x->setTickCount(6);
        x->setLabelFormat(QStringLiteral("%.0f"));
        x->setLabelsFont(small);
        x->setTitleText(tr("seconds ago"));
        x->setTitleFont(small);
        chart->addAxis(x, Qt::AlignBottom);
        auto* y = new QValueAxis(chart);
        y->setRange(0, 1);
        y->setTickCount(3);
        y->setLabelFormat(QStringLiteral("%.0f"));
        y->setLabelsFont(small);
        chart->addAxis(y, Qt::AlignLeft);
        yAxes_[c] = y;
        for (QLineSeries* s : series[c]) {
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
        }
        chart->legend()->setVisible(c == Bytes);
        chart->legend()->setAlignment(Qt::AlignRight);
        PresentationHooks::followChart(chart);
        auto* view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(150);
        view->setObjectName(QStringLiteral("activityChart%1").arg(c));
        views_[c] = view;
        layout->addWidget(view, 1);
    }
}

QChart* ActivityCharts::chart(Chart which) const { return views_[which]->chart(); }

void ActivityCharts::addSample(const ServerStats& stats, StatsHistory::Clock::time_point at) {
    history_.add(at, stats);
    redraw();
}

void ActivityCharts::clear() {
    history_.clear();
    redraw();
}

void ActivityCharts::setRequestsShown(bool shown) { views_[Requests]->setVisible(shown); }

bool ActivityCharts::requestsShown() const { return !views_[Requests]->isHidden(); }

void ActivityCharts::redraw() {
    const std::vector<StatsHistory::Point> points = history_.points();
    QList<QPointF> conn, in, out, req;
    conn.reserve(qsizetype(points.size()));
    in.reserve(qsizetype(points.size()));
    out.reserve(qsizetype(points.size()));
    req.reserve(qsizetype(points.size()));
    double top[ChartCount] = {};
    const auto now = points.empty() ? StatsHistory::Clock::time_point{} : points.back().at;
    for (const StatsHistory::Point& p : points) {
        const double ago = std::chrono::duration<double>(now - p.at).count();
        conn << QPointF(ago, double(p.active));
        in << QPointF(ago, p.bytesInPerSec);
        out << QPointF(ago, p.bytesOutPerSec);
        req << QPointF(ago, p.requestsPerSec);
        top[Connections] = std::max(top[Connections], double(p.active));
        top[Bytes] = std::max({top[Bytes], p.bytesInPerSec, p.bytesOutPerSec});
        top[Requests] = std::max(top[Requests], p.requestsPerSec);
    }
    // replace(): one redraw per series instead of one per point.
    connections_->replace(conn);
    bytesIn_->replace(in);
    bytesOut_->replace(out);
    requests_->replace(req);
    for (int c = 0; c < ChartCount; ++c) yAxes_[c]->setRange(0, roundTop(top[c]));
}

}  // namespace sockwb
