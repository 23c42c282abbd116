#pragma once
// What the server-model suites share (tst_server_models, tst_server_services):
// their rows, every model as configured by default (iterative, fork, thread and
// pool wait in blocking calls) and those four again with IoMode::Poll, the
// server a row configures, an echo round trip, and the sanitizer's fork skip.

#include <QtTest>
#include <chrono>
#include <string>
#include <thread>

#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/tst_helpers.h"

#ifdef SOCKWB_SANITIZED
// GCC 12's sanitizer allocator keeps its internal lock across fork(): a fork
// made while another thread of the process allocates can leave the child
// stuck on that lock for ever (seen with gdb). glibc's malloc, used by the
// plain build, resets its locks in the child, so the plain run covers these
// cases; under the sanitizers they are skipped where threads allocate hard.
#define SOCKWB_SKIP_BUSY_FORK(isFork)                                                             \
    do {                                                                                          \
        if (isFork)                                                                               \
            QSKIP(                                                                                \
                "fork while other threads allocate: the sanitizer's allocator is not fork-safe"); \
    } while (0)
#else
#define SOCKWB_SKIP_BUSY_FORK(isFork) \
    do {                              \
    } while (0)
#endif

namespace sockwb::test {

// initTestCase_data of a server-model suite.
inline void addServerModelRows() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("poll");
    for (const auto& m : modelNames())
        QTest::newRow(m.c_str()) << QString::fromStdString(m) << false;
    for (const char* m : {"iterative", "fork", "thread", "pool"})
        QTest::newRow(qPrintable(QString("%1 (io poll)").arg(m))) << QString(m) << true;
}

// The model and wait of the current row; fetch() in the suite's init().
struct ServerModelRow {
    std::string model;
    IoMode io = IoMode::Blocking;

    void fetch() {
        QFETCH_GLOBAL(QString, model);
        QFETCH_GLOBAL(bool, poll);
        this->model = model.toStdString();
        io = poll ? IoMode::Poll : IoMode::Blocking;
    }
    // One TCP listener of service on 127.0.0.1, port 0.
    ServerConfig config(const std::string& service = "echo") const {
        ServerConfig c;
        c.model = model;
        c.io = io;
        c.listeners = {ListenerConfig{service, Protocol::Tcp, "127.0.0.1", 0}};
        return c;
    }
};

using Clock = std::chrono::steady_clock;

inline long msSince(Clock::time_point t0) {
    return long(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count());
}

// One echo round trip of `data`: a sender thread and this thread reading,
// so neither side can fill the other's buffers and stall.
inline std::string echoRoundTrip(const Address& to, const std::string& data) {
    Socket s = tcpConnect(to, Millis(5000));
    std::thread sender([&] {
        s.sendAll(data, Millis(30000));
        s.shutdownWrite();
    });
    std::string got = readToEof(s, Millis(30000));
    sender.join();
    return got;
}

}  // namespace sockwb::test
