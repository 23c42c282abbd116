#pragma once
// SequencePainter: draws a laid-out sequence (SequenceLayout over a
// SequenceBuilder) with a QPainter, in scene coordinates, and finds what is
// under a point. One painter serves the on-screen canvas (only the rows in
// view: binary search by y, never a loop over every event) and the SVG/PNG
// exports (the whole diagram or a range of rows). Colours come from the
// palette so the diagram reads on light and dark themes. GUI thread only;
// holds references, so it lives no longer than the builder and the layout.

#include <QColor>
#include <QLineF>
#include <QPalette>
#include <QRectF>
#include <cstddef>
#include <vector>

#include "core/sequence/sequence.h"
#include "core/sequence/sequencelayout.h"

class QPainter;

namespace sockwb {

class SequencePainter final {
public:
    SequencePainter(const seq::SequenceBuilder& builder, const seq::SequenceLayout& layout,
                    const QPalette& palette);

    void setSelection(size_t call, size_t arrow);
    // Line widths, marks and the fixed text boxes multiplied by `scale`
    // (Presentation Mode: the layout's geometry and the fonts grow alike).
    void setScale(double scale) { scale_ = scale; }
    double scale() const { return scale_; }
    // Position in timeOrder of the last call shown as done; later calls and
    // their arrows are dimmed. seq::kNone: everything is shown.
    void setPlayhead(size_t position) { playhead_ = position; }

    // The diagram's body (lifelines, calls, arrows, folds, playhead) in the
    // scene rectangle `area`. Returns how many calls and arrows it drew.
    int paintBody(QPainter& p, const QRectF& area) const;
    // The process and lifeline headers (scene y 0 .. options().top) for
    // scene x in [x0, x1].
    void paintHeaders(QPainter& p, double x0, double x1) const;
    // The time ruler (scene x 0 .. options().left) for scene y in [y0, y1].
    void paintRuler(QPainter& p, double y0, double y1) const;

    // What is at a scene point: an arrow's index or a call's (kNone if not).
    struct Hit {
        size_t call = seq::kNone;
        size_t arrow = seq::kNone;
    };
    Hit hitTest(const QPointF& scene) const;
    // The arrows that may cross the rows [first, last) (deduplicated).
    std::vector<uint32_t> arrowsNear(size_t first, size_t last) const;
    // An arrow's line in scene coordinates (a Lost one ends where its X is).
    QLineF arrowLine(size_t arrow) const;

    static QColor kindColor(seq::Arrow::Kind kind, const QPalette& palette);

private:
    double px(double length) const { return length * scale_; }
    bool done(size_t call) const;
    void paintArrow(QPainter& p, size_t arrow) const;
    void paintCall(QPainter& p, size_t call) const;
    void paintFolds(QPainter& p, const QRectF& area) const;
    void paintLifelines(QPainter& p, const QRectF& area) const;

    const seq::SequenceBuilder& builder_;
    const seq::SequenceLayout& layout_;
    QPalette palette_;
    size_t selectedCall_ = seq::kNone;
    size_t selectedArrow_ = seq::kNone;
    std::vector<size_t> highlighted_;  // arrows of the selected call
    size_t playhead_ = seq::kNone;
    double scale_ = 1.0;
};

}  // namespace sockwb
