#include "core/services/chargenservice.h"

#include <random>

namespace sockwb {

namespace {

constexpr size_t kPeriod = ChargenService::kPatternLines * ChargenService::kLineBytes;

// One full period of the stream (7,030 bytes), built once.
const std::string& period() {
    static const std::string text = [] {
        std::string s;
        s.reserve(kPeriod);
        for (size_t i = 0; i < ChargenService::kPatternLines; ++i) s += ChargenService::line(i);
        return s;
    }();
    return text;
}

// The TCP session: output is paced by timers, never by a loop or a sleep,
// so an event-driven model keeps serving its other clients. A batch goes
// out only while the model's queue is short: a client that stops reading
// gets no more than kHighWater bytes queued for it, and the session then
// waits for onWritable (the model waits for POLLOUT), costing no CPU.
class ChargenSession final : public Session {
public:
    static constexpr size_t kHighWater = 4 * ChargenService::kBatch;

    void onOpen(SessionContext& ctx) override { pump(ctx); }
    void onData(SessionContext&, std::string_view) override {}  // RFC 864: input is discarded
    void onTimer(SessionContext& ctx, int) override { pump(ctx); }
    void onWritable(SessionContext& ctx) override {
        if (waiting_ && ctx.queuedBytes() < kHighWater) pump(ctx);
    }
    // A half-close (netcat at end of its input) does not stop the stream,
    // as with inetd's chargen: it ends when the client closes for good and
    // a send fails.
    void onPeerClosed(SessionContext&) override {}

private:
    void pump(SessionContext& ctx) {
        waiting_ = ctx.queuedBytes() >= kHighWater;
        if (waiting_) return;
        ctx.send(ChargenService::stream(offset_, ChargenService::kBatch));
        offset_ = (offset_ + ChargenService::kBatch) % kPeriod;
        ctx.startTimer(Millis(0));
    }

    uint64_t offset_ = 0;
    bool waiting_ = false;  // the queue is full: the next batch waits for onWritable
};

class ChargenHandler final : public DatagramHandler {
public:
    explicit ChargenHandler(uint32_t seed) : random_(seed) {}

    void onDatagram(DatagramContext& ctx, std::string_view, const Address& from) override {
        std::uniform_int_distribution<size_t> length(0, ChargenService::kMaxDatagram);
        // Each answer starts at the next line, so successive datagrams
        // rotate like the TCP stream does.
        ctx.sendTo(ChargenService::stream(nextLine_ * ChargenService::kLineBytes, length(random_)),
                   from);
        nextLine_ = (nextLine_ + 1) % ChargenService::kPatternLines;
    }

private:
    std::minstd_rand random_;
    uint64_t nextLine_ = 0;
};

}  // namespace

std::string ChargenService::line(uint64_t index) {
    std::string s(kLineChars, ' ');
    for (size_t k = 0; k < kLineChars; ++k) s[k] = static_cast<char>(' ' + (index + k) % 95);
    s += "\r\n";
    return s;
}

std::string ChargenService::stream(uint64_t offset, size_t size) {
    const std::string& p = period();
    std::string out;
    out.reserve(size);
    size_t at = offset % kPeriod;
    while (out.size() < size) {
        const size_t take = std::min(size - out.size(), kPeriod - at);
        out.append(p, at, take);
        at = 0;
    }
    return out;
}

std::unique_ptr<Session> ChargenService::newSession(const ServiceOptions&) const {
    return std::make_unique<ChargenSession>();
}

std::unique_ptr<DatagramHandler> ChargenService::newDatagramHandler(const ServiceOptions&) const {
    return std::make_unique<ChargenHandler>(seed_ ? *seed_ : std::random_device{}());
}

}  // namespace sockwb
