#pragma once
// Fake SessionContext / DatagramContext for testing services without
// sockets: everything a service asks for is recorded, and timers are fired
// by hand (the test plays the event loop), so every check is deterministic.
// Header-only, test code only.

#include <deque>
#include <string>
#include <vector>

#include "core/server/service.h"

namespace sockwb::test {

struct FakeTimer {
    Millis delay;
    int id;
    Address peer;  // UDP only
};

class FakeSessionContext final : public SessionContext {
public:
    explicit FakeSessionContext(ServiceOptions options = {},
                                Address peer = Address::fromIp("127.0.0.1", 40000))
        : options_(std::move(options)), peer_(peer) {}

    void send(std::string_view bytes) override {
        if (closed) ++sendsAfterClose;
        sent.append(bytes);
        queued += bytes.size();
    }
    void close() override { closed = true; }
    void startTimer(Millis delay, int id) override { timers.push_back({delay, id, {}}); }
    // Kept apart: fireTimer() leaves them (a test fires one with fireWatchdog()).
    void startWatchdog(Millis delay, int id) override { watchdogs.push_back({delay, id, {}}); }
    void broadcast(std::string_view bytes) override { broadcasts.emplace_back(bytes); }
    void log(std::string_view text) override { logs.emplace_back(text); }
    const Address& peer() const override { return peer_; }
    const ServiceOptions& options() const override { return options_; }
    size_t queuedBytes() const override { return reportQueue ? queued : 0; }

    // Fires the oldest pending timer; false when none is pending.
    bool fireTimer(Session& session) {
        if (timers.empty()) return false;
        FakeTimer t = timers.front();
        timers.pop_front();
        session.onTimer(*this, t.id);
        return true;
    }
    // Fires the oldest pending watchdog; false when none is pending.
    bool fireWatchdog(Session& session) {
        if (watchdogs.empty()) return false;
        FakeTimer t = watchdogs.front();
        watchdogs.pop_front();
        session.onTimer(*this, t.id);
        return true;
    }
    // Takes what was sent so far.
    std::string take() { return std::exchange(sent, {}); }

    std::string sent;
    std::deque<FakeTimer> timers;
    std::deque<FakeTimer> watchdogs;
    std::vector<std::string> broadcasts;
    std::vector<std::string> logs;
    bool closed = false;
    int sendsAfterClose = 0;
    bool reportQueue = false;  // when true, queuedBytes() reports every byte sent
    size_t queued = 0;

private:
    ServiceOptions options_;
    Address peer_;
};

struct FakeDatagram {
    std::string bytes;
    Address to;
};

class FakeDatagramContext final : public DatagramContext {
public:
    explicit FakeDatagramContext(ServiceOptions options = {}) : options_(std::move(options)) {}

    void sendTo(std::string_view bytes, const Address& to) override {
        sent.push_back({std::string(bytes), to});
    }
    void startTimer(Millis delay, int id, const Address& peer) override {
        timers.push_back({delay, id, peer});
    }
    void log(std::string_view text) override { logs.emplace_back(text); }
    const ServiceOptions& options() const override { return options_; }

    bool fireTimer(DatagramHandler& handler) {
        if (timers.empty()) return false;
        FakeTimer t = timers.front();
        timers.pop_front();
        handler.onTimer(*this, t.id, t.peer);
        return true;
    }
    // The payloads sent to one peer, in order.
    std::vector<std::string> sentTo(const Address& peer) const {
        std::vector<std::string> out;
        for (const auto& d : sent)
            if (d.to == peer) out.push_back(d.bytes);
        return out;
    }

    std::vector<FakeDatagram> sent;
    std::deque<FakeTimer> timers;
    std::vector<std::string> logs;

private:
    ServiceOptions options_;
};

}  // namespace sockwb::test
