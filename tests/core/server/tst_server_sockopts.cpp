// ServerConfig::sockopts: the listeners get the BeforeBind options before
// bind (SO_RCVBUF read back doubled, SO_REUSEPORT lets two servers share a
// port), UDP bound sockets get every kind, and every model's accepted
// sockets get the Connected ones (TCP_NODELAY, checked with getsockopt on
// the server's own descriptor and in Server::sockoptReadback). SO_REUSEADDR
// off: a restart on the port while a TIME-WAIT entry exists fails with
// EADDRINUSE; with the default it restarts. A ClientConnection reports its
// own read back (onSockopts) before onConnected, in both I/O modes.

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <QtTest>
#include <memory>
#include <mutex>

#include "core/client/clientconnection.h"
#include "core/net/sockdiag.h"
#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

const Millis kIo(5000);

ServerConfig echoConfig(const std::string& model, std::vector<std::string> sockopts,
                        uint16_t port = 0, Protocol protocol = Protocol::Tcp) {
    ServerConfig c;
    c.model = model;
    c.listeners.front().service = "echo";
    c.listeners.front().protocol = protocol;
    c.listeners.front().port = port;
    for (const auto& s : sockopts) c.sockopts.push_back(parseSockopt(s));
    return c;
}

const SockoptReadback* entry(const std::vector<SockoptReadback>& all, const std::string& name,
                             bool accepted) {
    for (const auto& r : all)
        if (r.asked.name == name && r.accepted == accepted) return &r;
    return nullptr;
}

// One echo round trip: the server has accepted (and admitted) this client.
void echoOnce(Socket& c) {
    c.sendAll("ping", kIo);
    char buf[4];
    c.recvExact(buf, sizeof buf, kIo);
}

// The TIME-WAIT entries at `at` (the port number alone may be another
// address's too).
int timeWaitAt(const Address& at) {
    SocketQuery q;
    q.udp = false;
    q.localPort = at.port();
    int n = 0;
    for (const auto& e : querySockets(q)) n += e.state == TCP_TIME_WAIT && e.local == at.toString();
    return n;
}

// What a ClientConnection reported, in order.
class SockoptRecorder : public ClientObserver {
public:
    void onSockopts(const std::vector<SockoptReadback>& r) override {
        std::lock_guard lock(m);
        events.push_back("sockopts");
        readback = r;
    }
    void onConnected(const Address&, const Address&) override {
        std::lock_guard lock(m);
        events.push_back("connected");
    }
    std::vector<std::string> seen() {
        std::lock_guard lock(m);
        return events;
    }
    std::mutex m;
    std::vector<std::string> events;
    std::vector<SockoptReadback> readback;
};

}  // namespace

class tst_ServerSockopts : public QObject {
    Q_OBJECT

private slots:
    void noSockoptsNoReadback() {
        Server server(echoConfig("epoll", {}));
        server.start();
        Socket c = tcpConnect(server.addresses().front(), kIo);
        echoOnce(c);
        QVERIFY(server.sockoptReadback().empty());
    }

    void listenerGetsBeforeBindOptions() {
        Server server(echoConfig("epoll", {"SO_RCVBUF=4096", "TCP_NODELAY=on"}));
        QVERIFY(server.sockoptReadback().empty());  // not started
        server.start();
        const auto r = server.sockoptReadback();
        QCOMPARE(r.size(), size_t(1));  // TCP_NODELAY waits for an accepted socket
        QCOMPARE(r[0].asked.name, std::string("SO_RCVBUF"));
        QCOMPARE(r[0].readBack.value(), 8192);
        QCOMPARE(r[0].socket, std::string("echo/tcp"));
        QVERIFY(!r[0].accepted);
        // The accepted socket inherits the listener's buffer size.
        Socket c = tcpConnect(server.addresses().front(), kIo);
        echoOnce(c);
        QTRY_VERIFY(entry(server.sockoptReadback(), "TCP_NODELAY", true));
        QCOMPARE(server.sockoptReadback().size(), size_t(2));
    }

    // Every model, every accepted socket: TCP_NODELAY read back on, and
    // getsockopt on the server's descriptor agrees (not under fork: the
    // descriptor is the child's).
    void everyModelSetsNodelay_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("io");
        for (const char* m : {"iterative", "fork", "thread", "pool", "select", "poll", "epoll"})
            QTest::newRow(m) << m << int(IoMode::Blocking);
        for (const char* m : {"iterative", "fork", "thread", "pool"})
            QTest::newRow((std::string(m) + " poll io").c_str()) << m << int(IoMode::Poll);
    }
    void everyModelSetsNodelay() {
        QFETCH(QString, model);
        QFETCH(int, io);
        ServerConfig config = echoConfig(model.toStdString(), {"TCP_NODELAY=on", "SO_LINGER=2"});
        config.io = IoMode(io);
        Server server(config);
        server.start();
        Socket c = tcpConnect(server.addresses().front(), kIo);
        echoOnce(c);
        QTRY_VERIFY(entry(server.sockoptReadback(), "TCP_NODELAY", true));
        const auto r = server.sockoptReadback();
        QCOMPARE(entry(r, "TCP_NODELAY", true)->readBack.value(), 1);
        QCOMPARE(entry(r, "SO_LINGER", true)->readBack.value(), 2);
        QCOMPARE(entry(r, "TCP_NODELAY", true)->socket, std::string("echo/tcp"));
        QTRY_COMPARE(server.connections().size(), size_t(1));
        const ConnectionInfo info = server.connections().front();
        if (info.pid == ::getpid()) {
            int on = 0;
            socklen_t len = sizeof on;
            QCOMPARE(::getsockopt(info.fd, IPPROTO_TCP, TCP_NODELAY, &on, &len), 0);
            QCOMPARE(on, 1);
        }
        // A second client is served the same way (the read back stays the
        // first's). The iterative server serves one at a time: the first goes.
        c.close();
        Socket c2 = tcpConnect(server.addresses().front(), kIo);
        echoOnce(c2);
        QCOMPARE(server.sockoptReadback().size(), size_t(2));
    }

    // A UDP bound socket takes both kinds before bind; TCP-only ones are refused.
    void udpListenerGetsEverything() {
        Server server(echoConfig("epoll", {"SO_RCVBUF=8192", "SO_BROADCAST=on", "TCP_NODELAY=on"},
                                 0, Protocol::Udp));
        server.start();
        const auto r = server.sockoptReadback();
        QCOMPARE(r.size(), size_t(3));
        QCOMPARE(entry(r, "SO_RCVBUF", false)->readBack.value(), 16384);
        QCOMPARE(entry(r, "SO_BROADCAST", false)->readBack.value(), 1);
        QCOMPARE(entry(r, "TCP_NODELAY", false)->mismatch, SockoptMismatch::NeedsTcp);
        QCOMPARE(r[0].socket, std::string("echo/udp"));
        // It still serves.
        Socket c = udpSocket(AF_INET);
        c.sendTo("hi", server.addresses().front());
        char buf[8];
        const auto d = c.recvFrom(buf, sizeof buf, kIo);
        QVERIFY(d);
        QCOMPARE(d->size, size_t(2));
    }

    void clientReportsBeforeConnected_data() {
        QTest::addColumn<int>("io");
        QTest::newRow("blocking") << int(ClientIo::Blocking);
        QTest::newRow("poll") << int(ClientIo::Poll);
    }
    void clientReportsBeforeConnected() {
        QFETCH(int, io);
        Server server(echoConfig("epoll", {}));
        server.start();
        ClientConfig config;
        config.host = "127.0.0.1";
        config.port = server.addresses().front().port();
        config.io = ClientIo(io);
        config.sockopts = {parseSockopt("SO_SNDBUF=16k"), parseSockopt("TCP_NODELAY=on"),
                           parseSockopt("SO_SNDTIMEO=1500ms"), parseSockopt("SO_BROADCAST=on")};
        SockoptRecorder rec;
        ClientConnection client(config, &rec);
        client.start();
        QTRY_COMPARE(rec.seen().size(), size_t(2));
        QCOMPARE(rec.seen(), (std::vector<std::string>{"sockopts", "connected"}));
        client.stop();
        std::lock_guard lock(rec.m);
        QCOMPARE(rec.readback.size(), size_t(4));
        QCOMPARE(entry(rec.readback, "SO_SNDBUF", false)->readBack.value(), 32768);
        QCOMPARE(entry(rec.readback, "TCP_NODELAY", false)->readBack.value(), 1);
        // The blocking connect's own SO_SNDTIMEO did not replace the one asked.
        QCOMPARE(entry(rec.readback, "SO_SNDTIMEO", false)->readBack.value(), 1500);
        QCOMPARE(entry(rec.readback, "SO_BROADCAST", false)->mismatch, SockoptMismatch::NeedsUdp);
    }

    void reusePortSharesThePort() {
        Server a(echoConfig("epoll", {"SO_REUSEPORT=on"}));
        a.start();
        const uint16_t port = a.addresses().front().port();
        QCOMPARE(a.sockoptReadback().front().readBack.value(), 1);
        Server b(echoConfig("poll", {"SO_REUSEPORT=on"}, port));
        b.start();
        QCOMPARE(b.addresses().front().port(), port);
        Server c(echoConfig("poll", {}, port));
        try {
            c.start();
            QFAIL("a third server without SO_REUSEPORT bound the port");
        } catch (const Error& e) {
            QCOMPARE(e.err(), EADDRINUSE);
        }
    }

    // Restart on the same port while the last connection's TIME-WAIT entry
    // (the server closed first) is there.
    void restartAfterTimeWait_data() {
        QTest::addColumn<QStringList>("sockopts");
        QTest::addColumn<bool>("reuseAddr");
        QTest::addColumn<bool>("restarts");
        QTest::newRow("default") << QStringList() << true << true;
        QTest::newRow("SO_REUSEADDR=0") << QStringList{"SO_REUSEADDR=0"} << true << false;
        QTest::newRow("reuseAddr false (--no-reuseaddr)") << QStringList() << false << false;
        QTest::newRow("SO_REUSEADDR=1 overrides it")
            << QStringList{"SO_REUSEADDR=1"} << false << true;
    }
    void restartAfterTimeWait() {
        QFETCH(QStringList, sockopts);
        QFETCH(bool, reuseAddr);
        QFETCH(bool, restarts);
        auto first = std::make_unique<Server>(echoConfig("epoll", {}));
        first->start();
        const Address at = first->addresses().front();
        Socket c = tcpConnect(at, kIo);
        echoOnce(c);
        first->stop();  // the server's close goes first
        char buf[8];
        QVERIFY(c.recv(buf, sizeof buf, kIo).eof());
        c.close();  // the client's FIN: the server's side enters TIME-WAIT
        QTRY_VERIFY(timeWaitAt(at) >= 1);
        first.reset();

        std::vector<std::string> opts;
        for (const QString& s : sockopts) opts.push_back(s.toStdString());
        ServerConfig config = echoConfig("epoll", opts, at.port());
        config.reuseAddr = reuseAddr;
        Server again(config);
        if (restarts) {
            again.start();
            QCOMPARE(again.addresses().front().port(), at.port());
            if (!opts.empty()) QCOMPARE(again.sockoptReadback().front().readBack.value(), 1);
            return;
        }
        try {
            again.start();
            QFAIL("restarted while a TIME-WAIT entry holds the port");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.call()), QStringLiteral("bind"));
            QCOMPARE(e.err(), EADDRINUSE);
        }
        QVERIFY(!again.isRunning());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ServerSockopts)
#include "tst_server_sockopts.moc"
