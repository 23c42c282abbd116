#include "widgets/sequence/sequencecanvas.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <cmath>

#include "widgets/sequence/sequencetext.h"

namespace sockwb {

SequenceCanvas::SequenceCanvas(const seq::SequenceBuilder& builder, seq::SequenceLayout& layout,
                               QWidget* parent)
    : QAbstractScrollArea(parent), builder_(builder), layout_(layout) {
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    verticalScrollBar()->setSingleStep(24);
    horizontalScrollBar()->setSingleStep(24);
}

SequencePainter SequenceCanvas::painter() const {
    SequencePainter p(builder_, layout_, palette());
    p.setSelection(call_, arrow_);
    p.setPlayhead(playhead_);
    p.setScale(scale_);
    return p;
}

void SequenceCanvas::setScale(double scale) {
    scale_ = scale;
    viewport()->update();
}

void SequenceCanvas::relayout() {
    QScrollBar* v = verticalScrollBar();
    const bool following = v->value() >= v->maximum() - 4;
    layout_.update(builder_);
    updateScrollBars();
    if (following && playhead_ == seq::kNone) v->setValue(v->maximum());
    viewport()->update();
}

void SequenceCanvas::updateScrollBars() {
    const QSize vp = viewport()->size();
    const auto clampInt = [](double d) { return static_cast<int>(std::min(d, 2.0e9)); };
    verticalScrollBar()->setRange(0, std::max(0, clampInt(layout_.height()) - vp.height()));
    verticalScrollBar()->setPageStep(vp.height());
    horizontalScrollBar()->setRange(0, std::max(0, clampInt(layout_.width()) - vp.width()));
    horizontalScrollBar()->setPageStep(vp.width());
}

void SequenceCanvas::setSelection(size_t call, size_t arrow) {
    call_ = call;
    arrow_ = arrow;
    viewport()->update();
}

void SequenceCanvas::setPlayhead(size_t position) {
    playhead_ = position;
    if (position != seq::kNone && position < builder_.timeOrder().size())
        ensureVisible(builder_.timeOrder()[position]);
    viewport()->update();
}

void SequenceCanvas::ensureVisible(size_t call) {
    if (call >= layout_.laidCalls()) return;
    const seq::LayoutOptions& o = layout_.options();
    const double y = layout_.callY(call);
    const double x = layout_.lifelineX(builder_.calls()[call].lifeline);
    QScrollBar* v = verticalScrollBar();
    QScrollBar* h = horizontalScrollBar();
    const double bodyH = viewport()->height() - o.top;
    if (y - 30 < v->value() + o.top)
        v->setValue(static_cast<int>(y - o.top - 30));
    else if (y + 30 > v->value() + o.top + bodyH)
        v->setValue(static_cast<int>(y + 30 - o.top - bodyH));
    const double bodyW = viewport()->width() - o.left;
    if (x - 20 < h->value() + o.left)
        h->setValue(static_cast<int>(x - o.left - 20));
    else if (x + o.columnWidth / 2 > h->value() + o.left + bodyW)
        h->setValue(static_cast<int>(x + o.columnWidth / 2 - o.left - bodyW));
}

QPointF SequenceCanvas::toViewport(const QPointF& s) const {
    return s - QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

QPointF SequenceCanvas::toScene(const QPointF& v) const {
    return v + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

void SequenceCanvas::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    const seq::LayoutOptions& o = layout_.options();
    const double w = viewport()->width(), h = viewport()->height();
    const double sx = horizontalScrollBar()->value(), sy = verticalScrollBar()->value();
    const SequencePainter sp = painter();
    p.setRenderHint(QPainter::Antialiasing);
    p.save();
    p.setClipRect(QRectF(o.left, o.top, w - o.left, h - o.top));
    p.translate(-sx, -sy);
    lastPainted_ = sp.paintBody(p, QRectF(sx + o.left, sy + o.top, w - o.left, h - o.top));
    p.restore();
    p.save();
    p.setClipRect(QRectF(o.left, 0, w - o.left, o.top));
    p.translate(-sx, 0);
    sp.paintHeaders(p, sx + o.left, sx + w);
    p.restore();
    p.save();
    p.setClipRect(QRectF(0, o.top, o.left, h - o.top));
    p.translate(0, -sy);
    sp.paintRuler(p, sy + o.top, sy + h);
    p.restore();
    p.fillRect(QRectF(0, 0, o.left, o.top), palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(4, 0, o.left - 8, o.top - 4), Qt::AlignRight | Qt::AlignBottom,
               o.axis == seq::LayoutOptions::Axis::Real ? tr("time") : tr("time (folded)"));
}

void SequenceCanvas::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void SequenceCanvas::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    const seq::LayoutOptions& o = layout_.options();
    const QPointF pos = event->position();
    if (pos.x() < o.left || pos.y() < o.top) return;
    const SequencePainter::Hit hit = painter().hitTest(toScene(pos));
    if ((event->modifiers() & Qt::ShiftModifier) && hit.call != seq::kNone && call_ != seq::kNone) {
        emit rangeRequested(call_, hit.call);
        return;
    }
    setSelection(hit.call, hit.arrow);
    emit selectionChanged(hit.call, hit.arrow);
}

void SequenceCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Down || event->key() == Qt::Key_Up) {
        step(event->key() == Qt::Key_Down ? 1 : -1);
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void SequenceCanvas::step(int delta) {
    const auto& order = builder_.timeOrder();
    if (order.empty() || layout_.laidCalls() != builder_.calls().size()) return;
    size_t pos = 0;
    size_t from = call_;
    if (from == seq::kNone && arrow_ != seq::kNone) from = builder_.arrows()[arrow_].from;
    if (from != seq::kNone) {
        pos = layout_.positionOf(from);
        if (delta > 0 && pos + 1 < order.size())
            ++pos;
        else if (delta < 0 && pos > 0)
            --pos;
    }
    setSelection(order[pos], seq::kNone);
    ensureVisible(order[pos]);
    emit selectionChanged(order[pos], seq::kNone);
}

bool SequenceCanvas::viewportEvent(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QAbstractScrollArea::viewportEvent(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const SequencePainter::Hit hit = painter().hitTest(toScene(help->pos()));
    QString tip;
    if (hit.arrow != seq::kNone) {
        const seq::Arrow::Kind kind = builder_.arrows()[hit.arrow].kind;
        tip = QStringLiteral("<b>%1</b><br>%2")
                  .arg(SequenceText::arrowKindName(kind).toHtmlEscaped(),
                       SequenceText::arrowExplanation(kind).toHtmlEscaped());
    } else if (hit.call != seq::kNone) {
        const TraceEvent& e = builder_.events()[builder_.calls()[hit.call].event];
        tip = QString::fromStdString(e.toLine()).toHtmlEscaped();
    }
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), tip, viewport());
    return true;
}

}  // namespace sockwb
