// --sockopt NAME=VALUE through the real binary: `serve` prints what each
// listener reads back (SO_RCVBUF doubled) and, once a client came, the
// accepted socket's (TCP_NODELAY), as text or JSON; a bad name or value is
// a usage error (exit 2) that names it; `client --sockopt SO_LINGER=0`
// prints its read back and its close resets the connection (the peer's
// recv fails with ECONNRESET).

#include <QtTest/QtTest>
#include <thread>

#include "app/cli/cliprocess.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::test;

namespace {

// The first line of serve's stdout that contains `what`: among those read
// with the "listening" line, else read until it comes.
QString waitForLine(Serve& s, const QString& what) {
    for (const QString& line : s.others())
        if (line.contains(what)) return line;
    QProcess& p = s.process();
    QDeadlineTimer deadline(kWaitMs);
    while (!deadline.hasExpired() && p.state() != QProcess::NotRunning) {
        while (p.canReadLine()) {
            const QString line = QString::fromUtf8(p.readLine()).trimmed();
            if (line.contains(what)) return line;
        }
        p.waitForReadyRead(100);
    }
    return {};
}

}  // namespace

class tst_SockoptCli : public QObject {
    Q_OBJECT

private slots:
    void serveHelpListsTheOptions() {
        const Result r = run({"serve", "--help"});
        QCOMPARE(r.exitCode, 0);
        const int backlog = r.out.indexOf("--backlog N");
        const int sockopt = r.out.indexOf("--sockopt NAME=VALUE");
        QVERIFY(backlog > 0);
        QVERIFY(sockopt > backlog);
        QVERIFY(r.out.indexOf("--no-reuseaddr") > sockopt);
        QVERIFY(run({"client", "--help"}).out.contains("--sockopt NAME=VALUE"));
    }

    void serveReadsBack() {
        Serve s({"--service", "echo", "--port", "0", "--sockopt", "SO_RCVBUF=4096", "--sockopt",
                 "TCP_NODELAY=on"});
        QVERIFY(!s.port().isEmpty());
        const QString listener = waitForLine(s, "sockopt echo/tcp:");
        QCOMPARE(listener,
                 QStringLiteral("sockopt echo/tcp: SO_RCVBUF=4096 → 8192 (the kernel doubles it)"));
        // The accepted socket's options appear with the first client.
        Socket c = tcpConnect(Address::fromIp("127.0.0.1", s.port().toUShort()), Millis(kWaitMs));
        c.sendAll("x", Millis(kWaitMs));
        QCOMPARE(waitForLine(s, "accepted"),
                 QStringLiteral("sockopt echo/tcp accepted: TCP_NODELAY=on → on"));
        QCOMPARE(s.stop(SIGTERM), 0);
    }

    void serveJson() {
        Serve s({"--service", "echo", "--port", "0", "--json", "--sockopt", "rcvbuf=4k"});
        QVERIFY(!s.port().isEmpty());
        const QString line = waitForLine(s, "\"event\":\"sockopt\"");
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(o["name"].toString(), QStringLiteral("SO_RCVBUF"));
        QCOMPARE(o["asked"].toInt(), 4096);
        QCOMPARE(o["readBack"].toInt(), 8192);
        QCOMPARE(o["applied"].toBool(), true);
        QCOMPARE(o["listener"].toString(), QStringLiteral("echo/tcp"));
        QCOMPARE(o["accepted"].toBool(), false);
    }

    void serveRefusesBadOptions_data() {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown") << "SO_FOO=1"
                                 << "unknown option 'SO_FOO'; the options are";
        QTest::newRow("bad value") << "SO_LINGER=maybe"
                                   << "SO_LINGER takes off or seconds ≥ 0";
        QTest::newRow("no value") << "TCP_NODELAY"
                                  << "expected NAME=VALUE";
    }
    void serveRefusesBadOptions() {
        QFETCH(QString, setting);
        QFETCH(QString, says);
        const Result r = run({"serve", "--service", "echo", "--sockopt", setting});
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(says), qPrintable(err));
        QVERIFY2(err.contains(setting), qPrintable(err));
    }

    void clientRefusesBadOptions() {
        const Result r = run({"client", "127.0.0.1", "7", "--sockopt", "SO_BROADCAST=x"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("SO_BROADCAST takes on or off"), r.err.constData());
    }

    // SO_LINGER=0: the client's close is a reset; the peer's recv fails.
    void clientLingerZeroResets() {
        Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
        listener.setRecvTimeout(Millis(kWaitMs));  // bounds the blocking accept
        int peerErr = 0;
        bool peerEof = false;
        std::thread peer([&] {
            try {
                Socket::Accepted a = listener.accept();
                char buf[64];
                a.socket.recv(buf, sizeof buf, Millis(kWaitMs));
                a.socket.sendAll("bye\n", Millis(kWaitMs));
                peerEof = a.socket.recv(buf, sizeof buf, Millis(kWaitMs)).eof();
            } catch (const Error& e) {
                peerErr = e.err();
            }
        });
        const Result r =
            run({"client", "127.0.0.1", QString::number(listener.localAddress().port()),
                 "--sockopt", "SO_LINGER=0", "--send", "hello\\n", "--until", "bye"});
        peer.join();
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("sockopt: SO_LINGER=0 → 0"), r.err.constData());
        QCOMPARE(r.out, QByteArray("bye\n"));
        QVERIFY(!peerEof);
        QCOMPARE(peerErr, ECONNRESET);
    }

    void clientJson() {
        Serve s({"--service", "echo", "--port", "0"});
        const Result r =
            run({"client", "127.0.0.1", s.port(), "--json", "--io", "poll", "--sockopt",
                 "TCP_NODELAY=on", "--sockopt", "SO_BROADCAST=on", "--send", "a", "--until", "a"});
        QCOMPARE(r.exitCode, 0);
        QJsonObject nodelay, broadcast;
        for (const QByteArray& line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o["event"].toString() != "sockopt") continue;
            (o["name"].toString() == "TCP_NODELAY" ? nodelay : broadcast) = o;
        }
        QCOMPARE(nodelay["readBack"].toInt(), 1);
        QCOMPARE(nodelay["applied"].toBool(), true);
        QCOMPARE(broadcast["applied"].toBool(), false);
        QVERIFY(broadcast["error"].toString().contains("not applied to a TCP socket"));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_SockoptCli)
#include "tst_sockopt_cli.moc"
