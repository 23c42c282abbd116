// `sockwb client` as the course's client, through the real binary against
// peers the test holds itself (port 0, loopback, each in a bounded thread):
// the blocking trace (connect = 0, no poll) and --io poll's, a UDP answer
// from another port with its sender, --bind seen by the server, one send()
// per --send and the --delay between them, --recv-size, each --shutdown,
// and the new options' bad input.

#include <QtTest/QtTest>
#include <thread>

#include "app/cli/cliprocess.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::test;

namespace {

// Trace rows (stderr of --trace) of one call: "recv(3, ...) = 4 <...>".
QList<QByteArray> rows(const QByteArray& err, const QByteArray& call) {
    QList<QByteArray> out;
    for (const QByteArray& line : err.split('\n')) {
        const qsizetype at = line.indexOf("] ");
        if (at >= 0 && line.mid(at + 2).startsWith(call + '(')) out << line.mid(at + 2);
    }
    return out;
}

uint16_t freePort(int type) {
    Socket s = Socket::create(AF_INET, type);
    s.bind(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

// A TCP peer in a thread: accepts one client (waiting at most kWaitMs),
// then runs `talk` on it. join() before reading what talk wrote.
class TcpPeer {
public:
    template <class Talk>
    explicit TcpPeer(Talk talk) : listener_(tcpListen(Address::fromIp("127.0.0.1", 0))) {
        listener_.setRecvTimeout(Millis(kWaitMs));  // bounds the blocking accept
        thread_ = std::thread([this, talk] {
            try {
                Socket::Accepted a = listener_.accept();
                peerPort = a.peer.port();
                talk(a.socket);
            } catch (const Error&) {
                // No client came, or it went: the test's checks say what is missing.
            }
        });
    }
    ~TcpPeer() { join(); }
    void join() {
        if (thread_.joinable()) thread_.join();
    }
    QString port() const { return QString::number(listener_.localAddress().port()); }
    std::atomic<int> peerPort{0};

private:
    Socket listener_;
    std::thread thread_;
};

// Reads until EOF (or 5 s of silence); the messages as the recvs got them.
std::vector<std::string> readToEof(Socket& s) {
    std::vector<std::string> got;
    for (int i = 0; i < 100; ++i) {
        char buf[256];
        const IoResult r = s.recv(buf, sizeof buf, Millis(5000));
        if (!r.ok()) break;
        got.emplace_back(buf, r.bytes);
    }
    return got;
}

}  // namespace

class tst_ClientOptionsCli : public QObject {
    Q_OBJECT
private slots:
    void blockingTraceReadsLikeTheCourse();
    void pollTraceShowsEinprogress();
    void udpAnswerFromAnotherPortShowsTheSender();
    void bindToAFixedPort();
    void bindToAPortInUse();
    void eachSendIsOneCallWithTheDelayBetween();
    void recvSizeSplitsTheAnswer();
    void shutdownWriteThePeerSeesEof();
    void shutdownReadRecvReturnsZero();
    void badCourseOptions_data();
    void badCourseOptions();
};

void tst_ClientOptionsCli::blockingTraceReadsLikeTheCourse() {
    Serve s({"--service", "echo"});
    const Result r = run({"client", "127.0.0.1", s.port(), "--send", "Bonjour\\n", "--until",
                          "Bonjour\\n", "--trace"});
    QCOMPARE(r.exitCode, 0);
    const auto connects = rows(r.err, "connect");
    QCOMPARE(connects.size(), 1);
    QVERIFY2(connects[0].contains(") = 0 <"), connects[0].constData());
    QVERIFY2(!r.err.contains("EINPROGRESS") && rows(r.err, "poll").isEmpty(), r.err.constData());
    QCOMPARE(rows(r.err, "recv").size(), 1);
}

void tst_ClientOptionsCli::pollTraceShowsEinprogress() {
    Serve s({"--service", "echo"});
    const Result r = run({"client", "127.0.0.1", s.port(), "--send", "x", "--until", "x", "--io",
                          "poll", "--trace"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(rows(r.err, "connect").value(0).contains("EINPROGRESS"), r.err.constData());
    QVERIFY(!rows(r.err, "poll").isEmpty());
}

void tst_ClientOptionsCli::udpAnswerFromAnotherPortShowsTheSender() {
    // The course's UDP server may answer from another socket than the one
    // the request went to.
    Socket in = udpBind(Address::fromIp("127.0.0.1", 0));
    Socket out = udpBind(Address::fromIp("127.0.0.1", 0));
    const QString outAddr = QString::fromStdString(out.localAddress().toString());
    for (const bool json : {false, true}) {
        std::thread server([&] {
            char buf[64];
            if (auto d = in.recvFrom(buf, sizeof buf, Millis(kWaitMs)))
                out.sendTo("12:00", d->from);
        });
        QStringList args{"client",
                         "--protocol",
                         "udp",
                         "127.0.0.1",
                         QString::number(in.localAddress().port()),
                         "--send",
                         "time?",
                         "--until",
                         "12:00"};
        if (json) args << "--json";
        const Result r = run(args);
        server.join();
        QCOMPARE(r.exitCode, 0);
        if (json) {
            const auto event = QJsonDocument::fromJson(r.out.trimmed()).object();
            QCOMPARE(event["event"].toString(), QStringLiteral("data"));
            QCOMPARE(event["from"].toString(), outAddr);
            QCOMPARE(event["data"].toString(), QStringLiteral("12:00"));
        } else {
            QCOMPARE(r.out, QByteArray("12:00"));
            QVERIFY2(r.err.contains("from " + outAddr.toUtf8()), r.err.constData());
        }
    }
}

void tst_ClientOptionsCli::bindToAFixedPort() {
    const uint16_t fixed = freePort(SOCK_STREAM);
    TcpPeer peer([](Socket& s) {
        readToEof(s);
        s.sendAll("ok");
    });
    const Result r =
        run({"client", "127.0.0.1", peer.port(), "--bind", "127.0.0.1:" + QString::number(fixed),
             "--send", "hi", "--shutdown", "wr"});
    peer.join();
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("ok"));
    QCOMPARE(peer.peerPort.load(), int(fixed));  // what the server's accept saw
}

void tst_ClientOptionsCli::bindToAPortInUse() {
    Socket taken = udpBind(Address::fromIp("127.0.0.1", 0));
    const QString port = QString::number(taken.localAddress().port());
    const Result r = run({"client", "--protocol", "udp", "127.0.0.1", "9", "--bind",
                          "127.0.0.1:" + port, "--send", "x"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("bind(127.0.0.1:" + port.toUtf8() + "): EADDRINUSE"),
             r.err.constData());
    QVERIFY2(r.err.contains("already used by another socket"), r.err.constData());
    QVERIFY2(r.err.contains("TIME_WAIT"), r.err.constData());
}

void tst_ClientOptionsCli::eachSendIsOneCallWithTheDelayBetween() {
    std::vector<std::string> got;
    qint64 gapMs = -1;
    TcpPeer peer([&](Socket& s) {
        char buf[64];
        const IoResult first = s.recv(buf, sizeof buf, Millis(kWaitMs));
        QElapsedTimer t;
        t.start();
        if (first.ok()) got.emplace_back(buf, first.bytes);
        const IoResult second = s.recv(buf, sizeof buf, Millis(kWaitMs));
        gapMs = t.elapsed();
        if (second.ok()) got.emplace_back(buf, second.bytes);
    });
    const Result r = run({"client", "127.0.0.1", peer.port(), "--send", "Bonjour", "--send",
                          "Au Revoir", "--delay", "300", "--timeout", "300", "--trace"});
    peer.join();
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(rows(r.err, "send").size(), 2);
    QCOMPARE(got, (std::vector<std::string>{"Bonjour", "Au Revoir"}));
    QVERIFY2(gapMs >= 250, qPrintable(QString::number(gapMs)));
}

void tst_ClientOptionsCli::recvSizeSplitsTheAnswer() {
    TcpPeer peer([](Socket& s) { s.sendAll("0123456789"); });
    const Result r = run({"client", "127.0.0.1", peer.port(), "--send", "", "--recv-size", "4",
                          "--until", "89", "--trace"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("0123456789"));
    const auto recvs = rows(r.err, "recv");
    QCOMPARE(recvs.size(), 3);
    QVERIFY(recvs[0].contains(", 4, 0) = 4 <") && recvs[2].contains(") = 2 <"));
}

void tst_ClientOptionsCli::shutdownWriteThePeerSeesEof() {
    for (const QString how : {"wr", "rdwr"}) {
        bool sawEof = false;
        TcpPeer peer([&](Socket& s) {
            const auto got = readToEof(s);  // ends on EOF, not on the 5 s silence
            sawEof = got == std::vector<std::string>{"last"};
        });
        QElapsedTimer t;
        t.start();
        const Result r = run({"client", "127.0.0.1", peer.port(), "--send", "last", "--shutdown",
                              how, "--timeout", "2000", "--trace"});
        peer.join();
        QCOMPARE(r.exitCode, 0);
        const auto shutdowns = rows(r.err, "shutdown");
        QCOMPARE(shutdowns.size(), 1);
        QVERIFY2(shutdowns[0].contains(", SHUT_" + how.toUpper().toUtf8() + ") = 0"),
                 r.err.constData());
        QVERIFY(sawEof);
    }
}

void tst_ClientOptionsCli::shutdownReadRecvReturnsZero() {
    TcpPeer peer([](Socket& s) { readToEof(s); });
    const Result r = run({"client", "127.0.0.1", peer.port(), "--send", "x", "--shutdown", "rd",
                          "--timeout", "3000", "--trace"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(rows(r.err, "shutdown").value(0).contains(", SHUT_RD) = 0"), r.err.constData());
    const auto recvs = rows(r.err, "recv");
    QCOMPARE(recvs.size(), 1);
    QVERIFY2(recvs[0].contains(") = 0 <"), recvs[0].constData());  // at once, not after 3 s
}

void tst_ClientOptionsCli::badCourseOptions_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("io") << QStringList{"--io", "async"} << QStringList{"--io", "async"};
    QTest::newRow("shutdown") << QStringList{"--shutdown", "both"}
                              << QStringList{"--shutdown", "rd, wr or rdwr"};
    QTest::newRow("bind port") << QStringList{"--bind", "127.0.0.1:70000"}
                               << QStringList{"--bind", "70000"};
    QTest::newRow("bind empty") << QStringList{"--bind", ""} << QStringList{"--bind"};
    QTest::newRow("recv size") << QStringList{"--recv-size", "0"} << QStringList{"--recv-size"};
    QTest::newRow("delay") << QStringList{"--delay", "-5"} << QStringList{"--delay"};
}

void tst_ClientOptionsCli::badCourseOptions() {
    QFETCH(QStringList, args);
    QFETCH(QStringList, words);
    const Result r = run(QStringList{"client", "127.0.0.1", "7"} + args);
    QCOMPARE(r.exitCode, 2);
    for (const QString& w : words) QVERIFY2(r.err.contains(w.toUtf8()), r.err.constData());
}

SOCKWB_TEST_GUILESS_MAIN(tst_ClientOptionsCli)
#include "tst_client_options_cli.moc"
