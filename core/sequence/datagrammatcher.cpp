#include "core/sequence/datagrammatcher.h"

#include <functional>
#include <string_view>

namespace sockwb::seq {

namespace {

// A flow's key: the ports (the addresses are compared per datagram, since
// a wildcard-bound socket and its peer spell them differently); a Unix
// endpoint keeps its whole text.
std::string flowKey(const Endpoint& source, const Endpoint& destination) {
    auto part = [](const Endpoint& e) { return e.port.empty() ? e.host : e.port; };
    return part(source) + ">" + part(destination);
}

int64_t endUs(const TraceEvent& e) { return e.timeUs + e.durationNs / 1000 + 1; }

}  // namespace

void DatagramMatcher::clear() {
    sends_.clear();
    flows_.clear();
    flowIds_.clear();
    byTime_ = {};
    latestUs_ = 0;
}

size_t DatagramMatcher::flowOf(const Endpoint& source, const Endpoint& destination) {
    const auto [it, added] = flowIds_.try_emplace(flowKey(source, destination), flows_.size());
    if (added) flows_.emplace_back();
    return it->second;
}

uint64_t DatagramMatcher::contentKey(size_t call) const {
    const TraceEvent& e = events_[call];
    const uint64_t h = std::hash<std::string_view>{}(e.data);
    return h ^ (static_cast<uint64_t>(e.result) * 0x9e3779b97f4a7c15ULL);
}

bool DatagramMatcher::sameContent(size_t a, size_t b) const {
    return events_[a].result == events_[b].result && events_[a].data == events_[b].data;
}

bool DatagramMatcher::canMatch(const Send& s, const Receive& r) const {
    // Sent before the receive returned; the same bytes; agreeing addresses.
    return events_[s.call].timeUs <= endUs(events_[r.call]) && sameContent(s.call, r.call) &&
           endpointsMatch(s.source, r.source) && endpointsMatch(s.destination, r.destination);
}

void DatagramMatcher::sent(size_t call, const std::string& source, const std::string& destination) {
    Send s;
    s.call = call;
    s.source = parseEndpoint(source);
    s.destination = parseEndpoint(destination);
    s.flow = flowOf(s.source, s.destination);
    Flow& flow = flows_[s.flow];
    s.position = flow.sends.size();
    const size_t id = sends_.size();
    sends_.push_back(std::move(s));
    flow.sends.push_back(id);

    const uint64_t key = contentKey(call);
    auto it = flow.pendingReceives.find(key);
    if (it != flow.pendingReceives.end()) {
        auto& waiting = it->second;
        // Receives whose send never showed up are forgotten after a while.
        while (!waiting.empty() &&
               endUs(events_[waiting.front().call]) + kForgetAfterUs < latestUs_)
            waiting.pop_front();
        for (auto r = waiting.begin(); r != waiting.end(); ++r) {
            if (!canMatch(sends_[id], *r)) continue;
            const size_t receiveCall = r->call;
            waiting.erase(r);
            if (waiting.empty()) flow.pendingReceives.erase(it);
            link(id, receiveCall);
            return;
        }
        if (waiting.empty()) flow.pendingReceives.erase(it);
    }
    flow.pendingSends[key].push_back(id);
    byTime_.emplace(events_[call].timeUs, id);
}

size_t DatagramMatcher::received(size_t call, const std::string& source,
                                 const std::string& destination) {
    Receive r;
    r.call = call;
    r.source = parseEndpoint(source);
    r.destination = parseEndpoint(destination);
    const size_t flowId = flowOf(r.source, r.destination);
    Flow& flow = flows_[flowId];
    const uint64_t key = contentKey(call);
    auto it = flow.pendingSends.find(key);
    if (it != flow.pendingSends.end()) {
        auto& waiting = it->second;
        // Lost ones long gone are forgotten (bounded search).
        while (!waiting.empty() && sends_[waiting.front()].state == State::Lost &&
               events_[sends_[waiting.front()].call].timeUs + kForgetAfterUs < latestUs_)
            waiting.pop_front();
        // The first send still in flight; else one given up as Lost.
        auto match = waiting.end();
        for (auto s = waiting.begin(); s != waiting.end() && match == waiting.end(); ++s)
            if (sends_[*s].state == State::Pending && canMatch(sends_[*s], r)) match = s;
        for (auto s = waiting.begin(); s != waiting.end() && match == waiting.end(); ++s)
            if (canMatch(sends_[*s], r)) match = s;
        if (match != waiting.end()) {
            const size_t send = *match;
            waiting.erase(match);
            if (waiting.empty()) flow.pendingSends.erase(it);
            return link(send, call);
        }
        if (waiting.empty()) flow.pendingSends.erase(it);
    }
    flow.pendingReceives[key].push_back(std::move(r));
    return kNone;
}

size_t DatagramMatcher::link(size_t send, size_t receiveCall) {
    Send& s = sends_[send];
    size_t changed = kNone;
    if (s.arrow != kNone) {  // was Lost: received after all
        arrows_[s.arrow].kind = Arrow::Kind::Datagram;
        arrows_[s.arrow].to = receiveCall;
        changed = s.arrow;
    } else {
        Arrow a;
        a.kind = Arrow::Kind::Datagram;
        a.from = s.call;
        a.to = receiveCall;
        a.length = events_[s.call].result;
        s.arrow = arrows_.size();
        arrows_.push_back(a);
    }
    s.state = State::Matched;
    // Every earlier send of the flow not received by now was lost.
    Flow& flow = flows_[s.flow];
    const size_t position = s.position;
    for (; flow.lostCursor < position; ++flow.lostCursor) markLost(flow.sends[flow.lostCursor]);
    if (flow.lostCursor == position) ++flow.lostCursor;
    return changed;
}

void DatagramMatcher::markLost(size_t send) {
    Send& s = sends_[send];
    if (s.state != State::Pending) return;
    s.state = State::Lost;
    Arrow a;
    a.kind = Arrow::Kind::Lost;
    a.from = s.call;
    a.length = events_[s.call].result;
    s.arrow = arrows_.size();
    arrows_.push_back(a);
}

void DatagramMatcher::advance(int64_t nowUs) {
    if (nowUs > latestUs_) latestUs_ = nowUs;
    while (!byTime_.empty() && byTime_.top().first + kLostAfterUs < nowUs) {
        const size_t send = byTime_.top().second;
        byTime_.pop();
        markLost(send);
    }
}

}  // namespace sockwb::seq
