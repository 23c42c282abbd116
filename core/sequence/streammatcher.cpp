#include "core/sequence/streammatcher.h"

#include <algorithm>

#include "core/sequence/endpoint.h"

namespace sockwb::seq {

namespace {

// The first range of a sorted, contiguous list that ends after `offset`.
template <typename Ranges>
size_t firstEndingAfter(const Ranges& ranges, int64_t offset) {
    size_t lo = 0;
    size_t hi = ranges.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (ranges[mid].end() <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::string pairKey(const std::string& clientLocal, const std::string& clientPeer) {
    return normalEndpoint(clientLocal) + "|" + normalEndpoint(clientPeer);
}

}  // namespace

size_t StreamMatcher::newSide() {
    sides_.emplace_back();
    return sides_.size() - 1;
}

void StreamMatcher::addCopy(size_t side) { ++sides_[side].copies; }

void StreamMatcher::clear() {
    sides_.clear();
    waitingClients_.clear();
    waitingAccepted_.clear();
}

void StreamMatcher::arrow(Arrow::Kind kind, size_t from, size_t to, int64_t offset,
                          int64_t length) {
    Arrow a;
    a.kind = kind;
    a.from = from;
    a.to = to;
    a.offset = offset;
    a.length = length;
    arrows_.push_back(a);
}

void StreamMatcher::connected(size_t side, size_t call, const std::string& local,
                              const std::string& peer) {
    Side& c = sides_[side];
    if (c.handshake != kNone || c.peer != kNone) return;  // a second connect (EISCONN...)
    c.handshake = call;
    c.client = true;
    if (local.empty() || peer.empty()) return;
    const std::string key = pairKey(local, peer);
    auto it = waitingAccepted_.find(key);
    if (it == waitingAccepted_.end()) {
        waitingClients_[key].push_back(side);
        return;
    }
    const size_t other = it->second.front();
    it->second.pop_front();
    if (it->second.empty()) waitingAccepted_.erase(it);
    pair(side, other);
}

void StreamMatcher::accepted(size_t side, size_t call, const std::string& local,
                             const std::string& peer) {
    Side& s = sides_[side];
    s.handshake = call;
    if (local.empty() || peer.empty()) return;
    const std::string key = pairKey(peer, local);
    auto it = waitingClients_.find(key);
    if (it == waitingClients_.end()) {
        waitingAccepted_[key].push_back(side);
        return;
    }
    const size_t other = it->second.front();
    it->second.pop_front();
    if (it->second.empty()) waitingClients_.erase(it);
    pair(other, side);
}

void StreamMatcher::pair(size_t client, size_t server) {
    Side& c = sides_[client];
    Side& s = sides_[server];
    c.peer = server;
    s.peer = client;
    if (c.handshake != kNone && s.handshake != kNone)
        arrow(Arrow::Kind::Handshake, c.handshake, s.handshake);
    matchAll(c, s);
    matchAll(s, c);
    resolveFin(client);
    resolveFin(server);
    resolveReset(client);
    resolveReset(server);
}

void StreamMatcher::matchSend(const Range& s, Side& receiver) {
    for (size_t i = firstEndingAfter(receiver.recvs, s.offset);
         i < receiver.recvs.size() && receiver.recvs[i].offset < s.end(); ++i) {
        const Range& r = receiver.recvs[i];
        const int64_t from = std::max(s.offset, r.offset);
        arrow(Arrow::Kind::Data, s.call, r.call, from, std::min(s.end(), r.end()) - from);
    }
    for (const Range& r : receiver.peeks) {  // few: a peek is dropped once covered
        const int64_t from = std::max(s.offset, r.offset);
        const int64_t to = std::min(s.end(), r.end());
        if (from < to) arrow(Arrow::Kind::Data, s.call, r.call, from, to - from);
    }
}

void StreamMatcher::matchRecv(const Range& r, const Side& sender) {
    for (size_t i = firstEndingAfter(sender.sends, r.offset);
         i < sender.sends.size() && sender.sends[i].offset < r.end(); ++i) {
        const Range& s = sender.sends[i];
        const int64_t from = std::max(s.offset, r.offset);
        arrow(Arrow::Kind::Data, s.call, r.call, from, std::min(s.end(), r.end()) - from);
    }
}

void StreamMatcher::matchAll(Side& sender, Side& receiver) {
    // Both lists are sorted and contiguous: one merge finds every overlap.
    size_t i = 0;
    size_t j = 0;
    while (i < sender.sends.size() && j < receiver.recvs.size()) {
        const Range& s = sender.sends[i];
        const Range& r = receiver.recvs[j];
        const int64_t from = std::max(s.offset, r.offset);
        const int64_t to = std::min(s.end(), r.end());
        if (from < to) arrow(Arrow::Kind::Data, s.call, r.call, from, to - from);
        if (s.end() <= r.end())
            ++i;
        else
            ++j;
    }
    for (const Range& p : receiver.peeks) matchRecv(p, sender);
    prune(sender, receiver);
}

void StreamMatcher::prune(Side& sender, Side& receiver) {
    while (!sender.sends.empty() && sender.sends.front().end() <= receiver.recvEnd)
        sender.sends.pop_front();
    while (!receiver.recvs.empty() && receiver.recvs.front().end() <= sender.sentEnd)
        receiver.recvs.pop_front();
    while (!receiver.peeks.empty() && receiver.peeks.front().end() <= sender.sentEnd)
        receiver.peeks.pop_front();
}

void StreamMatcher::sent(size_t side, size_t call, int64_t bytes) {
    Side& a = sides_[side];
    const Range s{a.sentEnd, bytes, call};
    a.sentEnd += bytes;
    if (a.peer == kNone) {
        a.sends.push_back(s);
        return;
    }
    Side& b = sides_[a.peer];
    matchSend(s, b);
    // Kept while a recv (or a peek) may still read some of it.
    if (b.recvEnd < s.end()) a.sends.push_back(s);
    prune(a, b);
}

void StreamMatcher::received(size_t side, size_t call, int64_t bytes, bool peek) {
    Side& b = sides_[side];
    const Range r{b.recvEnd, bytes, call};
    if (!peek) b.recvEnd += bytes;
    auto& list = peek ? b.peeks : b.recvs;
    if (b.peer == kNone) {
        list.push_back(r);
        return;
    }
    Side& a = sides_[b.peer];
    matchRecv(r, a);
    if (a.sentEnd < r.end()) list.push_back(r);
    prune(a, b);
}

void StreamMatcher::endOfStream(size_t side, size_t call) {
    sides_[side].eofs.push_back(call);
    if (sides_[side].peer != kNone) resolveFin(sides_[side].peer);
}

void StreamMatcher::resetSeen(size_t side, size_t call) {
    sides_[side].resets.push_back(call);
    if (sides_[side].peer != kNone) resolveReset(sides_[side].peer);
}

void StreamMatcher::shutWrite(size_t side, size_t call) {
    if (sides_[side].fin != kNone) return;
    sides_[side].fin = call;
    resolveFin(side);
}

void StreamMatcher::closed(size_t side, size_t call, int64_t timeUs) {
    Side& s = sides_[side];
    if (s.lastClose == kNone || timeUs >= s.lastCloseUs) {
        s.lastClose = call;
        s.lastCloseUs = timeUs;
    }
    if (--s.copies > 0) return;
    // The last copy closed: that close (the latest one by time) sent the FIN
    // unless a shutdown already did, and it is what resets a peer.
    s.finalClose = s.lastClose;
    if (s.fin == kNone) s.fin = s.lastClose;
    resolveFin(side);
    resolveReset(side);
}

void StreamMatcher::resolveFin(size_t side) {
    const Side& s = sides_[side];
    if (s.fin == kNone || s.peer == kNone) return;
    Side& p = sides_[s.peer];
    for (size_t eof : p.eofs) arrow(Arrow::Kind::Fin, s.fin, eof);
    p.eofs.clear();
}

void StreamMatcher::resolveReset(size_t side) {
    const Side& s = sides_[side];
    if (s.finalClose == kNone || s.peer == kNone) return;
    Side& p = sides_[s.peer];
    for (size_t r : p.resets) arrow(Arrow::Kind::Reset, s.finalClose, r);
    p.resets.clear();
}

}  // namespace sockwb::seq
