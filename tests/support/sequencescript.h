#pragma once
// Test support for the sequence view: synthetic trace events spelt the way
// the core's wrappers and the tracer spell them (result, err, data, local,
// peer), for a TCP exchange between a server and a client process, and a
// long one for the 100,000-event tests. Test code only.

#include <QVector>
#include <string>

#include "core/net/trace.h"

namespace sockwb::test {

struct SequenceScript {
    QVector<TraceEvent> events;
    int64_t now = 1'700'000'000'000'000;
    int64_t step = 10;

    TraceEvent& add(int pid, int fd, const char* call, int64_t result, int err = 0) {
        TraceEvent e;
        e.timeUs = now;
        now += step;
        e.pid = pid;
        e.tid = pid;
        e.fd = fd;
        e.call = call;
        e.args = std::to_string(fd);
        e.result = result;
        e.err = err;
        events.push_back(e);
        return events.back();
    }
    void listener(int pid, int fd, const std::string& local) {
        add(pid, -1, "socket", fd).args = "AF_INET, SOCK_STREAM, 0";
        add(pid, fd, "bind", 0).local = local;
        add(pid, fd, "listen", 0).local = local;
    }
    void client(int pid, int fd, const std::string& local, const std::string& peer) {
        add(pid, -1, "socket", fd).args = "AF_INET, SOCK_STREAM, 0";
        TraceEvent& e = add(pid, fd, "connect", 0);
        e.local = local;
        e.peer = peer;
    }
    void accept(int pid, int fd, int newFd, const std::string& local, const std::string& peer) {
        TraceEvent& e = add(pid, fd, "accept4", newFd);
        e.local = local;
        e.peer = peer;
    }
    void send(int pid, int fd, const std::string& data) {
        add(pid, fd, "send", int64_t(data.size())).data = data.substr(0, kTraceDataBytes);
    }
    void recv(int pid, int fd, const std::string& data) {
        add(pid, fd, "recv", int64_t(data.size())).data = data.substr(0, kTraceDataBytes);
    }
    void close(int pid, int fd) { add(pid, fd, "close", 0); }

    // Server pid 10 (listener fd 3, accepted fd 5), client pid 20 (fd 4):
    // handshake, "Bonjour\n" read in two pieces, "Au Revoir" back, the
    // client's close read as recv = 0 by the server.
    static SequenceScript exchange() {
        SequenceScript s;
        const std::string server = "127.0.0.1:5000", client = "127.0.0.1:40000";
        s.listener(10, 3, server);
        s.client(20, 4, client, server);
        s.accept(10, 3, 5, server, client);
        s.send(20, 4, "Bonjour\n");
        s.recv(10, 5, "Bonj");
        s.recv(10, 5, "our\n");
        s.send(10, 5, "Au Revoir");
        s.recv(20, 4, "Au Revoir");
        s.close(20, 4);
        s.recv(10, 5, "");
        s.close(10, 5);
        return s;
    }

    // `count` events or a few more: one connection exchanging small
    // messages, each send read by one recv.
    static SequenceScript longExchange(int count) {
        SequenceScript s;
        s.listener(10, 3, "127.0.0.1:5000");
        s.client(20, 4, "127.0.0.1:40000", "127.0.0.1:5000");
        s.accept(10, 3, 5, "127.0.0.1:5000", "127.0.0.1:40000");
        s.step = 3;
        for (int i = 0; s.events.size() < count; ++i) {
            const std::string msg = "message " + std::to_string(i) + "\n";
            s.send(20, 4, msg);
            s.recv(10, 5, msg);
        }
        return s;
    }
};

}  // namespace sockwb::test
