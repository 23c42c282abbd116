#pragma once
// Shared by the ClientConnection suites: an observer that records what a
// connection reports, a trace observer that keeps every event, and the
// loopback helpers. Read from the test thread, written from the
// connection's threads (hence the mutexes). Header-only.

#include <dirent.h>

#include <QMetaType>
#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

#include "core/client/clientconnection.h"
#include "core/net/trace.h"

namespace sockwb::test {

class Recorder : public ClientObserver {
public:
    void onConnected(const Address& l, const Address& p) override {
        std::lock_guard lock(m);
        connected = true;
        local = l;
        peer = p;
    }
    void onData(std::string_view bytes, const Address& from) override {
        std::lock_guard lock(m);
        data.append(bytes);
        chunks.emplace_back(bytes);
        senders.push_back(from);
    }
    void onSent(size_t n) override {
        std::lock_guard lock(m);
        sent += n;
    }
    void onShutdown(int how) override {
        std::lock_guard lock(m);
        shutdowns.push_back(how);
    }
    void onError(const ErrorInfo& e) override {
        std::lock_guard lock(m);
        errors.push_back(e);
    }
    void onClosed(CloseReason r) override {
        std::lock_guard lock(m);
        closed = true;
        reason = r;
    }
    std::string received() {
        std::lock_guard lock(m);
        return data;
    }
    bool isClosed() {
        std::lock_guard lock(m);
        return closed;
    }
    bool isConnected() {
        std::lock_guard lock(m);
        return connected;
    }
    size_t errorCount() {
        std::lock_guard lock(m);
        return errors.size();
    }
    size_t shutdownCount() {
        std::lock_guard lock(m);
        return shutdowns.size();
    }

    std::mutex m;
    bool connected = false;
    bool closed = false;
    CloseReason reason = CloseReason::Local;
    Address local, peer;
    std::string data;
    std::vector<std::string> chunks;  // one per onData
    std::vector<Address> senders;     // the `from` of each onData
    std::vector<int> shutdowns;
    size_t sent = 0;
    std::vector<ErrorInfo> errors;
};

class CallRecorder : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        std::lock_guard lock(m);
        events.push_back(e);
    }
    std::vector<TraceEvent> snapshot() {
        std::lock_guard lock(m);
        return events;
    }
    std::vector<std::string> calls() {
        std::vector<std::string> names;
        for (const auto& e : snapshot()) names.push_back(e.call);
        return names;
    }
    // The events of one call, in order.
    std::vector<TraceEvent> of(const std::string& call) {
        std::vector<TraceEvent> out;
        for (const auto& e : snapshot())
            if (e.call == call) out.push_back(e);
        return out;
    }
    std::mutex m;
    std::vector<TraceEvent> events;
};

inline int countThreads() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n;
}

inline ClientConfig clientTarget(uint16_t port, Protocol protocol, ClientIo io) {
    ClientConfig c;
    c.protocol = protocol;
    c.host = "127.0.0.1";
    c.port = port;
    c.connectTimeout = Millis(3000);
    c.io = io;
    return c;
}

}  // namespace sockwb::test

Q_DECLARE_METATYPE(sockwb::ClientIo)
