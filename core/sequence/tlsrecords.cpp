#include "core/sequence/tlsrecords.h"

#include <cctype>

namespace sockwb::seq {

namespace {

bool isSend(std::string_view c) {
    return c == "send" || c == "sendto" || c == "sendmsg" || c == "write" || c == "writev";
}
bool isRecv(std::string_view c) {
    return c == "recv" || c == "recvfrom" || c == "recvmsg" || c == "read" || c == "readv";
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// " (517 B)" at the end of s: the number, and s without it.
std::optional<int64_t> takeSize(std::string_view& s) {
    if (s.size() < 5 || s.substr(s.size() - 3) != " B)") return std::nullopt;
    const size_t open = s.rfind(" (");
    if (open == std::string_view::npos) return std::nullopt;
    const std::string_view digits = s.substr(open + 2, s.size() - 3 - (open + 2));
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    int64_t n = 0;
    for (char c : digits) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        n = n * 10 + (c - '0');
    }
    s = s.substr(0, open);
    return n;
}

}  // namespace

std::optional<TlsRecord> parseTlsNote(std::string_view args) {
    TlsRecord r;
    if (startsWith(args, "→ ") || startsWith(args, "-> ")) {
        r.outgoing = true;
    } else if (startsWith(args, "← ") || startsWith(args, "<- ")) {
        r.outgoing = false;
    } else {
        return std::nullopt;
    }
    args.remove_prefix(args.find(' ') + 1);
    if (const auto n = takeSize(args)) r.bytes = *n;
    while (!args.empty() && args.back() == ' ') args.remove_suffix(1);
    if (args.empty()) return std::nullopt;
    r.what.assign(args);
    return r;
}

std::vector<TlsRecord> mergedRecords(const std::vector<TlsRecord>& records) {
    std::vector<TlsRecord> out;
    for (const TlsRecord& r : records) {
        if (!out.empty() && out.back().what == r.what && out.back().outgoing == r.outgoing) {
            TlsRecord& last = out.back();
            last.count += r.count;
            last.bytes = last.bytes < 0 || r.bytes < 0 ? -1 : last.bytes + r.bytes;
        } else {
            out.push_back(r);
        }
    }
    return out;
}

void TlsRecords::add(size_t call, const TraceEvent& e) {
    if ((e.call == "socket" || e.call == "accept" || e.call == "accept4") && e.result >= 0) {
        // A new socket takes the number: nothing before belongs to it.
        sockets_.erase({e.pid, static_cast<int>(e.result)});
        return;
    }
    if (e.fd < 0) return;
    if (isTlsNote(e)) {
        auto record = parseTlsNote(e.args);
        if (!record) return;
        Socket& s = socket(e.pid, e.fd);
        if (record->outgoing) {
            s.waiting.push_back(std::move(*record));
        } else if (s.lastRecv != static_cast<size_t>(-1)) {
            byCall_[s.lastRecv].push_back(std::move(*record));
        }
        return;
    }
    if (e.result > 0 && isSend(e.call)) {
        const auto it = sockets_.find({e.pid, e.fd});
        if (it == sockets_.end() || it->second.waiting.empty()) return;
        auto& carried = byCall_[call];
        for (TlsRecord& r : it->second.waiting) carried.push_back(std::move(r));
        it->second.waiting.clear();
    } else if (e.result > 0 && isRecv(e.call)) {
        socket(e.pid, e.fd).lastRecv = call;
    } else if (e.call == "close") {
        sockets_.erase({e.pid, e.fd});
    }
}

const std::vector<TlsRecord>& TlsRecords::of(size_t call) const {
    static const std::vector<TlsRecord> kNoRecords;
    const auto it = byCall_.find(call);
    return it == byCall_.end() ? kNoRecords : it->second;
}

void TlsRecords::clear() {
    sockets_.clear();
    byCall_.clear();
}

}  // namespace sockwb::seq
