#include "widgets/sequence/sequencepainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "widgets/sequence/sequencetext.h"

namespace sockwb {

namespace {
constexpr double kMark = 5.0;  // half the size of a call's mark
constexpr double kLostLength = 70.0;
constexpr int kDimAlpha = 55;

bool darkTheme(const QPalette& pal) { return pal.color(QPalette::Base).lightness() < 128; }

QColor dimmed(QColor c, bool dim) {
    if (dim) c.setAlpha(kDimAlpha);
    return c;
}

double distanceToSegment(const QPointF& p, const QLineF& l) {
    const QPointF d = l.p2() - l.p1();
    const double len2 = d.x() * d.x() + d.y() * d.y();
    double t = len2 > 0 ? ((p.x() - l.x1()) * d.x() + (p.y() - l.y1()) * d.y()) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF q = l.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}
}  // namespace

SequencePainter::SequencePainter(const seq::SequenceBuilder& builder,
                                 const seq::SequenceLayout& layout, const QPalette& palette)
    : builder_(builder), layout_(layout), palette_(palette) {}

QColor SequencePainter::kindColor(seq::Arrow::Kind kind, const QPalette& palette) {
    const bool dark = darkTheme(palette);
    using Kind = seq::Arrow::Kind;
    switch (kind) {
        case Kind::Handshake:
            return dark ? QColor(0x6f, 0xa8, 0xff) : QColor(0x1f, 0x5f, 0xbf);
        case Kind::Data:
            return dark ? QColor(0x7f, 0xd0, 0x8a) : QColor(0x23, 0x80, 0x3a);
        case Kind::Fin:
            return dark ? QColor(0xff, 0xb0, 0x60) : QColor(0xc0, 0x60, 0x00);
        case Kind::Reset:
            return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
        case Kind::Datagram:
            return dark ? QColor(0xc7, 0x9b, 0xff) : QColor(0x7b, 0x3f, 0xb8);
        case Kind::Lost:
            return palette.color(QPalette::Disabled, QPalette::Text);
    }
    return palette.color(QPalette::Text);
}

void SequencePainter::setSelection(size_t call, size_t arrow) {
    selectedCall_ = call;
    selectedArrow_ = arrow;
    highlighted_.clear();
    if (call != seq::kNone)
        for (uint32_t a : layout_.arrowsAt(call)) highlighted_.push_back(a);
}

bool SequencePainter::done(size_t call) const {
    return playhead_ == seq::kNone || layout_.positionOf(call) <= playhead_;
}

std::vector<uint32_t> SequencePainter::arrowsNear(size_t first, size_t last) const {
    const size_t reach = seq::SequenceLayout::kArrowReach;
    const size_t from = first > reach ? first - reach : 0;
    const size_t to = std::min(builder_.timeOrder().size(), last + reach);
    std::vector<uint32_t> out = layout_.longArrows();
    for (size_t pos = from; pos < to; ++pos) {
        const auto& at = layout_.arrowsAt(builder_.timeOrder()[pos]);
        out.insert(out.end(), at.begin(), at.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QLineF SequencePainter::arrowLine(size_t index) const {
    const seq::Arrow& a = builder_.arrows()[index];
    const seq::Call& from = builder_.calls()[a.from];
    const QPointF p1(layout_.lifelineX(from.lifeline), layout_.callY(a.from));
    if (a.to == seq::kNone || a.to >= layout_.laidCalls()) {
        // Towards the socket it was sent to when that socket is on screen.
        const TraceEvent& e = builder_.events()[from.event];
        const size_t target = layout_.lifelineAt(e.peer);
        const double dir = target != seq::kNone && layout_.lifelineX(target) < p1.x() ? -1.0 : 1.0;
        return {p1 + QPointF(dir * px(kMark), 0), p1 + QPointF(dir * px(kLostLength), px(14.0))};
    }
    const seq::Call& to = builder_.calls()[a.to];
    const QPointF p2(layout_.lifelineX(to.lifeline), layout_.callY(a.to));
    const double dir = p2.x() >= p1.x() ? 1.0 : -1.0;
    return {p1 + QPointF(dir * px(kMark), 0), p2 - QPointF(dir * px(kMark), 0)};
}

int SequencePainter::paintBody(QPainter& p, const QRectF& area) const {
    const auto& order = builder_.timeOrder();
    if (order.empty() || layout_.laidCalls() != builder_.calls().size()) return 0;
    paintFolds(p, area);
    paintLifelines(p, area);
    int painted = 0;
    const auto [first, last] = layout_.rowsBetween(area.top() - px(12.0), area.bottom() + px(12.0));
    for (uint32_t a : arrowsNear(first, last)) {
        const QLineF l = arrowLine(a);
        const QRectF box =
            QRectF(l.p1(), l.p2()).normalized().adjusted(-px(40), -px(12), px(40), px(12));
        if (!box.intersects(area)) continue;
        paintArrow(p, a);
        ++painted;
    }
    for (size_t pos = first; pos < last; ++pos) {
        const size_t c = order[pos];
        const double x = layout_.lifelineX(builder_.calls()[c].lifeline);
        if (x + px(200) < area.left() || x - px(20) > area.right()) continue;
        paintCall(p, c);
        ++painted;
    }
    if (playhead_ != seq::kNone && playhead_ < order.size()) {
        const double y = layout_.rowY(playhead_) + px(9.0);
        p.setPen(QPen(palette_.color(QPalette::Highlight), px(2.0), Qt::DashLine));
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    return painted;
}

void SequencePainter::paintFolds(QPainter& p, const QRectF& area) const {
    const auto& folds = layout_.folds();
    auto it = std::lower_bound(folds.begin(), folds.end(), area.top() - 10.0,
                               [](const seq::LayoutFold& f, double y) { return f.y < y; });
    QColor band = palette_.color(QPalette::AlternateBase);
    QPen pen(palette_.color(QPalette::Mid), px(1.0), Qt::DotLine);
    for (; it != folds.end() && it->y < area.bottom() + 10.0; ++it) {
        p.fillRect(QRectF(area.left(), it->y - px(5.0), area.width(), px(10.0)), band);
        p.setPen(pen);
        QPainterPath zigzag;
        zigzag.moveTo(area.left(), it->y);
        for (double x = area.left(); x < area.right(); x += px(12.0)) {
            zigzag.lineTo(x + px(6.0), it->y - px(3.0));
            zigzag.lineTo(x + px(12.0), it->y + px(3.0));
        }
        p.drawPath(zigzag);
    }
}

void SequencePainter::paintLifelines(QPainter& p, const QRectF& area) const {
    const auto& lifelines = builder_.lifelines();
    const QColor line = palette_.color(QPalette::Mid);
    for (size_t i = 0; i < lifelines.size(); ++i) {
        const double x = layout_.lifelineX(i);
        if (x < area.left() - 2 || x > area.right() + 2) continue;
        auto [y0, y1] = layout_.lifelineSpan(i);
        // An accepted socket's line starts at the accept that made it.
        const size_t origin = lifelines[i].origin;
        if (origin < layout_.laidCalls())
            y0 = y0 < 0 ? layout_.callY(origin) : std::min(y0, layout_.callY(origin));
        if (y1 < y0) y1 = y0;
        const double end = px(6);
        if (y0 < 0 || y1 + end < area.top() || y0 - end > area.bottom()) continue;
        const bool process = lifelines[i].role == seq::Lifeline::Role::Process;
        p.setPen(QPen(line, px(process ? 1.0 : 2.0), process ? Qt::DotLine : Qt::SolidLine));
        p.drawLine(QPointF(x, std::max(y0 - end, area.top())),
                   QPointF(x, std::min(y1 + end, area.bottom())));
        if (lifelines[i].closed && y1 + end <= area.bottom()) {
            p.drawLine(QPointF(x - px(5), y1 + px(2)), QPointF(x + px(5), y1 + px(12)));
            p.drawLine(QPointF(x + px(5), y1 + px(2)), QPointF(x - px(5), y1 + px(12)));
        }
    }
}

void SequencePainter::paintArrow(QPainter& p, size_t index) const {
    const seq::Arrow& a = builder_.arrows()[index];
    const QLineF l = arrowLine(index);
    const bool lost = a.kind == seq::Arrow::Kind::Lost || a.to == seq::kNone;
    const bool dim = !done(a.from) || (!lost && !done(a.to));
    const bool selected =
        index == selectedArrow_ ||
        std::find(highlighted_.begin(), highlighted_.end(), index) != highlighted_.end();
    QColor color = dimmed(kindColor(a.kind, palette_), dim);
    if (selected) color = palette_.color(QPalette::Highlight);
    const Qt::PenStyle style =
        a.kind == seq::Arrow::Kind::Datagram || lost ? Qt::DashLine : Qt::SolidLine;
    const double width = px(selected ? 3.0 : 1.6);
    p.setPen(QPen(color, width, style));
    p.drawLine(l);
    p.setPen(QPen(color, width));
    if (lost) {
        const QPointF e = l.p2();
        QColor x = dimmed(kindColor(seq::Arrow::Kind::Reset, palette_), dim);
        p.setPen(QPen(x, px(2.0)));
        const double r = px(5);
        p.drawLine(e + QPointF(-r, -r), e + QPointF(r, r));
        p.drawLine(e + QPointF(-r, r), e + QPointF(r, -r));
    } else {
        const double angle = std::atan2(l.dy(), l.dx());
        const double size = px(9);
        QPolygonF head;
        head << l.p2()
             << l.p2() - QPointF(std::cos(angle - 0.4) * size, std::sin(angle - 0.4) * size)
             << l.p2() - QPointF(std::cos(angle + 0.4) * size, std::sin(angle + 0.4) * size);
        p.setBrush(color);
        p.drawPolygon(head);
        p.setBrush(Qt::NoBrush);
    }
    if (a.kind == seq::Arrow::Kind::Data || a.kind == seq::Arrow::Kind::Datagram || lost) {
        // Over TLS the records' names draw the handshake; else the byte count.
        const QString records = SequenceText::tlsRecords(builder_.tlsRecordsOf(a));
        const QFontMetricsF fm(p.font());
        const QString text =
            records.isEmpty()
                ? SequenceText::bytes(a.length)
                : fm.elidedText(records, Qt::ElideRight,
                                std::max(layout_.options().columnWidth, std::abs(l.dx()) - 12));
        const QPointF mid = (l.p1() + l.p2()) / 2.0;
        const QRectF r(mid.x() - fm.horizontalAdvance(text) / 2.0 - 2, mid.y() - fm.height() - 1,
                       fm.horizontalAdvance(text) + 4, fm.height());
        p.fillRect(r, dimmed(palette_.color(QPalette::Base), dim));
        p.setPen(color);
        p.drawText(r, Qt::AlignCenter, text);
    }
}

void SequencePainter::paintCall(QPainter& p, size_t c) const {
    const seq::Call& call = builder_.calls()[c];
    const TraceEvent& e = builder_.events()[call.event];
    const double x = layout_.lifelineX(call.lifeline);
    const double y = layout_.callY(c);
    const bool dim = !done(c);
    const bool failed = SequenceText::isFailure(e);
    QColor text =
        failed ? kindColor(seq::Arrow::Kind::Reset, palette_) : palette_.color(QPalette::Text);
    QString label = SequenceText::callLabel(e);
    if (layout_.multiThread(call.lifeline)) label += QStringLiteral(" [%1]").arg(e.tid);
    const QFontMetricsF fm(p.font());
    const double mark = px(kMark);
    const double maxWidth = layout_.options().columnWidth - 2 * mark - px(8);
    label = fm.elidedText(label, Qt::ElideRight, maxWidth);
    const QRectF box(x + mark + px(3), y - fm.height() / 2.0, fm.horizontalAdvance(label) + 4,
                     fm.height());
    if (c == selectedCall_) {
        p.fillRect(box, palette_.color(QPalette::Highlight));
        text = palette_.color(QPalette::HighlightedText);
    }
    p.setPen(QPen(dimmed(palette_.color(QPalette::Text), dim), px(1.0)));
    p.setBrush(dimmed(failed ? text : palette_.color(QPalette::Button), dim));
    p.drawRect(QRectF(x - mark, y - mark, 2 * mark, 2 * mark));
    p.setBrush(Qt::NoBrush);
    p.setPen(dimmed(text, dim));
    p.drawText(box.adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
}

void SequencePainter::paintHeaders(QPainter& p, double x0, double x1) const {
    const seq::LayoutOptions& o = layout_.options();
    p.fillRect(QRectF(x0, 0, x1 - x0, o.top), palette_.color(QPalette::Window));
    const auto& procs = builder_.processes();
    const QFontMetricsF fm(p.font());
    const QColor text = palette_.color(QPalette::WindowText);
    for (const seq::LayoutGroup& g : layout_.groups()) {
        if (g.x1 < x0 || g.x0 > x1) continue;
        const QRectF box(g.x0 + 2, px(4), g.x1 - g.x0 - 4, o.top - px(8));
        p.setPen(QPen(palette_.color(QPalette::Mid), px(1.0)));
        p.setBrush(palette_.color(QPalette::AlternateBase));
        p.drawRoundedRect(box, 4, 4);
        p.setBrush(Qt::NoBrush);
        if (g.process < procs.size()) {
            const seq::Process& proc = procs[g.process];
            const QString title = SequenceText::processHeader(proc);
            p.setPen(text);
            QFont bold = p.font();
            bold.setBold(true);
            p.save();
            p.setFont(bold);
            p.drawText(QRectF(box.left() + 6, px(6), box.width() - 12, px(18)), Qt::AlignLeft,
                       fm.elidedText(title, Qt::ElideRight, box.width() - 12));
            p.restore();
        }
    }
    const auto& lifelines = builder_.lifelines();
    for (size_t i = 0; i < lifelines.size(); ++i) {
        const double x = layout_.lifelineX(i);
        if (x + o.columnWidth / 2 < x0 || x - o.columnWidth / 2 > x1) continue;
        const double w = o.columnWidth - 8;
        p.setPen(text);
        p.drawText(QRectF(x - w / 2, px(28), w, px(20)), Qt::AlignCenter,
                   fm.elidedText(SequenceText::lifelineTitle(lifelines[i]), Qt::ElideRight, w));
        p.setPen(palette_.color(QPalette::PlaceholderText));
        p.drawText(
            QRectF(x - w / 2, px(48), w, px(20)), Qt::AlignCenter,
            fm.elidedText(SequenceText::lifelineEndpoints(lifelines[i]), Qt::ElideMiddle, w));
    }
}

void SequencePainter::paintRuler(QPainter& p, double y0, double y1) const {
    const seq::LayoutOptions& o = layout_.options();
    p.fillRect(QRectF(0, y0, o.left, y1 - y0), palette_.color(QPalette::Window));
    p.setPen(palette_.color(QPalette::Mid));
    p.drawLine(QPointF(o.left - 1, y0), QPointF(o.left - 1, y1));
    const auto& order = builder_.timeOrder();
    if (order.empty() || layout_.laidCalls() != builder_.calls().size()) return;
    const QColor text = palette_.color(QPalette::WindowText);
    auto tick = [&](double y, const QString& label) {
        p.setPen(palette_.color(QPalette::Mid));
        p.drawLine(QPointF(o.left - px(8), y), QPointF(o.left - 1, y));
        p.setPen(text);
        p.drawText(QRectF(2, y - px(9), o.left - px(12), px(18)), Qt::AlignRight | Qt::AlignVCenter,
                   label);
    };
    if (o.axis == seq::LayoutOptions::Axis::Real) {
        // A tick every 1, 2 or 5 x 10^k microseconds, at least 60 px apart.
        const double pxPerUs = o.pxPerMs / 1000.0;
        const double apart = px(60.0);
        double step = 1.0;
        for (double decade = 1.0; step * pxPerUs < apart; decade *= 10.0) {
            for (double m : {1.0, 2.0, 5.0}) {
                step = m * decade;
                if (step * pxPerUs >= apart) break;
            }
        }
        const double first = std::max(0.0, std::floor((y0 - layout_.firstY()) / pxPerUs / step));
        for (double k = first;; ++k) {
            const double y = layout_.firstY() + k * step * pxPerUs;
            if (y > y1) break;
            tick(y, SequenceText::offset(static_cast<int64_t>(k * step)));
        }
        return;
    }
    // Compressed: the time of a call every 48 px or more, and each fold.
    const auto [first, last] = layout_.rowsBetween(y0 - 10, y1 + 10);
    double lastY = -1e9;
    for (size_t pos = first; pos < last; ++pos) {
        const double y = layout_.rowY(pos);
        if (y - lastY < px(48.0)) continue;
        tick(y, SequenceText::offset(layout_.rowTime(pos) - layout_.originUs()));
        lastY = y;
    }
}

SequencePainter::Hit SequencePainter::hitTest(const QPointF& s) const {
    Hit hit;
    const auto& order = builder_.timeOrder();
    if (order.empty() || layout_.laidCalls() != builder_.calls().size()) return hit;
    const auto [first, last] = layout_.rowsBetween(s.y() - px(10.0), s.y() + px(10.0));
    double best = 1e9;
    size_t label = seq::kNone;
    for (size_t pos = first; pos < last; ++pos) {
        const size_t c = order[pos];
        const double dx = s.x() - layout_.lifelineX(builder_.calls()[c].lifeline);
        const double dy = s.y() - layout_.rowY(pos);
        const double d = std::hypot(dx, dy);
        const double near = px(kMark) + 2;
        if (std::abs(dx) <= near && std::abs(dy) <= near && d < best) {
            best = d;
            hit.call = c;
        } else if (dx > 0 && dx < layout_.options().columnWidth / 2 && std::abs(dy) <= px(8)) {
            label = c;
        }
    }
    if (hit.call != seq::kNone) return hit;
    best = px(5.0);
    for (uint32_t a : arrowsNear(first, last)) {
        const double d = distanceToSegment(s, arrowLine(a));
        if (d <= best) {
            best = d;
            hit.arrow = a;
        }
    }
    if (hit.arrow == seq::kNone) hit.call = label;
    return hit;
}

}  // namespace sockwb
