#include "core/server/models/forkchannel.h"

#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/server/servercore.h"

namespace sockwb {

namespace {

enum Type : uint8_t { Opened = 1, Bytes, Closed, Log, Err, Trace, Tls };

// The largest message (a trace event: a 5-byte header, 40 bytes of numbers,
// then call, args, data, local and peer at their caps, each with its 4-byte
// length) must fit in one atomic write.
static_assert(5 + 40 + (4 + 64) + (4 + 2048) + (4 + kTraceDataBytes) + 2 * (4 + 256) <= PIPE_BUF,
              "a trace message must fit in PIPE_BUF");

// A little writer of fixed-size fields and length-prefixed strings, capped
// so the whole message fits in PIPE_BUF.
class Message {
public:
    explicit Message(Type t) {
        buf_.reserve(512);
        put32(0);
        buf_.push_back(char(t));
    }
    void put32(uint32_t v) { buf_.append(reinterpret_cast<const char*>(&v), 4); }
    void put64(uint64_t v) { buf_.append(reinterpret_cast<const char*>(&v), 8); }
    void putStr(std::string_view s, size_t max) {
        if (s.size() > max) s = s.substr(0, max);
        put32(uint32_t(s.size()));
        buf_.append(s);
    }
    // One write: atomic for <= PIPE_BUF. A full pipe blocks the child until
    // the parent reads, which is the back-pressure we want.
    void send(int fd) {
        uint32_t len = uint32_t(buf_.size());
        std::memcpy(buf_.data(), &len, 4);
        const char* p = buf_.data();
        size_t left = buf_.size();
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                return;  // parent gone: nothing to report to
            }
            p += n;
            left -= size_t(n);
        }
    }

private:
    std::string buf_;
};

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}
    uint32_t get32() {
        uint32_t v = 0;
        take(&v, 4);
        return v;
    }
    uint64_t get64() {
        uint64_t v = 0;
        take(&v, 8);
        return v;
    }
    std::string getStr() {
        uint32_t n = get32();
        if (n > s_.size()) n = uint32_t(s_.size());
        std::string out(s_.substr(0, n));
        s_.remove_prefix(n);
        return out;
    }

private:
    void take(void* dst, size_t n) {
        if (s_.size() < n) {
            s_ = {};
            return;
        }
        std::memcpy(dst, s_.data(), n);
        s_.remove_prefix(n);
    }
    std::string_view s_;
};

}  // namespace

void ChildReporter::connectionOpened(ConnectionRecord& record) {
    Message m(Opened);
    m.put64(record.id);
    m.send(fd_);
}

void ChildReporter::bytesMoved(ConnectionRecord& record, bool incoming, std::string_view bytes) {
    Message m(Bytes);
    m.put64(record.id);
    m.put32(incoming ? 1 : 0);
    m.put64(bytes.size());
    m.putStr(bytes, 256);
    m.send(fd_);
}

void ChildReporter::connectionClosed(ConnectionRecord& record) {
    Message m(Closed);
    m.put64(record.id);
    m.send(fd_);
}

void ChildReporter::broadcast(ConnectionRecord&, std::string_view) {
    log("broadcast is not possible under fork: each client lives in its own process");
}

void ChildReporter::tlsEstablished(ConnectionRecord& record, const std::string& summary) {
    Message m(Tls);
    m.put64(record.id);
    m.putStr(summary, 256);
    m.send(fd_);
}

void ChildReporter::log(std::string_view text) {
    Message m(Log);
    m.putStr(text, 2048);
    m.send(fd_);
}

void ChildReporter::error(const ErrorInfo& info) {
    Message m(Err);
    m.put32(uint32_t(info.kind));
    m.put32(uint32_t(info.err));
    m.putStr(info.call, 256);
    m.putStr(info.address, 256);
    m.putStr(info.detail, 1024);
    m.put32(uint32_t(info.detailCode));
    m.put64(info.detailN);
    m.put64(info.detailM);
    m.put32(uint32_t(info.tls));
    m.send(fd_);
}

void ChildTraceObserver::onTrace(const TraceEvent& e) {
    Message m(Trace);
    m.put64(uint64_t(e.timeUs));
    m.put32(uint32_t(e.pid));
    m.put32(uint32_t(e.tid));
    m.put32(uint32_t(e.fd));
    m.put64(uint64_t(e.result));
    m.put32(uint32_t(e.err));
    m.put64(uint64_t(e.durationNs));
    m.putStr(e.call, 64);
    m.putStr(e.args, 2048);
    // Bytes as they are (NULs and all): strings here are length-prefixed.
    m.putStr(e.data, kTraceDataBytes);
    m.putStr(e.local, 256);
    m.putStr(e.peer, 256);
    m.send(fd_);
}

bool ForkChannelReader::readAvailable() {
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) return false;
            break;
        }
        if (n == 0) return false;
        buffer_.append(buf, size_t(n));
    }
    size_t pos = 0;
    while (buffer_.size() - pos >= 5) {
        uint32_t len;
        std::memcpy(&len, buffer_.data() + pos, 4);
        if (len < 5 || buffer_.size() - pos < len) break;
        dispatch(std::string_view(buffer_).substr(pos + 4, len - 4));
        pos += len;
    }
    buffer_.erase(0, pos);
    return true;
}

void ForkChannelReader::dispatch(std::string_view message) {
    const auto type = Type(uint8_t(message[0]));
    Reader r(message.substr(1));
    switch (type) {
        case Opened:
            break;  // the parent registered the record at fork time
        case Bytes: {
            auto rec = core_.findRecord(r.get64());
            bool incoming = r.get32() != 0;
            uint64_t total = r.get64();
            std::string preview = r.getStr();
            if (!rec) break;
            // Counters take the real size; the observer sees the preview.
            (incoming ? rec->bytesIn : rec->bytesOut).fetch_add(total);
            core_.countBytes(incoming, total);
            if (auto* obs = core_.observer()) obs->onData(rec->id, incoming, preview);
            break;
        }
        case Closed:
            if (auto rec = core_.findRecord(r.get64())) core_.connectionClosed(*rec);
            break;
        case Log:
            core_.log(r.getStr());
            break;
        case Tls: {
            auto rec = core_.findRecord(r.get64());
            std::string summary = r.getStr();
            if (rec) core_.tlsEstablished(*rec, summary);
            break;
        }
        case Err: {
            ErrorInfo info;
            info.kind = ErrorKind(r.get32());
            info.err = int(r.get32());
            info.call = r.getStr();
            info.address = r.getStr();
            info.detail = r.getStr();
            info.detailCode = DetailCode(r.get32());
            info.detailN = r.get64();
            info.detailM = r.get64();
            info.tls = TlsProblem(r.get32());
            core_.error(info);
            break;
        }
        case Trace: {
            TraceEvent e;
            e.timeUs = int64_t(r.get64());
            e.pid = int(r.get32());
            e.tid = int(r.get32());
            e.fd = int(r.get32());
            e.result = int64_t(r.get64());
            e.err = int(r.get32());
            e.durationNs = int64_t(r.get64());
            e.call = r.getStr();
            e.args = r.getStr();
            e.data = r.getStr();
            e.local = r.getStr();
            e.peer = r.getStr();
            if (auto* t = core_.traceObserver()) t->onTrace(e);
            break;
        }
    }
}

}  // namespace sockwb
