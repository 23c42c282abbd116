#include "widgets/composer/composertimingchart.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

#include "widgets/common/presentationmode.h"

namespace sockwb {

namespace {
constexpr int kTop = 8;
}

ComposerTimingChart::ComposerTimingChart(QWidget* parent) : QWidget(parent) {
    // The rows follow the font: room for them in Presentation Mode too.
    auto fit = [this] { setMinimumHeight(qRound(190 * PresentationMode::factor())); };
    fit();
    connect(PresentationMode::instance(), &PresentationMode::changed, this, fit);
    setMouseTracking(true);
}

void ComposerTimingChart::setTimings(const http::Timings& timings, bool reused, bool secure) {
    timings_ = timings;
    reused_ = reused;
    secure_ = secure;
    empty_ = false;
    update();
}

void ComposerTimingChart::clear() {
    timings_ = {};
    empty_ = true;
    reused_ = false;
    secure_ = false;
    update();
}

QSize ComposerTimingChart::sizeHint() const { return {480, 230}; }

std::vector<ComposerTimingChart::Phase> ComposerTimingChart::phases() const {
    if (empty_) return {};
    std::vector<Phase> out = {
        {tr("Resolve"), timings_.resolve, QColor(0x8e, 0x24, 0xaa),
         tr("Name lookup: the host name turned into an address (curl's time_namelookup)")},
        {tr("Connect"), timings_.connect, QColor(0xef, 0x6c, 0x00),
         tr("TCP handshake: connect() until the socket is connected (time_connect)")},
    };
    if (secure_)
        out.push_back({tr("TLS handshake"), timings_.tls, QColor(0xc2, 0x18, 0x5b),
                       tr("TLS handshake: ClientHello to Finished, the certificate checked (curl's "
                          "time_appconnect - time_connect); 0 on a reused connection")});
    out.push_back({tr("Send"), timings_.send, QColor(0x15, 0x65, 0xc0),
                   tr("Writing the request with send()")});
    out.push_back({tr("Wait (first byte)"), timings_.wait, QColor(0x2e, 0x7d, 0x32),
                   tr("From the request sent to the first byte of the response (time to first "
                      "byte, the server's think time)")});
    out.push_back({tr("Download"), timings_.download, QColor(0x00, 0x83, 0x8f),
                   tr("From the first byte to the complete response")});
    return out;
}

int ComposerTimingChart::rowHeight() const {
    const QFontMetrics fm = fontMetrics();
    const int rows = int(phases().size()) + 2;  // the bars, the total, the legend
    return std::clamp((height() - 2 * kTop) / std::max(rows, 1), fm.height() + 8, fm.height() + 22);
}

QString ComposerTimingChart::toolTipAt(int y) const {
    const std::vector<Phase> bars = phases();
    const int rowH = rowHeight();
    if (bars.empty() || y < kTop) return {};
    const std::size_t row = std::size_t((y - kTop) / rowH);
    if (row >= bars.size()) return {};
    return tr("%1: %2 ms\n%3")
        .arg(bars[row].name)
        .arg(bars[row].ms, 0, 'f', 3)
        .arg(bars[row].meaning);
}

bool ComposerTimingChart::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const QString tip = toolTipAt(help->pos().y());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(e);
}

void ComposerTimingChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (empty_) {
        p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        p.drawText(rect(), Qt::AlignCenter, tr("Send a request to see where its time went."));
        return;
    }
    const std::vector<Phase> bars = phases();
    double sum = 0;
    for (const auto& ph : bars) sum += std::max(0.0, ph.ms);
    const double total = std::max({timings_.total, sum, 0.001});
    const QFontMetrics fm = fontMetrics();
    int labelW = 0;
    for (const auto& ph : bars) labelW = std::max(labelW, fm.horizontalAdvance(ph.name));
    labelW += 16;
    const int valueW = fm.horizontalAdvance(QStringLiteral("00000.000 ms")) + 8;
    const int rowH = rowHeight();
    const int chartW = std::max(40, width() - labelW - valueW - 16);
    double start = 0;
    int y = kTop;
    for (const auto& ph : bars) {
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
    p.setFont(font());
    y += rowH;
    // The legend: a swatch and the name of each phase, on one line.
    int x = 8;
    const int box = fm.height() - 4;
    for (const auto& ph : bars) {
        const int textW = fm.horizontalAdvance(ph.name);
        if (x + box + 4 + textW > width() - 8) break;
        p.fillRect(QRect(x, y + (rowH - box) / 2, box, box), ph.color);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(x + box + 4, y, textW + 2, rowH), Qt::AlignVCenter | Qt::AlignLeft,
                   ph.name);
        x += box + 4 + textW + 14;
    }
}

}  // namespace sockwb
