#pragma once
// Matches the calls of stream (TCP, Unix stream) connections into arrows.
// A Side is one open socket description: the client socket, or the accepted
// one; a fork child's copy of a socket shares its parent's Side (the byte
// stream is the connection's, whoever calls). Two Sides pair into a
// connection when their endpoints match (client local/peer = accepted
// peer/local, normalised); until then each Side records its own calls.
//
// Offsets need no peer: a Side's sends number the bytes of its outgoing
// direction in call order, its recvs those of the incoming one. So the two
// sides can arrive in any order: each pair (send, recv) that overlaps gets
// one arrow when the later of the two arrives (or at pairing). A range is
// forgotten once the other side has covered it, so a long connection keeps
// only its unmatched tail (a binary search finds the overlaps).
// Not thread-safe (one owner).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/sequence/sequence.h"

namespace sockwb::seq {

class StreamMatcher {
public:
    explicit StreamMatcher(std::vector<Arrow>& arrows) : arrows_(arrows) {}

    size_t newSide();
    // Another process holds a copy (fork): the FIN waits for the last close.
    void addCopy(size_t side);
    // connect (0 or EINPROGRESS) on a client / the accept that made the
    // accepted side; endpoints as the events give them.
    void connected(size_t side, size_t call, const std::string& local, const std::string& peer);
    void accepted(size_t side, size_t call, const std::string& local, const std::string& peer);
    void sent(size_t side, size_t call, int64_t bytes);
    void received(size_t side, size_t call, int64_t bytes, bool peek);
    void endOfStream(size_t side, size_t call);  // a recv/read = 0
    void resetSeen(size_t side, size_t call);    // a call failed with ECONNRESET/EPIPE
    void shutWrite(size_t side, size_t call);    // shutdown SHUT_WR / SHUT_RDWR
    void closed(size_t side, size_t call, int64_t timeUs);
    void clear();

private:
    struct Range {
        int64_t offset = 0;
        int64_t length = 0;
        size_t call = kNone;
        int64_t end() const { return offset + length; }
    };
    struct Side {
        size_t peer = kNone;
        size_t handshake = kNone;  // the connect or accept call
        bool client = false;
        int64_t sentEnd = 0;  // bytes sent / received so far
        int64_t recvEnd = 0;
        std::deque<Range> sends;  // not yet covered by the peer's recvs
        std::deque<Range> recvs;  // not yet covered by the peer's sends
        std::deque<Range> peeks;  // MSG_PEEK reads (they overlap the recvs)
        int copies = 1;
        size_t fin = kNone;        // the call that sent the FIN
        size_t lastClose = kNone;  // the last close seen (by time)
        int64_t lastCloseUs = 0;
        size_t finalClose = kNone;   // the close that closed the last copy
        std::vector<size_t> eofs;    // recv = 0 waiting for the peer's FIN
        std::vector<size_t> resets;  // ECONNRESET waiting for the peer's close
    };

    void pair(size_t a, size_t b);
    void arrow(Arrow::Kind kind, size_t from, size_t to, int64_t offset = 0, int64_t length = 0);
    // Arrows for a new send range against the receiver's stored ranges.
    void matchSend(const Range& s, Side& receiver);
    void matchRecv(const Range& r, const Side& sender);
    void prune(Side& sender, Side& receiver);
    void matchAll(Side& sender, Side& receiver);
    void resolveFin(size_t side);
    void resolveReset(size_t side);

    std::vector<Arrow>& arrows_;
    std::vector<Side> sides_;
    // Sides waiting for their peer, by "client local|client peer".
    std::unordered_map<std::string, std::deque<size_t>> waitingClients_;
    std::unordered_map<std::string, std::deque<size_t>> waitingAccepted_;
};

}  // namespace sockwb::seq
