#include "widgets/composer/composertimingchart.h"

#include <QPainter>
#include <algorithm>

namespace sockwb {

ComposerTimingChart::ComposerTimingChart(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(160);
}

void ComposerTimingChart::setTimings(const http::Timings& timings, bool reused) {
    timings_ = timings;
    reused_ = reused;
    empty_ = false;
    update();
}

void ComposerTimingChart::clear() {
    timings_ = {};
    empty_ = true;
    reused_ = false;
    update();
}

QSize ComposerTimingChart::sizeHint() const { return {480, 200}; }

void ComposerTimingChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (empty_) {
        p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        p.drawText(rect(), Qt::AlignCenter, tr("Send a request to see where its time went."));
        return;
    }
    struct Phase {
        QString name;
        double ms;
        QColor color;
    };
    const Phase phases[] = {
        {tr("Resolve"), timings_.resolve, QColor(0x8e, 0x24, 0xaa)},
        {tr("Connect"), timings_.connect, QColor(0xef, 0x6c, 0x00)},
        {tr("Send"), timings_.send, QColor(0x15, 0x65, 0xc0)},
        {tr("Wait (first byte)"), timings_.wait, QColor(0x2e, 0x7d, 0x32)},
        {tr("Download"), timings_.download, QColor(0x00, 0x83, 0x8f)},
    };
    double sum = 0;
    for (const auto& ph : phases) sum += std::max(0.0, ph.ms);
    const double total = std::max({timings_.total, sum, 0.001});
    const QFontMetrics fm = fontMetrics();
    const int labelW = fm.horizontalAdvance(tr("Wait (first byte)")) + 16;
    const int valueW = fm.horizontalAdvance(QStringLiteral("00000.000 ms")) + 8;
    const int rowH = std::clamp((height() - 16) / 6, fm.height() + 10, fm.height() + 22);
    const int chartW = std::max(40, width() - labelW - valueW - 16);
    double start = 0;
    int y = 8;
    for (const auto& ph : phases) {
        const double ms = std::max(0.0, ph.ms);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(8, y, labelW, rowH), Qt::AlignVCenter | Qt::AlignLeft, ph.name);
        const int x = labelW + 8 + int(chartW * start / total);
        const int w = std::max(2, int(chartW * ms / total));
        p.fillRect(QRect(x, y + 3, w, rowH - 6), ph.color);
        p.drawText(QRect(width() - valueW - 4, y, valueW, rowH), Qt::AlignVCenter | Qt::AlignRight,
                   tr("%1 ms").arg(ms, 0, 'f', 3));
        start += ms;
        y += rowH;
    }
    p.setPen(palette().color(QPalette::Text));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(8, y, width() - 16, rowH), Qt::AlignVCenter | Qt::AlignLeft,
               reused_ ? tr("Total: %1 ms (kept-alive connection reused: no connect)")
                             .arg(timings_.total, 0, 'f', 3)
                       : tr("Total: %1 ms").arg(timings_.total, 0, 'f', 3));
}

}  // namespace sockwb
