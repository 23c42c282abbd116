// The course's own programs (tests/course/*.c, written from seeds 000 and
// 001 as a student writes them) against the workbench, and the workbench's
// clients against them: the course's time client against the clock service
// under every model over TCP and UDP (it prints "Server: <time> (19)" and
// stops at "Server: Au Revoir (9)", never hangs); course chat clients
// through the chat service (their bytes relayed byte for byte, a message
// without '\n' included); `sockwb client` against the course's time servers;
// `sockwb http` against the course's HTTP "Exercice 1" server, which closes
// without reading the request. Every process wait is bounded.

#include <poll.h>

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>
#include <memory>
#include <thread>

#include "core/client/clientswarm.h"
#include "core/net/socket.h"
#include "core/server/server.h"
#include "support/testmain.h"

using namespace sockwb;

namespace {

const QString kCourseDir = QStringLiteral(COURSE_BIN_DIR);
const QString kBinary = QStringLiteral(SOCKWB_BINARY);
constexpr int kWaitMs = 10000;

QString program(const char* name) { return kCourseDir + QLatin1Char('/') + QLatin1String(name); }

// A course program kept running for a test, killed when it goes out of
// scope (the course's servers run until killed).
class Course {
public:
    Course(const char* name, const QStringList& args) {
        proc_.start(program(name), args);
        proc_.waitForStarted(kWaitMs);
    }
    ~Course() {
        if (proc_.state() == QProcess::NotRunning) return;
        proc_.kill();
        proc_.waitForFinished(kWaitMs);
    }
    // Waits (bounded) for a whole line on stdout; "" when none came.
    QString readLine() {
        QDeadlineTimer deadline(kWaitMs);
        while (!proc_.canReadLine() && !deadline.hasExpired() && proc_.state() == QProcess::Running)
            proc_.waitForReadyRead(100);
        return proc_.canReadLine() ? QString::fromUtf8(proc_.readLine()) : QString();
    }
    // The port a course server prints: "Server listen on port : N".
    QString port() {
        static const QRegularExpression re(QStringLiteral("^Server listen on port : (\\d+)"));
        return re.match(readLine()).captured(1);
    }
    // Everything read from stdout so far, after a short wait for more
    // (for QTRY_*: it reads what arrived).
    QString readSome() {
        proc_.waitForReadyRead(20);
        out_ += proc_.readAllStandardOutput();
        return QString::fromUtf8(out_);
    }
    // Waits (bounded) for the end; the exit code, -2 when it had to be killed.
    int finish() {
        if (!proc_.waitForFinished(kWaitMs)) {
            proc_.kill();
            proc_.waitForFinished(kWaitMs);
            return -2;
        }
        out_ += proc_.readAllStandardOutput();
        return proc_.exitStatus() == QProcess::NormalExit ? proc_.exitCode() : -3;
    }
    QByteArray out() const { return out_; }
    QProcess& process() { return proc_; }

private:
    QProcess proc_;
    QByteArray out_;
};

struct Ran {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `sockwb args...` to the end (bounded).
Ran runSockwb(const QStringList& args) {
    QProcess p;
    p.start(kBinary, args);
    if (!p.waitForFinished(kWaitMs)) {
        p.kill();
        p.waitForFinished(kWaitMs);
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

std::unique_ptr<Server> startServer(const std::string& service, const std::string& model,
                                    Protocol protocol) {
    ServerConfig c;
    c.model = model;
    c.listeners = {ListenerConfig{service, protocol, "127.0.0.1", 0}};
    c.serviceOptions.ticks = 2;
    // TCP has no message boundaries: the course's client reads one message
    // per recv() only if it reads before the next one comes. 150 ms leaves
    // room for a busy machine; datagrams cannot merge, 50 ms is enough.
    c.serviceOptions.intervalMs = protocol == Protocol::Tcp ? 150 : 50;
    auto server = std::make_unique<Server>(c);
    server->start();
    return server;
}

const QString kTime = QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

}  // namespace

class tst_CoursePeers : public QObject {
    Q_OBJECT
private slots:
    void courseTimeClientAgainstClock_data();
    void courseTimeClientAgainstClock();
    void courseChatClientsThroughChat_data();
    void courseChatClientsThroughChat();
    void workbenchClientAgainstCourseTimeServer_data();
    void workbenchClientAgainstCourseTimeServer();
    void workbenchHttpAgainstExercise1();
    void workbenchHttpShowsPageBeforeReset();
    void workbenchChatBotAgainstCourseChatServer();
};

void tst_CoursePeers::courseTimeClientAgainstClock_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("udp");
    for (const auto& model : modelNames()) {
        for (bool udp : {false, true}) {
            if (!whyRefused(model, "clock", udp ? Protocol::Udp : Protocol::Tcp).empty()) continue;
            QTest::addRow("%s/%s", model.c_str(), udp ? "udp" : "tcp")
                << QString::fromStdString(model) << udp;
        }
    }
}

// The course's client stops only on exactly "Au Revoir": a terminator
// would make it print "(10)" (TCP) or wait forever (UDP).
void tst_CoursePeers::courseTimeClientAgainstClock() {
    QFETCH(QString, model);
    QFETCH(bool, udp);
    auto server = startServer("clock", model.toStdString(), udp ? Protocol::Udp : Protocol::Tcp);
    const QString port = QString::number(server->addresses().front().port());
    Course client("time_client", {udp ? "udp" : "tcp", "127.0.0.1", port});
    const int code = client.finish();
    const QString out = QString::fromUtf8(client.out());
    QCOMPARE(code, 0);
    const QRegularExpression expected(QStringLiteral("^(Server: %1 \\(19\\)\\n){2}"
                                                     "Server: Au Revoir \\(9\\)\\n$")
                                          .arg(kTime));
    QVERIFY2(expected.match(out).hasMatch(), qPrintable(out));
}

void tst_CoursePeers::courseChatClientsThroughChat_data() {
    QTest::addColumn<QString>("model");
    for (const auto& model : modelNames())
        if (whyRefused(model, "chat", Protocol::Tcp).empty())
            QTest::newRow(model.c_str()) << QString::fromStdString(model);
}

// Alice's lines reach Bob byte for byte, her last message without '\n' too.
void tst_CoursePeers::courseChatClientsThroughChat() {
    QFETCH(QString, model);
    auto server = startServer("chat", model.toStdString(), Protocol::Tcp);
    const QString port = QString::number(server->addresses().front().port());
    Course bob("chat_client", {"bob", port, "0"});
    Course alice("chat_client", {"alice", port, "0", "--quit-at-eof"});
    QCOMPARE(bob.readLine(), QStringLiteral("connected\n"));
    QCOMPARE(alice.readLine(), QStringLiteral("connected\n"));
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().active, uint64_t(2), kWaitMs);
    alice.process().write("salut bob\n");
    const QRegularExpression first(QStringLiteral("^\\[\\d+\\]alice:salut bob\\n$"));
    QTRY_VERIFY2_WITH_TIMEOUT(first.match(bob.readSome()).hasMatch(), bob.out().constData(),
                              kWaitMs);
    alice.process().write("sans fin de ligne");
    alice.process().closeWriteChannel();  // fgets returns the message without '\n'
    QCOMPARE(alice.finish(), 0);
    const QRegularExpression both(
        QStringLiteral("^\\[\\d+\\]alice:salut bob\\n\\[\\d+\\]alice:sans fin de ligne$"));
    QTRY_VERIFY2_WITH_TIMEOUT(both.match(bob.readSome()).hasMatch(), bob.out().constData(),
                              kWaitMs);
}

void tst_CoursePeers::workbenchClientAgainstCourseTimeServer_data() {
    QTest::addColumn<QString>("mode");
    QTest::newRow("tcp iterative") << QStringLiteral("tcp");
    QTest::newRow("tcp thread") << QStringLiteral("thread");
    QTest::newRow("udp") << QStringLiteral("udp");
}

// `sockwb client` says Bonjour and stops at "Au Revoir": what it prints
// is the server's bytes exactly, the times and "Au Revoir" glued together.
void tst_CoursePeers::workbenchClientAgainstCourseTimeServer() {
    QFETCH(QString, mode);
    Course server("time_server", {mode, "0", "2", "50"});
    const QString port = server.port();
    QVERIFY(!port.isEmpty());
    QStringList args = {"client", "127.0.0.1", port, "--send", "Bonjour", "--until", "Au Revoir"};
    if (mode == QLatin1String("udp"))
        args << "--protocol"
             << "udp";
    const Ran r = runSockwb(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QRegularExpression expected(QStringLiteral("^(%1){2}Au Revoir$").arg(kTime));
    QVERIFY2(expected.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
    QCOMPARE(server.readLine(), QStringLiteral("Client said: Bonjour\n"));
}

// The page is shown whether the server's close came as a FIN (exit 0) or,
// the request left unread, as an RST (exit 1, ECONNRESET after the page).
void tst_CoursePeers::workbenchHttpAgainstExercise1() {
    Course server("http_ex1_server", {"0"});
    const QString port = server.port();
    QVERIFY(!port.isEmpty());
    const Ran r = runSockwb({"http", QStringLiteral("http://127.0.0.1:%1/").arg(port)});
    QCOMPARE(r.out, QByteArrayLiteral("<h1>Hello World!</h1>"));
    if (r.exitCode != 0) {
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("ECONNRESET"), r.err.constData());
    }
    QCOMPARE(server.finish(), 0);
}

// Deterministic: the request has arrived and stays unread when the page is
// written and the socket closed, so the close is an RST. sockwb http writes
// the page, then the error, and exits 1.
void tst_CoursePeers::workbenchHttpShowsPageBeforeReset() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    std::thread server([&listener] {
        Socket::Accepted a = listener.accept();
        pollfd p{a.socket.fd(), POLLIN, 0};
        ::poll(&p, 1, kWaitMs);
        a.socket.sendAll("HTTP/1.1 200 OK\n\n<h1>Hello World!</h1>");
    });
    const Ran r = runSockwb(
        {"http", "-i", QStringLiteral("http://127.0.0.1:%1/").arg(listener.localAddress().port())});
    server.join();
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QByteArrayLiteral("HTTP/1.1 200 OK\r\n\r\n<h1>Hello World!</h1>"));
    QVERIFY2(r.err.contains("recv") && r.err.contains("ECONNRESET"), r.err.constData());
    QVERIFY2(r.err.contains("38 bytes of the response came before the error"), r.err.constData());
}

// The chat bots speak the course's format by default: a course client in
// the course's chat room reads "[time]bot1:message k\n".
void tst_CoursePeers::workbenchChatBotAgainstCourseChatServer() {
    Course server("chat_server", {"0"});
    const QString port = server.port();
    QVERIFY(!port.isEmpty());
    Course bob("chat_client", {"bob", port, "0"});
    QCOMPARE(bob.readLine(), QStringLiteral("connected\n"));
    SwarmConfig config;
    config.target.host = "127.0.0.1";
    config.target.port = static_cast<uint16_t>(port.toUInt());
    config.count = 1;
    config.scenario = Scenario::ChatBot;
    config.intervalMs = 50;
    ClientSwarm swarm(config);
    swarm.start();
    const QRegularExpression expected(QStringLiteral("^\\[\\d+\\]bot1:message 1\\n"));
    QTRY_VERIFY2_WITH_TIMEOUT(expected.match(bob.readSome()).hasMatch(), bob.out().constData(),
                              kWaitMs);
    swarm.stop();
}

SOCKWB_TEST_GUILESS_MAIN(tst_CoursePeers)
#include "tst_course_peers.moc"
