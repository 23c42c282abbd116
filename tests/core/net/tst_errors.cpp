// Every errno of the issue that can be produced on the host itself, for
// real (loopback only, no traffic leaves the machine), and the Error it
// becomes: the call, errno's name, the address and the explanation's words.
// EACCES, ENETUNREACH and EHOSTUNREACH are in tst_errors_netns.cpp.

#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>

#include <QtTest>
#include <chrono>
#include <vector>

#include "support/testmain.h"
#include "support/tst_errorcheck.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using namespace sockwb::test;

namespace {

// A port that was just in use and is now closed: nothing listens there.
Address closedPort() {
    Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
    Address a = s.localAddress();
    return a;  // s closes here
}

}  // namespace

class tst_Errors : public QObject {
    Q_OBJECT

private slots:
    void connectionRefused_data();
    void connectionRefused();
    void addressInUse();
    void addressNotAvailable();
    void connectTimedOut();
    void connectionReset();
    void brokenPipe();
    void tooManyFiles();
    void resolveFailure_data();
    void resolveFailure();
    void whatFormat();
};

void tst_Errors::connectionRefused_data() {
    QTest::addColumn<int>("timeoutMs");
    QTest::newRow("blocking connect") << -1;
    QTest::newRow("connect with timeout") << 2000;
}

void tst_Errors::connectionRefused() {
    QFETCH(int, timeoutMs);
    const Address a = closedPort();
    Socket s = Socket::create(AF_INET, SOCK_STREAM);
    CHECK_ERROR(s.connect(a, Millis(timeoutMs)), ErrorKind::System, "connect", "ECONNREFUSED",
                {"nothing is listening", a.toString()});
    // And through the convenience function, by name.
    CHECK_ERROR(tcpConnect("127.0.0.1", std::to_string(a.port()), Millis(2000)), ErrorKind::System,
                "connect", "ECONNREFUSED", {"nothing is listening", std::to_string(a.port())});
}

void tst_Errors::addressInUse() {
    Socket first = tcpListen(Address::fromIp("127.0.0.1", 0));
    const Address a = first.localAddress();
    ListenOptions noReuse;
    noReuse.reuseAddr = false;
    const std::string port = std::to_string(a.port());
    CHECK_ERROR(tcpListen(a, 16, noReuse), ErrorKind::System, "bind", "EADDRINUSE",
                {"port " + port, "127.0.0.1", "already used"});
    // SO_REUSEADDR does not let two listeners share a port on Linux.
    CHECK_ERROR(tcpListen(a), ErrorKind::System, "bind", "EADDRINUSE", {"port " + port});
    QCOMPARE(first.localAddress(), a);  // the first listener is untouched
}

void tst_Errors::addressNotAvailable() {
    // 192.0.2.1 is TEST-NET-1: never an address of this machine. A bind
    // sends nothing on the wire.
    CHECK_ERROR(tcpListen(Address::fromIp("192.0.2.1", 0)), ErrorKind::System, "bind",
                "EADDRNOTAVAIL", {"192.0.2.1", "not an address of this machine"});
    CHECK_ERROR(udpBind(Address::fromIp("192.0.2.1", 0)), ErrorKind::System, "bind",
                "EADDRNOTAVAIL", {"192.0.2.1"});
}

void tst_Errors::connectTimedOut() {
    // listen(0): the accept queue holds one connection, and a SYN that finds
    // it full is dropped (no RST), so the client waits. Fill it with
    // connections nobody accepts until one filler itself cannot complete;
    // from then on the queue is surely full and stays so.
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0), 0);
    const Address a = listener.localAddress();
    std::vector<Socket> fillers;
    bool full = false;
    for (int i = 0; i < 16 && !full; ++i) {
        Socket s = Socket::create(AF_INET, SOCK_STREAM);
        try {
            s.connect(a, Millis(250));
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Timeout);
            full = true;
        }
        fillers.push_back(std::move(s));
    }
    QVERIFY2(full, "the accept queue never filled up");

    Socket s = Socket::create(AF_INET, SOCK_STREAM);
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_ERROR(s.connect(a, Millis(200)), ErrorKind::Timeout, "connect", "ETIMEDOUT",
                {a.toString(), "200 ms"});
    const auto ms =
        std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now() - t0).count();
    QVERIFY2(ms >= 190 && ms < 2000, qPrintable(QString::number(ms) + " ms"));
    QVERIFY(!s.isNonBlocking());  // the blocking mode is restored even on failure
    QCOMPARE(errnoName(ETIMEDOUT), std::string("ETIMEDOUT"));
}

void tst_Errors::connectionReset() {
    auto p = test::makeTcpPair();
    // SO_LINGER {on, 0 s}: close sends RST instead of FIN.
    linger lg{1, 0};
    QCOMPARE(::setsockopt(p.server.fd(), SOL_SOCKET, SO_LINGER, &lg, sizeof lg), 0);
    p.server.close();
    char buf[16];
    CHECK_ERROR(p.client.recv(buf, sizeof buf, Millis(5000)), ErrorKind::System, "recv",
                "ECONNRESET", {"reset the connection"});
}

void tst_Errors::brokenPipe() {
    // SIGPIPE left at its default action: if any send raised it, the test
    // process would die here.
    struct sigaction old {
    }, dfl{};
    dfl.sa_handler = SIG_DFL;
    ::sigaction(SIGPIPE, &dfl, &old);

    auto p = test::makeTcpPair();
    const Address peer = p.client.peerAddress();
    p.server.close();
    char buf[16];
    QCOMPARE(p.client.recv(buf, sizeof buf, Millis(5000)).status, IoResult::Eof);  // the FIN
    // The first send is accepted locally; the closed peer answers it with RST.
    QCOMPARE(p.client.send("first").bytes, size_t(5));
    pollfd pf{p.client.fd(), 0, 0};
    QVERIFY(::poll(&pf, 1, 5000) == 1 && (pf.revents & (POLLERR | POLLHUP)));
    CHECK_ERROR(p.client.send("second"), ErrorKind::System, "send", "EPIPE",
                {"has closed the connection"});
    CHECK_ERROR(p.client.sendAll("third"), ErrorKind::System, "send", "EPIPE",
                {"nothing more can be sent"});
    (void)peer;
    ::sigaction(SIGPIPE, &old, nullptr);
}

void tst_Errors::tooManyFiles() {
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    struct Restore {
        rlimit r;
        ~Restore() { ::setrlimit(RLIMIT_NOFILE, &r); }
    } restore{saved};
    // The limit bounds the fd numbers: put it a few above the highest one.
    int highest = 0;
    for (int fd = 0; fd < 4096; ++fd)
        if (::fcntl(fd, F_GETFD) >= 0) highest = fd;
    rlimit low = saved;
    low.rlim_cur = static_cast<rlim_t>(highest + 6);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);

    std::vector<Socket> opened;
    std::string why = "EMFILE never came";
    for (int i = 0; i <= highest + 6; ++i) {
        try {
            opened.push_back(Socket::create(AF_INET, SOCK_STREAM));
        } catch (const Error& e) {
            why = mismatch(e, ErrorKind::System, "socket", "EMFILE",
                           {"too many open files", "ulimit -n"});
            break;
        }
    }
    QVERIFY2(!opened.empty() && opened.back().fd() < highest + 6,
             qPrintable(QString::number(opened.size())));
    opened.clear();
    QVERIFY2(why.empty(), why.c_str());
    ::setrlimit(RLIMIT_NOFILE, &saved);
    rlimit now{};
    ::getrlimit(RLIMIT_NOFILE, &now);
    QCOMPARE(now.rlim_cur, saved.rlim_cur);
}

void tst_Errors::resolveFailure_data() {
    QTest::addColumn<QString>("input");
    QTest::newRow("host") << "no-such-host.invalid:80";
    QTest::newRow("subdomain") << "a.b.no-such-host.invalid:443";
}

void tst_Errors::resolveFailure() {
    QFETCH(QString, input);
    const std::string text = input.toStdString();
    const std::string host = text.substr(0, text.rfind(':'));
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_ERROR(Address::parse(text), ErrorKind::Resolve, "getaddrinfo", "", {host, "not known"});
    try {
        Address::parse(text);
    } catch (const Error& e) {
        QCOMPARE(e.info().gaiCode, EAI_NONAME);
        QVERIFY(std::string(e.what()).find(host) != std::string::npos);
    }
    CHECK_ERROR(tcpConnect(host, "80"), ErrorKind::Resolve, "getaddrinfo", "", {host});
    // .invalid never reaches a resolver (RFC 6761): no wait for DNS.
    const auto ms =
        std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now() - t0).count();
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms) + " ms"));
}

void tst_Errors::whatFormat() {
    const Address a = closedPort();
    try {
        tcpConnect(a, Millis(2000));
        QFAIL("connect succeeded");
    } catch (const Error& e) {
        const std::string expected =
            "connect(" + a.toString() + "): ECONNREFUSED — nothing is listening on " + a.toString();
        QVERIFY2(std::string(e.what()).rfind(expected, 0) == 0, e.what());
        QCOMPARE(e.info().address, a.toString());
        QCOMPARE(e.err(), ECONNREFUSED);
        QCOMPARE(e.call(), std::string("connect"));
    }
}

SOCKWB_TEST_GUILESS_MAIN(tst_Errors)
#include "tst_errors.moc"
