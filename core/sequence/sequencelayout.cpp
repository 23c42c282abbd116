#include "core/sequence/sequencelayout.h"

#include <algorithm>

namespace sockwb::seq {

void SequenceLayout::setOptions(const LayoutOptions& options) {
    options_ = options;
    dirty_ = true;
}

void SequenceLayout::reset() {
    const LayoutOptions keep = options_;
    const size_t full = fullLayouts_;
    *this = SequenceLayout{};
    options_ = keep;
    fullLayouts_ = full;
}

void SequenceLayout::update(const LayoutInput& in) {
    const size_t laid = callY_.size();
    const size_t n = in.calls.size();
    bool full = dirty_ || n < laid || in.timeOrder.size() != n;
    if (!full && n > laid && laid > 0) {
        // Only new calls at the end of time keep the old rows where they are.
        if (in.timeOrder[laid - 1] != lastCall_) full = true;
        for (size_t c = laid; c < n && !full; ++c)
            if (in.calls[c].timeUs < lastUs_) full = true;
    }
    if (full) {
        const LayoutOptions keep = options_;
        const size_t count = fullLayouts_ + 1;
        *this = SequenceLayout{};
        options_ = keep;
        fullLayouts_ = count;
        dirty_ = false;
    }
    layoutColumns(in);
    if (in.timeOrder.size() == n) placeRows(in, rowY_.size());
    indexArrows(in, arrowsIndexed_);
}

void SequenceLayout::layoutColumns(const LayoutInput& in) {
    const LayoutOptions& o = options_;
    const size_t groupCount = in.processes.size();
    std::vector<std::vector<size_t>> members(groupCount + 1);
    for (size_t i = 0; i < in.lifelines.size(); ++i) {
        const int g = in.lifelines[i].group;
        const size_t slot = g >= 0 && static_cast<size_t>(g) < groupCount ? g : groupCount;
        members[slot].push_back(i);
    }
    lifeX_.assign(in.lifelines.size(), 0.0);
    lifeSpan_.resize(in.lifelines.size(), {-1.0, -1.0});
    lifeTid_.resize(in.lifelines.size(), 0);
    groups_.clear();
    byLocal_.clear();
    double x = o.left;
    for (size_t g = 0; g <= groupCount; ++g) {
        std::vector<size_t>& m = members[g];
        if (m.empty()) continue;
        // The process's own calls first, then its sockets as they appeared.
        std::stable_partition(m.begin(), m.end(), [&](size_t i) {
            return in.lifelines[i].role == Lifeline::Role::Process;
        });
        LayoutGroup group;
        group.process = g < groupCount ? g : kNone;
        group.x0 = x;
        for (size_t i : m) {
            lifeX_[i] = x + o.columnWidth / 2.0;
            x += o.columnWidth;
            const Lifeline& l = in.lifelines[i];
            if (!l.local.empty() && l.role != Lifeline::Role::Process) byLocal_.emplace(l.local, i);
        }
        group.x1 = x;
        groups_.push_back(group);
        x += o.groupGap;
    }
    width_ = x;
}

void SequenceLayout::placeRows(const LayoutInput& in, size_t from) {
    const LayoutOptions& o = options_;
    const size_t n = in.timeOrder.size();
    callY_.resize(in.calls.size(), 0.0);
    callPos_.resize(in.calls.size(), 0);
    rowY_.resize(n, 0.0);
    rowT_.resize(n, 0);
    byCall_.resize(in.calls.size());
    for (size_t p = from; p < n; ++p) {
        const size_t c = in.timeOrder[p];
        const Call& call = in.calls[c];
        const int64_t t = call.timeUs;
        double y = firstY();
        if (p == 0) {
            originUs_ = t;
        } else if (o.axis == LayoutOptions::Axis::Real) {
            y = firstY() + static_cast<double>(t - originUs_) / 1000.0 * o.pxPerMs;
        } else {
            const double prev = rowY_[p - 1];
            y = prev + o.callSpacing;
            const int64_t gap = t - rowT_[p - 1];
            if (gap > o.foldThresholdUs) {
                folds_.push_back({prev + (o.callSpacing + o.foldGap) / 2.0, gap});
                y += o.foldGap;
            }
        }
        rowY_[p] = y;
        rowT_[p] = t;
        callY_[c] = y;
        callPos_[c] = p;
        if (call.lifeline < lifeSpan_.size()) {
            auto& span = lifeSpan_[call.lifeline];
            if (span.first < 0) span.first = y;
            span.second = std::max(span.second, y);
            const int tid = call.event < in.events.size() ? in.events[call.event].tid : 0;
            int& seen = lifeTid_[call.lifeline];
            if (seen == 0)
                seen = tid;
            else if (seen != tid && tid != 0)
                seen = -1;
        }
        lastUs_ = t;
        lastCall_ = c;
    }
    height_ = (n ? rowY_.back() : firstY()) + o.bottomMargin;
}

bool SequenceLayout::far(size_t a, size_t b) const {
    const size_t pa = callPos_[a], pb = callPos_[b];
    return (pa > pb ? pa - pb : pb - pa) > kArrowReach;
}

void SequenceLayout::indexArrows(const LayoutInput& in, size_t from) {
    byCall_.resize(in.calls.size());
    for (size_t a = from; a < in.arrows.size(); ++a) addArrow(in, a);
    arrowsIndexed_ = in.arrows.size();
    // A Lost datagram whose recvfrom came later is now an ordinary arrow.
    for (size_t i = 0; i < lost_.size();) {
        const uint32_t a = lost_[i];
        const size_t to = a < in.arrows.size() ? in.arrows[a].to : kNone;
        if (to == kNone || to >= callY_.size()) {
            ++i;
            continue;
        }
        byCall_[to].push_back(a);
        if (far(to, in.arrows[a].from)) long_.push_back(a);
        lost_[i] = lost_.back();
        lost_.pop_back();
    }
}

void SequenceLayout::addArrow(const LayoutInput& in, size_t a) {
    const Arrow& arrow = in.arrows[a];
    const auto id = static_cast<uint32_t>(a);
    if (arrow.from >= callY_.size()) return;
    byCall_[arrow.from].push_back(id);
    if (arrow.to == kNone || arrow.to >= callY_.size()) {
        lost_.push_back(id);
        return;
    }
    byCall_[arrow.to].push_back(id);
    if (far(arrow.to, arrow.from)) long_.push_back(id);
}

size_t SequenceLayout::lifelineAt(const std::string& endpoint) const {
    const auto it = byLocal_.find(endpoint);
    return it == byLocal_.end() ? kNone : it->second;
}

std::pair<double, double> SequenceLayout::lifelineSpan(size_t lifeline) const {
    return lifeline < lifeSpan_.size() ? lifeSpan_[lifeline] : std::pair{-1.0, -1.0};
}

bool SequenceLayout::multiThread(size_t lifeline) const {
    return lifeline < lifeTid_.size() && lifeTid_[lifeline] == -1;
}

std::pair<size_t, size_t> SequenceLayout::rowsBetween(double y0, double y1) const {
    const auto first = std::lower_bound(rowY_.begin(), rowY_.end(), y0);
    const auto last = std::lower_bound(first, rowY_.end(), y1);
    return {static_cast<size_t>(first - rowY_.begin()), static_cast<size_t>(last - rowY_.begin())};
}

const std::vector<uint32_t>& SequenceLayout::arrowsAt(size_t call) const {
    static const std::vector<uint32_t> none;
    return call < byCall_.size() ? byCall_[call] : none;
}

}  // namespace sockwb::seq
