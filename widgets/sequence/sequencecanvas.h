#pragma once
// SequenceCanvas: the scrolling surface of the sequence view. Paints only
// the rows in view (SequencePainter over the SequenceLayout: binary search
// by y, no item per event), keeps the headers and the time ruler fixed
// while the body scrolls, follows the newest calls unless the user scrolled
// away, and turns clicks, tooltips and Up/Down into selections. GUI thread
// only; the builder and the layout belong to the SequenceView.

#include <QAbstractScrollArea>
#include <cstddef>

#include "core/sequence/sequence.h"
#include "core/sequence/sequencelayout.h"
#include "widgets/sequence/sequencepainter.h"

namespace sockwb {

class SequenceCanvas final : public QAbstractScrollArea {
    Q_OBJECT
public:
    SequenceCanvas(const seq::SequenceBuilder& builder, seq::SequenceLayout& layout,
                   QWidget* parent = nullptr);

    // Lays out what the builder gained (or everything after an option
    // change), then scrolls to the newest call when following.
    void relayout();
    void setSelection(size_t call, size_t arrow);
    size_t selectedCall() const { return call_; }
    size_t selectedArrow() const { return arrow_; }
    void setPlayhead(size_t position);
    size_t playhead() const { return playhead_; }
    // Scrolls so the call is in view.
    void ensureVisible(size_t call);

    // Scene point <-> viewport point.
    QPointF toViewport(const QPointF& scene) const;
    QPointF toScene(const QPointF& viewportPoint) const;
    // Calls and arrows drawn by the last paint (a test hook, and a check that
    // drawing stays proportional to what is on screen).
    int lastPainted() const { return lastPainted_; }
    SequencePainter painter() const;
    // Line widths and marks drawn this many times larger (Presentation
    // Mode; the SequenceView scales the layout's geometry alike).
    void setScale(double scale);
    double scale() const { return scale_; }

signals:
    // The user picked a call or an arrow (click, Up/Down); kNone for none.
    void selectionChanged(size_t call, size_t arrow);
    // Shift+click: the other end of a range of rows, from the selected call.
    void rangeRequested(size_t fromCall, size_t toCall);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void updateScrollBars();
    void step(int delta);

    const seq::SequenceBuilder& builder_;
    seq::SequenceLayout& layout_;
    size_t call_ = seq::kNone;
    size_t arrow_ = seq::kNone;
    size_t playhead_ = seq::kNone;
    int lastPainted_ = 0;
    double scale_ = 1.0;
};

}  // namespace sockwb
