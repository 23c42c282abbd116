#include "widgets/relay/relaychart.h"

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
constexpr std::chrono::seconds kWindow{60};
using ChartParts::line;
using ChartParts::roundTop;
}  // namespace

RelayChart::RelayChart(QWidget* parent)
    : QWidget(parent),
      history_(2 * size_t(kWindow.count()), kWindow),
      view_(nullptr),
      yAxis_(nullptr),
      up_(line(tr("up"), QColor(0x26, 0xa2, 0x69))),
      down_(line(tr("down"), QColor(0xe6, 0x61, 0x00))) {
    setObjectName(QStringLiteral("relayChart"));
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(3);
    chart->setTitle(tr("Bytes/s up and down"));
    QFont small = chart->titleFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    auto* x = new QValueAxis(chart);
    x->setRange(0, double(kWindow.count()));
    x->setReverse(true);  // now at the right
    x->setTickCount(7);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setLabelsFont(small);
    x->setTitleText(tr("seconds ago"));
    x->setTitleFont(small);
    chart->addAxis(x, Qt::AlignBottom);
    yAxis_ = new QValueAxis(chart);
    yAxis_->setRange(0, 1);
    yAxis_->setTickCount(3);
    yAxis_->setLabelFormat(QStringLiteral("%.0f"));
    yAxis_->setLabelsFont(small);
    chart->addAxis(yAxis_, Qt::AlignLeft);
    for (QLineSeries* s : {up_, down_}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(yAxis_);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    PresentationHooks::followChart(chart);
    view_ = new QChartView(chart, this);
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(140);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
}

void RelayChart::addSample(const RelayStats& stats, StatsHistory::Clock::time_point at) {
    // The history counts a server's bytes in and out: here up and down.
    ServerStats s;
    s.bytesIn = stats.up.bytes;
    s.bytesOut = stats.down.bytes;
    s.active = stats.active;
    s.accepted = stats.accepted;
    history_.add(at, s);
    redraw();
}

void RelayChart::clear() {
    history_.clear();
    redraw();
}

void RelayChart::redraw() {
    const std::vector<StatsHistory::Point> points = history_.points();
    QList<QPointF> up, down;
    double top = 0;
    const auto now = points.empty() ? StatsHistory::Clock::time_point{} : points.back().at;
    for (const StatsHistory::Point& p : points) {
        const double ago = std::chrono::duration<double>(now - p.at).count();
        up << QPointF(ago, p.bytesInPerSec);
        down << QPointF(ago, p.bytesOutPerSec);
        top = std::max({top, p.bytesInPerSec, p.bytesOutPerSec});
    }
    up_->replace(up);
    down_->replace(down);
    yAxis_->setRange(0, roundTop(top));
}

}  // namespace sockwb
