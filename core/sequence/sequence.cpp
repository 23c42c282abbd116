#include "core/sequence/sequence.h"

// A placeholder with the final interface: stores the events, matches nothing.

namespace sockwb::seq {

struct SequenceBuilder::Impl {
    std::vector<TraceEvent> events;
    std::vector<Process> processes;
    std::vector<Lifeline> lifelines;
    std::vector<Call> calls;
    std::vector<size_t> order;
    std::vector<Arrow> arrows;
    uint64_t revision = 0;
};

SequenceBuilder::SequenceBuilder() : d_(std::make_unique<Impl>()) {}
SequenceBuilder::~SequenceBuilder() = default;

void SequenceBuilder::append(const TraceEvent& event) {
    d_->events.push_back(event);
    ++d_->revision;
}

void SequenceBuilder::append(const std::vector<TraceEvent>& events) {
    for (const TraceEvent& e : events) append(e);
}

void SequenceBuilder::clear() {
    const uint64_t rev = d_->revision + 1;
    *d_ = Impl{};
    d_->revision = rev;
}

const std::vector<TraceEvent>& SequenceBuilder::events() const { return d_->events; }
const std::vector<Process>& SequenceBuilder::processes() const { return d_->processes; }
const std::vector<Lifeline>& SequenceBuilder::lifelines() const { return d_->lifelines; }
const std::vector<Call>& SequenceBuilder::calls() const { return d_->calls; }
const std::vector<size_t>& SequenceBuilder::timeOrder() const { return d_->order; }
const std::vector<Arrow>& SequenceBuilder::arrows() const { return d_->arrows; }

std::vector<size_t> SequenceBuilder::arrowsOf(size_t call) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < d_->arrows.size(); ++i)
        if (d_->arrows[i].from == call || d_->arrows[i].to == call) out.push_back(i);
    return out;
}

uint64_t SequenceBuilder::revision() const { return d_->revision; }

}  // namespace sockwb::seq
