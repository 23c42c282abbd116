// `sockwb http` and `sockwb client` against peers that never stop, through
// the real binary: --max-time ends an endless body or stream (exit 1 and a
// message), the body reaches stdout as it comes, bad -H and --max-redirs
// are refused, --lenient is taken, an IPv6 zone id in a URL connects.

#include <QtTest/QtTest>
#include <atomic>
#include <functional>
#include <thread>

#include "app/cli/cliprocess.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::test;

namespace {

// An HTTP peer in a thread: accepts one client, reads its request head,
// then runs `talk` on the socket until it returns or stop is set.
class HttpPeer {
public:
    using Talk = std::function<void(Socket&, const std::atomic<bool>& stop)>;
    explicit HttpPeer(Talk talk) : listener_(tcpListen(Address::fromIp("127.0.0.1", 0))) {
        listener_.setRecvTimeout(Millis(kWaitMs));  // bounds the blocking accept
        thread_ = std::thread([this, talk] {
            try {
                Socket::Accepted a = listener_.accept();
                std::string head;
                for (int i = 0; i < 100 && head.find("\r\n\r\n") == std::string::npos; ++i)
                    if (!a.socket.recvSome(head, 4096, Millis(kWaitMs)).ok()) return;
                talk(a.socket, stop_);
            } catch (const Error&) {
                // The client went away: what the test checks.
            }
        });
    }
    ~HttpPeer() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    QString url() const {
        return QStringLiteral("http://127.0.0.1:%1/").arg(listener_.localAddress().port());
    }

private:
    Socket listener_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
};

// Sends a close-delimited body for ever (until the client goes or stop).
void endlessBody(Socket& s, const std::atomic<bool>& stop) {
    s.sendAll("HTTP/1.1 200 OK\r\n\r\n", Millis(kWaitMs));
    const std::string piece(64 * 1024, 'x');
    for (int i = 0; i < 1000000 && !stop; ++i) s.sendAll(piece, Millis(kWaitMs));
}

}  // namespace

class tst_HttpLimitsCli : public QObject {
    Q_OBJECT
private slots:
    void httpMaxTimeEndsAnEndlessBody();
    void httpBodyWrittenAsItComes();
    void httpRefusesBadInput_data();
    void httpRefusesBadInput();
    void httpLenientTakesBareLfChunks();
    void clientMaxTimeEndsAnEndlessStream_data();
    void clientMaxTimeEndsAnEndlessStream();
    void httpZoneIdUrl();
};

void tst_HttpLimitsCli::httpMaxTimeEndsAnEndlessBody() {
    HttpPeer peer(endlessBody);
    QElapsedTimer t;
    t.start();
    const Result r = run({"http", peer.url(), "--max-time", "0.3", "-o", "/dev/null"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("gave up after 300 ms"), r.err.constData());
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
}

void tst_HttpLimitsCli::httpBodyWrittenAsItComes() {
    // The first part must be on stdout while the server still holds the rest.
    std::atomic<bool> release{false};
    HttpPeer peer([&](Socket& s, const std::atomic<bool>& stop) {
        s.sendAll("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\nfirst-part", Millis(kWaitMs));
        for (int i = 0; i < kWaitMs / 10 && !release && !stop; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));  // waiting for the test
        s.sendAll("+the-rest", Millis(kWaitMs));
        s.sendAll("!", Millis(kWaitMs));
    });
    QProcess p;
    p.start(kBinary, {"http", peer.url(), "--max-time", "10"});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("first-part"), kWaitMs);
    QVERIFY2(p.state() == QProcess::Running, p.readAllStandardError().constData());
    release = true;
    QVERIFY(p.waitForFinished(kWaitMs));
    out += p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(out, QByteArray("first-part+the-rest!"));
}

void tst_HttpLimitsCli::httpRefusesBadInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString url = QStringLiteral("http://127.0.0.1:9/");
    QTest::newRow("header crlf") << QStringList{"-H", "X-A: a\r\nEvil: 1", url} << "CR or LF";
    QTest::newRow("header lf") << QStringList{"-H", "X-A: a\nEvil: 1", url} << "CR or LF";
    QTest::newRow("header name space") << QStringList{"-H", "Bad Name: 1", url} << "not a token";
    QTest::newRow("max-redirs negative")
        << QStringList{"-L", "--max-redirs", "-5", url} << "out of range";
    QTest::newRow("max-redirs fraction")
        << QStringList{"-L", "--max-redirs", "1.5", url} << "not a number";
    QTest::newRow("max-time negative") << QStringList{"--max-time", "-1", url} << "--max-time";
    QTest::newRow("max-time word") << QStringList{"--max-time", "soon", url} << "--max-time";
    QTest::newRow("zone unknown") << QStringList{"http://[::1%25nosuchif0]:9/"} << "nosuchif0";
}

void tst_HttpLimitsCli::httpRefusesBadInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = run(QStringList{"http"} + args);
    QVERIFY2(r.exitCode == 2 || (mentions == "nosuchif0" && r.exitCode == 1),
             qPrintable(QString::number(r.exitCode) + " " + r.err));
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY(!r.err.contains("ECONNREFUSED"));  // refused before connecting
}

void tst_HttpLimitsCli::httpLenientTakesBareLfChunks() {
    const auto sloppy = [](Socket& s, const std::atomic<bool>&) {
        s.sendAll("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n",
                  Millis(kWaitMs));
    };
    {
        HttpPeer peer(sloppy);  // strict by default: a bare LF in chunk framing is an error
        const Result r = run({"http", peer.url(), "--max-time", "10"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("LF"), r.err.constData());
    }
    HttpPeer peer(sloppy);
    const Result r = run({"http", peer.url(), "--lenient", "--max-time", "10"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("hello"));
}

void tst_HttpLimitsCli::clientMaxTimeEndsAnEndlessStream_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("blocking") << QStringList{"--send", "x", "--io", "blocking"};
    QTest::newRow("poll") << QStringList{"--send", "x", "--io", "poll"};
    QTest::newRow("netcat") << QStringList{};
}

void tst_HttpLimitsCli::clientMaxTimeEndsAnEndlessStream() {
    QFETCH(QStringList, extra);
    Serve chargen({"--service", "chargen"});
    QVERIFY(!chargen.port().isEmpty());
    QElapsedTimer t;
    t.start();
    // chargen never stops and the idle timeout is far: only --max-time ends it.
    const Result r = run(QStringList{"client", "127.0.0.1", chargen.port(), "--max-time", "0.3",
                                     "--timeout", "10000"} +
                         extra);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--max-time (300 ms)"), r.err.constData());
    QVERIFY(r.out.size() > 0);
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
}

void tst_HttpLimitsCli::httpZoneIdUrl() {
    Serve http({"--service", "http", "--bind", "::1"});
    if (http.port().isEmpty()) QSKIP("no IPv6 loopback");
    const Result r = run({"http", QStringLiteral("http://[::1%25lo]:%1/").arg(http.port()), "-i",
                          "--max-time", "10"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("HTTP/1.1 200"), r.out.constData());
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpLimitsCli)
#include "tst_http_limits_cli.moc"
