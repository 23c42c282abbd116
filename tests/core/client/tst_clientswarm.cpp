// ClientSwarm against the engine's clock and echo services on port 0: 50
// clients on ONE loop thread all reach "Au Revoir"; echo ping measures round
// trips and stops promptly; a refused port marks every client failed.

#include <dirent.h>

#include <QtTest/QtTest>

#include "core/client/clientswarm.h"
#include "core/server/server.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

int countThreads() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/task");
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n;
}

std::unique_ptr<Server> startServer(const std::string& service, int ticks = 3,
                                    int intervalMs = 100) {
    ServerConfig config;
    config.listeners[0].service = service;
    config.model = "epoll";
    config.serviceOptions.ticks = ticks;
    config.serviceOptions.intervalMs = intervalMs;
    auto server = std::make_unique<Server>(config);
    server->start();
    return server;
}

uint16_t closedPort() {
    Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

ClientConfig target(uint16_t port) {
    ClientConfig c;
    c.host = "127.0.0.1";
    c.port = port;
    c.connectTimeout = Millis(3000);
    return c;
}

}  // namespace

class tst_ClientSwarm : public QObject {
    Q_OBJECT
private slots:
    void swarmBonjourUntilAuRevoir();
    void swarmEchoPingMeasuresRoundTrip();
    void swarmRefusedMarksEveryClientFailed();
    void fiveHundredIdleClientsOnOneThread();
    void scenarioNamesRoundTrip();
};

void tst_ClientSwarm::swarmBonjourUntilAuRevoir() {
    auto server = startServer("clock", 3, 100);
    const int threadsBefore = countThreads();
    SwarmConfig config;
    config.target = target(server->addresses()[0].port());
    config.count = 50;
    config.scenario = Scenario::Bonjour;
    ClientSwarm swarm(config);
    swarm.start();
    QCOMPARE(countThreads(), threadsBefore + 1);  // one loop thread for 50 clients
    QTRY_VERIFY_WITH_TIMEOUT(swarm.finished(), 10000);
    auto rows = swarm.snapshot();
    QCOMPARE(rows.size(), size_t(50));
    for (const auto& r : rows) {
        QCOMPARE(swarmStateName(r.state), "done");
        QCOMPARE(r.lastLine, std::string("Au Revoir"));
        QCOMPARE(r.messagesIn, uint64_t(4));  // 3 ticks + Au Revoir
        QCOMPARE(r.bytesOut, uint64_t(8));    // "Bonjour\n"
        QVERIFY(r.rttSamples == 1 && r.lastRttMs >= 0);
    }
    swarm.stop();
    QTRY_COMPARE(countThreads(),
                 threadsBefore);  // a joined thread's task entry may linger a moment
}

void tst_ClientSwarm::swarmEchoPingMeasuresRoundTrip() {
    auto server = startServer("echo");
    SwarmConfig config;
    config.target = target(server->addresses()[0].port());
    config.count = 20;
    config.scenario = Scenario::EchoPing;
    config.intervalMs = 20;
    ClientSwarm swarm(config);
    swarm.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& r : swarm.snapshot())
                if (r.rttSamples < 3) return false;
            return true;
        }(),
        10000);
    for (const auto& r : swarm.snapshot()) {
        QCOMPARE(r.state, SwarmClientStatus::Connected);
        QVERIFY(r.lastRttMs >= 0 && r.lastRttMs < 1000);
        QVERIFY(r.lastLine.rfind("ping ", 0) == 0);
    }
    QElapsedTimer t;
    t.start();
    swarm.stop();
    QVERIFY(t.elapsed() < 500);
    for (const auto& r : swarm.snapshot()) QCOMPARE(r.state, SwarmClientStatus::Closed);
}

void tst_ClientSwarm::swarmRefusedMarksEveryClientFailed() {
    SwarmConfig config;
    config.target = target(closedPort());
    config.count = 10;
    ClientSwarm swarm(config);
    swarm.start();
    QTRY_VERIFY_WITH_TIMEOUT(swarm.finished(), 5000);
    for (const auto& r : swarm.snapshot()) {
        QCOMPARE(r.state, SwarmClientStatus::Failed);
        QVERIFY(r.hasError);
        QCOMPARE(errnoName(r.error.err), std::string("ECONNREFUSED"));
    }
}

void tst_ClientSwarm::fiveHundredIdleClientsOnOneThread() {
    auto server = startServer("echo");
    const int threadsBefore = countThreads();
    SwarmConfig config;
    config.target = target(server->addresses()[0].port());
    config.count = 500;
    config.scenario = Scenario::HoldIdle;
    ClientSwarm swarm(config);
    swarm.start();
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().active, uint64_t(500), 20000);
    QCOMPARE(countThreads(), threadsBefore + 1);
    for (const auto& r : swarm.snapshot()) QCOMPARE(r.state, SwarmClientStatus::Connected);
    QElapsedTimer t;
    t.start();
    swarm.stop();
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
    QTRY_COMPARE(countThreads(),
                 threadsBefore);  // a joined thread's task entry may linger a moment
    QTRY_COMPARE(server->stats().active, uint64_t(0));
}

void tst_ClientSwarm::scenarioNamesRoundTrip() {
    for (Scenario s :
         {Scenario::Bonjour, Scenario::EchoPing, Scenario::ChatBot, Scenario::HoldIdle})
        QCOMPARE(parseScenario(scenarioName(s)), s);
    QVERIFY_THROWS_EXCEPTION(Error, parseScenario("dance"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_ClientSwarm)
#include "tst_clientswarm.moc"
