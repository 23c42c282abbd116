// Unix-domain listeners (AF_UNIX) under each concurrency model
// (initTestCase_data): echo over a stream socket, the clock over a datagram
// socket where the model serves UDP, the socket file present while serving
// and gone after stop, the peer shown as "unix:(unnamed)" (and a datagram
// peer with no name that cannot be answered, said so), a stale file
// replaced, a live one or a plain file refused, a path too long for sun_path
// refused before any call, and an abstract name. Every path lives in a
// QTemporaryDir.

#include <sys/stat.h>

#include <QtTest>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/unixsocket.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

bool isSocketFile(const QString& path) {
    struct stat st {};
    return ::lstat(path.toLocal8Bit().constData(), &st) == 0 && S_ISSOCK(st.st_mode);
}

bool exists(const QString& path) {
    struct stat st {};
    return ::lstat(path.toLocal8Bit().constData(), &st) == 0;
}

// Counts the socket calls made, to show that a refused path makes none.
class CallCounter final : public TraceObserver {
public:
    void onTrace(const TraceEvent& e) override {
        if (e.call != "thread_start") calls.fetch_add(1);
    }
    std::atomic<int> calls{0};
};

// Keeps the errors a server reports.
class ErrorRecorder final : public ServerObserver {
public:
    void onError(const ErrorInfo& e) override {
        std::lock_guard lock(mutex);
        errors.push_back(e);
    }
    std::vector<ErrorInfo> taken() {
        std::lock_guard lock(mutex);
        return errors;
    }
    std::mutex mutex;
    std::vector<ErrorInfo> errors;
};

// Allocates before it connects: under the fork model the server forks as
// the connection is accepted, and GCC's AddressSanitizer allocator has no
// fork handlers (glibc's malloc has), so a child forked while this thread
// held an allocator lock would wait on it for ever. The product's own
// threads allocate around fork too; the risk is written down in
// core/server/models/forkmodel.cpp.
std::string echoOver(const Address& to, const std::string& data) {
    std::string back(data.size(), '\0');
    Socket s = tcpConnect(to, Millis(5000));
    s.sendAll(data, Millis(5000));
    s.recvExact(back.data(), back.size(), Millis(5000));
    return back;
}

}  // namespace

class tst_UnixSockets : public QObject {
    Q_OBJECT

    ServerConfig config(const std::string& service, Protocol protocol, const QString& path) const {
        ServerConfig c;
        c.model = model_;
        c.listeners = {ListenerConfig{service, protocol, path.toStdString(), 0}};
        return c;
    }
    bool servesDatagrams() const {
        return model_ != "thread" && model_ != "pool" && model_ != "fork";
    }
    std::string model_;

private slots:
    void initTestCase_data();
    void init();
    void echoOverStream();
    void clockOverDatagrams();
    void unnamedPeerCannotBeAnswered();
    void staleFileReplaced();
    void liveSocketRefused();
    void plainFileKept();
    void pathTooLong();
    void abstractName();
};

void tst_UnixSockets::initTestCase_data() {
    QTest::addColumn<QString>("model");
    for (const auto& m : modelNames()) QTest::newRow(m.c_str()) << QString::fromStdString(m);
}

void tst_UnixSockets::init() {
    QFETCH_GLOBAL(QString, model);
    model_ = model.toStdString();
}

void tst_UnixSockets::echoOverStream() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("echo.sock");
    const int fds0 = test::countOpenFds();
    Server server(config("echo", Protocol::Unix, path));
    server.start();
    QVERIFY(isSocketFile(path));
    const Address at = server.addresses().at(0);
    QVERIFY(at.isUnix());
    QCOMPARE(QString::fromStdString(at.toString()), "unix:" + path);
    const std::string data = "Bonjour\n" + test::randomBytes(100000);
    QCOMPARE(echoOver(at, data) == data, true);
    // The first child gone and reaped before the next fork (see echoOver).
    QTRY_COMPARE_WITH_TIMEOUT(server.connections().size(), size_t(0), 10000);
    // A client that did not bind has no name: that is its peer address.
    Socket held = tcpConnect(at, Millis(5000));
    // Answered: it is being served, so registered (the iterative server has
    // finished with the first client).
    held.sendAll("x", Millis(5000));
    char x = 0;
    held.recvExact(&x, 1, Millis(10000));
    QTRY_COMPARE_WITH_TIMEOUT(server.connections().size(), size_t(1), 10000);
    const ConnectionInfo info = server.connections().front();
    QCOMPARE(QString::fromStdString(info.peer.toString()), QStringLiteral("unix:(unnamed)"));
    QCOMPARE(QString::fromStdString(info.listener), QStringLiteral("echo/unix"));
    held.close();
    server.stop();
    QVERIFY(!exists(path));
    QTRY_COMPARE(test::countOpenFds(), fds0);
}

void tst_UnixSockets::clockOverDatagrams() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("clock.sock");
    ServerConfig c = config("clock", Protocol::UnixDgram, path);
    c.serviceOptions.ticks = 2;
    c.serviceOptions.intervalMs = 50;
    if (!servesDatagrams()) {  // the same rules as UDP
        QVERIFY_THROWS_EXCEPTION(Error, Server{c});
        QVERIFY(!exists(path));
        return;
    }
    Server server(c);
    server.start();
    QVERIFY(isSocketFile(path));
    QCOMPARE(QString::fromStdString(server.addresses().at(0).toString()), "unix:" + path);
    Socket peer = unixDatagramClient();  // autobound: the server can answer
    QVERIFY(peer.localAddress().unixName().rfind('@', 0) == 0);
    peer.sendTo("Bonjour\n", server.addresses().at(0));
    int ticks = 0;
    bool goodbye = false;
    char buf[256];
    for (int i = 0; i < 10 && !goodbye; ++i) {
        auto d = peer.recvFrom(buf, sizeof buf, Millis(5000));
        QVERIFY2(d, "no datagram from the clock");
        QCOMPARE(QString::fromStdString(d->from.toString()), "unix:" + path);
        if (std::string_view(buf, d->size).substr(0, 9) == "Au Revoir")
            goodbye = true;
        else
            ++ticks;
    }
    QVERIFY(goodbye);
    QCOMPARE(ticks, 2);
    QCOMPARE(server.stats().datagramsIn, uint64_t(1));
    server.stop();
    QVERIFY(!exists(path));
}

void tst_UnixSockets::unnamedPeerCannotBeAnswered() {
    if (!servesDatagrams()) QSKIP("datagrams are served by iterative, select, poll and epoll");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("day.sock");
    ErrorRecorder recorder;
    Server server(config("daytime", Protocol::UnixDgram, path));
    server.setObserver(&recorder);
    server.start();
    // A client that never bound: its datagram arrives, the answer cannot leave.
    Socket unbound = Socket::create(AF_UNIX, SOCK_DGRAM);
    unbound.sendTo("?", server.addresses().at(0));
    QTRY_COMPARE(recorder.taken().size(), size_t(1));
    const ErrorInfo e = recorder.taken().front();
    QVERIFY2(e.call == "sendto", Error(e).what());
    QCOMPARE(e.err, EINVAL);
    QCOMPARE(QString::fromStdString(e.address), QStringLiteral("unix:(unnamed)"));
    QVERIFY2(QString::fromUtf8(Error(e).what()).contains("autobind"), Error(e).what());
    QCOMPARE(server.stats().datagramsIn, uint64_t(1));
    server.stop();
}

void tst_UnixSockets::staleFileReplaced() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("stale.sock");
    {
        // A server that died: the file stays, nobody is bound to it.
        Socket dead = Socket::create(AF_UNIX, SOCK_STREAM);
        dead.bind(Address::unixPath(path.toStdString()));
    }
    QVERIFY(isSocketFile(path));
    Server server(config("echo", Protocol::Unix, path));
    server.start();
    QCOMPARE(echoOver(server.addresses().at(0), "again\n"), std::string("again\n"));
    server.stop();
    QVERIFY(!exists(path));
}

void tst_UnixSockets::liveSocketRefused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("live.sock");
    Server first(config("echo", Protocol::Unix, path));
    first.start();
    Server second(config("echo", Protocol::Unix, path));
    try {
        second.start();
        QFAIL("a second server took a path in use");
    } catch (const Error& e) {
        QCOMPARE(e.err(), EADDRINUSE);
        QVERIFY2(QString::fromUtf8(e.what()).contains(path), e.what());
    }
    // The first one still serves, and its file is still there.
    QVERIFY(isSocketFile(path));
    QCOMPARE(echoOver(first.addresses().at(0), "still\n"), std::string("still\n"));
    first.stop();
    QVERIFY(!exists(path));
}

void tst_UnixSockets::plainFileKept() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("notes.txt");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep me");
    f.close();
    Server server(config("echo", Protocol::Unix, path));
    QVERIFY_THROWS_EXCEPTION(Error, server.start());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));
}

void tst_UnixSockets::pathTooLong() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QString(120, 'x') + ".sock");
    CallCounter counter;
    TraceScope scope(&counter);
    try {
        Server server(config("echo", Protocol::Unix, path));
        QFAIL("a path longer than sun_path was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InvalidInput);
        QCOMPARE(e.info().detailCode, DetailCode::BytesOverLimit);
        QCOMPARE(e.info().detailM, uint64_t(Address::kMaxUnixName));
        QVERIFY2(QString::fromUtf8(e.what()).contains("sun_path"), e.what());
    }
    QCOMPARE(counter.calls.load(), 0);
    QVERIFY(!exists(path));
}

void tst_UnixSockets::abstractName() {
    if (model_ != "epoll" && model_ != "iterative") QSKIP("one event and one blocking model");
    const QString name = QStringLiteral("@sockwb-test-%1-%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QString::fromStdString(model_));
    Server server(config("echo", Protocol::Unix, name));
    server.start();
    QCOMPARE(QString::fromStdString(server.addresses().at(0).toString()), "unix:" + name);
    QCOMPARE(echoOver(server.addresses().at(0), "abstract\n"), std::string("abstract\n"));
    server.stop();
}

SOCKWB_TEST_GUILESS_MAIN(tst_UnixSockets)
#include "tst_unix_sockets.moc"
