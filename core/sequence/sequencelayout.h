#pragma once
// SequenceLayout: where each part of a sequence diagram goes, in scene
// coordinates (pixels, y down), computed from a SequenceBuilder's vectors.
// Kept apart from the widget so it can be tested without a screen and so
// the view, the exports and the benchmark share one geometry.
//  - x: one column per lifeline, columns grouped by process (in the order
//    of processes()), a process's own lifeline first.
//  - y: from time. Real: proportional to the time since the first call
//    (pxPerMs). Compressed: a fixed spacing per call, plus a fold (an extra
//    gap and a mark) where time jumped more than foldThresholdUs.
// update() is incremental: when the new calls are not older than the last
// one laid out (a live trace), only they are placed; otherwise (a batch
// from another source landing in the past, an option change) everything is
// placed again in one O(n) pass. Pure logic, no Qt; not thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/sequence/sequence.h"

namespace sockwb::seq {

struct LayoutOptions {
    enum class Axis { Real, Compressed };
    Axis axis = Axis::Compressed;
    double pxPerMs = 4.0;             // Real: zoom
    double callSpacing = 24.0;        // Compressed: per call
    double foldGap = 20.0;            // Compressed: extra gap at a fold
    int64_t foldThresholdUs = 20000;  // Compressed: a jump longer than this folds
    double columnWidth = 230.0;
    double groupGap = 24.0;  // between two processes
    double left = 86.0;      // the time ruler's width
    double top = 78.0;       // the headers' height
    double bottomMargin = 40.0;
};

// The builder's vectors the layout reads (a builder, or test data).
struct LayoutInput {
    const std::vector<TraceEvent>& events;
    const std::vector<Process>& processes;
    const std::vector<Lifeline>& lifelines;
    const std::vector<Call>& calls;
    const std::vector<size_t>& timeOrder;
    const std::vector<Arrow>& arrows;
    static LayoutInput of(const SequenceBuilder& b) {
        return {b.events(), b.processes(), b.lifelines(), b.calls(), b.timeOrder(), b.arrows()};
    }
};

struct LayoutGroup {
    size_t process = kNone;  // index in processes()
    double x0 = 0, x1 = 0;   // horizontal extent
};

struct LayoutFold {
    double y = 0;       // where the mark goes (between the two calls)
    int64_t gapUs = 0;  // how much time it folds
};

class SequenceLayout {
public:
    void setOptions(const LayoutOptions& options);  // forces a full layout
    const LayoutOptions& options() const { return options_; }

    // Places what is new since the last update (or everything). O(new calls
    // + lifelines) when the trace only grew at its end.
    void update(const LayoutInput& in);
    void update(const SequenceBuilder& b) { update(LayoutInput::of(b)); }
    void reset();

    size_t laidCalls() const { return callY_.size(); }
    double callY(size_t call) const { return callY_[call]; }
    double lifelineX(size_t lifeline) const { return lifeX_[lifeline]; }
    // The lifeline whose local endpoint is `endpoint`, kNone if none.
    size_t lifelineAt(const std::string& endpoint) const;
    // First and last y of a lifeline's calls (-1 when it has none laid out).
    std::pair<double, double> lifelineSpan(size_t lifeline) const;
    // True when the lifeline's calls came from more than one thread.
    bool multiThread(size_t lifeline) const;
    const std::vector<LayoutGroup>& groups() const { return groups_; }
    const std::vector<LayoutFold>& folds() const { return folds_; }

    // Positions p in timeOrder with y in [y0, y1): [first, last).
    std::pair<size_t, size_t> rowsBetween(double y0, double y1) const;
    double rowY(size_t position) const { return rowY_[position]; }
    // Arrows starting or ending at a call (from the layout's own index).
    const std::vector<uint32_t>& arrowsAt(size_t call) const;
    // A call's position in timeOrder.
    size_t positionOf(size_t call) const { return callPos_[call]; }
    // Arrows whose ends are more than kArrowReach positions apart: a view
    // finds the others from the calls within kArrowReach of its rows.
    static constexpr size_t kArrowReach = 64;
    const std::vector<uint32_t>& longArrows() const { return long_; }

    // Time of the first call (the Real axis's origin) and of each row.
    int64_t originUs() const { return originUs_; }
    int64_t rowTime(size_t position) const { return rowT_[position]; }
    // The y of the first call (where time starts on the axis).
    double firstY() const { return options_.top + 14.0; }
    double width() const { return width_; }
    double height() const { return height_; }
    // How many full layouts were made (tests check incremental updates).
    size_t fullLayouts() const { return fullLayouts_; }

private:
    void layoutColumns(const LayoutInput& in);
    void placeRows(const LayoutInput& in, size_t fromPosition);
    void indexArrows(const LayoutInput& in, size_t fromArrow);
    void addArrow(const LayoutInput& in, size_t arrow);
    bool far(size_t callA, size_t callB) const;

    LayoutOptions options_;
    bool dirty_ = true;
    std::vector<double> callY_;    // by call index
    std::vector<size_t> callPos_;  // by call index
    std::vector<double> rowY_;     // by position in timeOrder (non-decreasing)
    std::vector<int64_t> rowT_;    // by position: the call's time
    size_t lastCall_ = kNone;      // the call at the last position laid out
    std::vector<double> lifeX_;
    std::vector<std::pair<double, double>> lifeSpan_;
    std::vector<int> lifeTid_;  // first tid seen, -1 when several
    std::vector<LayoutGroup> groups_;
    std::vector<LayoutFold> folds_;
    std::vector<std::vector<uint32_t>> byCall_;
    std::vector<uint32_t> long_;
    std::vector<uint32_t> lost_;  // arrows with no `to` yet
    size_t arrowsIndexed_ = 0;
    std::unordered_map<std::string, size_t> byLocal_;
    int64_t originUs_ = 0;
    int64_t lastUs_ = 0;
    double width_ = 0, height_ = 0;
    size_t fullLayouts_ = 0;
};

}  // namespace sockwb::seq
