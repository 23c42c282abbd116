// `sockwb load` as a user runs it: exit codes and messages on bad input,
// the --json object against a real (in-test) echo server, errors counted
// when nothing listens, the progress line on stderr.

#include <poll.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace std::chrono_literals;

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run runLoad(const QStringList& args, int timeoutMs = 30000) {
    QProcess p;
    p.start(QStringLiteral(SOCKWB_BINARY), QStringList{"load"} + args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A TCP echo server on 127.0.0.1:0, a thread per client.
class EchoServer {
public:
    EchoServer() {
        listener_ = tcpListen(Address::fromIp("127.0.0.1", 0));
        port_ = listener_.localAddress().port();
        acceptor_ = std::thread([this] {
            while (!stop_) {
                pollfd p{listener_.fd(), POLLIN, 0};
                if (::poll(&p, 1, 20) <= 0) continue;
                auto acc = listener_.tryAccept();
                if (!acc) continue;
                auto s = std::make_shared<Socket>(std::move(acc->socket));
                std::lock_guard lock(mutex_);
                clients_.emplace_back([this, s] {
                    char buf[8192];
                    while (!stop_) {
                        try {
                            auto r = s->recv(buf, sizeof buf, 20ms);
                            if (r.status == IoResult::TimedOut) continue;
                            if (!r.ok()) return;
                            s->sendAll(std::string_view(buf, r.bytes), 2000ms);
                        } catch (const Error&) {
                            return;
                        }
                    }
                });
            }
        });
    }
    ~EchoServer() {
        stop_ = true;
        acceptor_.join();
        std::lock_guard lock(mutex_);
        for (auto& t : clients_) t.join();
    }
    QString url() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(port_); }

private:
    Socket listener_;
    uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread acceptor_;
    std::mutex mutex_;
    std::vector<std::thread> clients_;
};

uint16_t closedPort() {
    Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

}  // namespace

class tst_LoadCli : public QObject {
    Q_OBJECT
private slots:
    void help();
    void badInput_data();
    void badInput();
    void jsonAgainstEcho();
    void refusedCountsErrors();
    void progressLine();
};

void tst_LoadCli::help() {
    const Run r = runLoad({"--help"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("Usage: sockwb load"));
    QVERIFY(r.out.contains("--rate"));
}

void tst_LoadCli::badInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no target") << QStringList{"--requests", "1"} << "no target";
    QTest::newRow("unbounded") << QStringList{"tcp://127.0.0.1:7"} << "--duration";
    QTest::newRow("no port") << QStringList{"tcp://127.0.0.1", "-n", "1"} << "port";
    QTest::newRow("zero connections")
        << QStringList{"tcp://127.0.0.1:7", "-n", "1", "-c", "0"} << "--connections";
    QTest::newRow("not a number") << QStringList{"tcp://127.0.0.1:7", "-n", "ten"} << "--requests";
    QTest::newRow("bulk over http")
        << QStringList{"http://127.0.0.1:7/", "-n", "1", "--bulk"} << "--bulk";
    QTest::newRow("threads > connections")
        << QStringList{"tcp://127.0.0.1:7", "-n", "1", "-c", "2", "-t", "3"} << "--threads";
    QTest::newRow("unknown option")
        << QStringList{"tcp://127.0.0.1:7", "-n", "1", "--frobnicate"} << "unknown option";
    QTest::newRow("udp payload too big")
        << QStringList{"udp://127.0.0.1:7", "-n", "1", "--payload", "70000"} << "65507";
}

void tst_LoadCli::badInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runLoad(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void tst_LoadCli::jsonAgainstEcho() {
    EchoServer server;
    const Run r = runLoad({server.url(), "--requests", "300", "--connections", "4", "--threads",
                           "2", "--payload", "128", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(!o.isEmpty(), r.out.constData());
    QCOMPARE(o["requests"].toInt(), 300);
    QVERIFY(o["requests_per_sec"].toDouble() > 0);
    QCOMPARE(o["bytes_received"].toInt(), 300 * 128);
    QVERIFY(o["bytes_per_sec"].toDouble() > 0);
    const QJsonObject lat = o["latency_ms"].toObject();
    for (const char* k : {"p50", "p90", "p99", "p999", "max"}) QVERIFY2(lat.contains(k), k);
    QVERIFY(lat["p50"].toDouble() <= lat["p99"].toDouble());
    QVERIFY(lat["p99"].toDouble() <= lat["max"].toDouble());
    QCOMPARE(o["errors"].toObject()["total"].toInt(), 0);
    QCOMPARE(o["non_2xx"].toInt(), 0);
}

void tst_LoadCli::refusedCountsErrors() {
    const Run r = runLoad(
        {QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()), "-n", "5", "-c", "1", "--json"});
    QCOMPARE(r.code, 1);  // nothing completed
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o["requests"].toInt(), 0);
    QCOMPARE(o["errors"].toObject()["connect"].toInt(), 5);
    QCOMPARE(o["errors"].toObject()["total"].toInt(), 5);
    QVERIFY(o["first_error"].toString().contains("ECONNREFUSED"));
}

void tst_LoadCli::progressLine() {
    EchoServer server;
    const Run r = runLoad({server.url(), "--duration", "1.3", "--connections", "2"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("requests (") && r.err.contains("errors"), r.err.constData());
    QVERIFY(r.out.contains("requests/s"));
    QVERIFY(r.out.contains("latency ms"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_LoadCli)
#include "tst_load_cli.moc"
