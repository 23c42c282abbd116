// CompareSampler counts the threads a server runs, and only those: a thread
// another part of the program starts while the server starts (the GUI, a
// thread pool) is left out by its name, the server's own threads are counted
// by model, and a thread model's per-client threads come in from the
// server's connection records.

#include <QtTest>
#include <future>
#include <thread>

#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"
#include "widgets/compare/comparesampler.h"

using namespace sockwb;
using sockwb::test::readUntil;

namespace {

ServerConfig echoConfig(const char* model) {
    ServerConfig c;
    c.model = model;
    c.listeners = {ListenerConfig{"echo", Protocol::Tcp, "127.0.0.1", 0}};
    return c;
}

Socket echoed(const Server& server) {
    const Address at = server.addresses().front();
    Socket s = Socket::create(at.family(), SOCK_STREAM);
    s.connect(at, Millis(5000));
    s.sendAll("x\n");
    if (readUntil(s, "\n") != "x\n") throw std::runtime_error("no echo");
    return s;
}

}  // namespace

class tst_CompareSampler : public QObject {
    Q_OBJECT
private slots:
    void foreignThreadIsNotCounted();
    void threadModelCountsClientThreads();
};

void tst_CompareSampler::foreignThreadIsNotCounted() {
    CompareSampler sampler;
    sampler.baseline();
    Server server(echoConfig("poll"));
    server.start();
    // Started after the server and before serverStarted(): listed as new.
    std::promise<void> started, release;
    std::thread other([&] {
        started.set_value();
        release.get_future().wait();
    });
    started.get_future().wait();
    sampler.serverStarted();
    Socket client = echoed(server);
    sampler.sample(server);
    release.set_value();
    other.join();
    QCOMPARE(sampler.serverThreads(), 1);
    QCOMPARE(sampler.childProcesses(), 0);
    QCOMPARE(sampler.openConnections(), 1);
}

void tst_CompareSampler::threadModelCountsClientThreads() {
    CompareSampler sampler;
    sampler.baseline();
    Server server(echoConfig("thread"));
    server.start();
    sampler.serverStarted();
    Socket a = echoed(server);
    Socket b = echoed(server);
    sampler.sample(server);
    QCOMPARE(sampler.serverThreads(), 3);  // acceptor and one per client
    QCOMPARE(sampler.openConnections(), 2);
}

SOCKWB_TEST_GUILESS_MAIN(tst_CompareSampler)
#include "tst_comparesampler.moc"
