#pragma once
// Matches datagrams: each sendto (source, destination, bytes) with the
// recvfrom that received it, per flow (source port -> destination port;
// the addresses must agree, a wildcard agreeing with any). In a flow, a
// receive takes the first send still in flight with the same length and
// the same data prefix (kept by a hash of both, so no search of a long
// flow), sent before the receive returned, else one already given up as
// Lost: reordered datagrams still match, a duplicate takes the next equal
// send or none.
// A send is Lost once a later datagram of its flow was received and it was
// not, or 2 s of trace time after it was sent; its Lost arrow becomes a
// Datagram arrow if its receive shows up after all.
// Not thread-safe (one owner).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/sequence/endpoint.h"
#include "core/sequence/sequence.h"

namespace sockwb::seq {

class DatagramMatcher {
public:
    static constexpr int64_t kLostAfterUs = 2'000'000;
    // A Lost send, or a receive whose send never came, is no longer looked
    // for this long after it (what a flood can make the search cost).
    static constexpr int64_t kForgetAfterUs = 30'000'000;

    DatagramMatcher(const std::vector<TraceEvent>& events, std::vector<Arrow>& arrows)
        : events_(events), arrows_(arrows) {}

    // A datagram sent by call (= event index): its bytes are the event's.
    void sent(size_t call, const std::string& source, const std::string& destination);
    // Returns the index of an arrow already made that changed (Lost ->
    // Datagram), else kNone.
    size_t received(size_t call, const std::string& source, const std::string& destination);
    // Trace time reached `nowUs`: sends pending for 2 s become Lost.
    void advance(int64_t nowUs);
    void clear();

private:
    enum class State { Pending, Lost, Matched };
    struct Send {
        size_t call = kNone;
        size_t flow = 0;
        size_t position = 0;  // in its flow's sends
        size_t arrow = kNone;
        State state = State::Pending;
        Endpoint source;
        Endpoint destination;
    };
    struct Receive {
        size_t call = kNone;
        Endpoint source;
        Endpoint destination;
    };
    struct Flow {
        std::vector<size_t> sends;  // send ids in send order
        size_t lostCursor = 0;      // sends before it are no longer Pending
        std::unordered_map<uint64_t, std::deque<size_t>> pendingSends;  // by content
        std::unordered_map<uint64_t, std::deque<Receive>> pendingReceives;
    };

    size_t flowOf(const Endpoint& source, const Endpoint& destination);
    uint64_t contentKey(size_t call) const;
    bool sameContent(size_t a, size_t b) const;
    bool canMatch(const Send& s, const Receive& r) const;
    // Links a send and a receive; returns the Lost arrow that changed, or kNone.
    size_t link(size_t send, size_t receiveCall);
    void markLost(size_t send);

    const std::vector<TraceEvent>& events_;
    std::vector<Arrow>& arrows_;
    std::vector<Send> sends_;
    std::vector<Flow> flows_;
    std::unordered_map<std::string, size_t> flowIds_;
    // Pending sends by time, oldest first, for the 2 s rule.
    using Timed = std::pair<int64_t, size_t>;
    std::priority_queue<Timed, std::vector<Timed>, std::greater<>> byTime_;
    int64_t latestUs_ = 0;
};

}  // namespace sockwb::seq
