// Export as code for a client window and a composer request: each program
// is written into a temporary folder, compiled with `cc -Wall -Wextra
// -Werror` (C) or checked by python3, and run against the workbench's own
// core Server on port 0: the echo service gives the client's sends back and
// the program exits 0; the clock's "Au Revoir" is met; an expectation never
// met exits 1 within its bound; UDP and Unix-stream echo; bytes sent as written; bytes
// with NUL arrive intact; the http service's 200 and body (Content-Length
// and chunked), and the refusals (https, TLS, a UDP expect-close). The whole
// suite runs once for C and once for Python (initTestCase_data). Every
// process wait is bounded.

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "core/codegen/codeexport.h"
#include "core/codegen/codeliterals.h"
#include "core/net/error.h"
#include "core/net/framing.h"
#include "core/server/server.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::codegen;

Q_DECLARE_METATYPE(sockwb::codegen::Language)

namespace {

constexpr int kWaitMs = 20000;

struct Ran {
    int exitCode = -1;  // -2: killed after kWaitMs; -3: crashed
    QByteArray out;
    QByteArray err;
};

std::unique_ptr<Server> startServer(const std::string& service, Protocol protocol = Protocol::Tcp) {
    ServerConfig c;
    c.model = protocol == Protocol::Udp ? "epoll" : "thread";
    c.listeners = {ListenerConfig{service, protocol, "127.0.0.1", 0}};
    c.serviceOptions.ticks = 2;
    c.serviceOptions.intervalMs = 50;
    auto server = std::make_unique<Server>(c);
    server->start();
    return server;
}

ScriptStep send(std::string bytes, int delayMs = 0) {
    ScriptStep s;
    s.kind = ScriptStep::Kind::Send;
    s.bytes = std::move(bytes);
    s.delayMs = delayMs;
    return s;
}

ScriptStep expect(std::string bytes, int withinMs = 5000) {
    ScriptStep s;
    s.kind = ScriptStep::Kind::Expect;
    s.bytes = std::move(bytes);
    s.withinMs = withinMs;
    return s;
}

ScriptStep step(ScriptStep::Kind kind, int ms = 0) {
    ScriptStep s;
    s.kind = kind;
    s.delayMs = ms;
    s.withinMs = ms > 0 ? ms : 5000;
    return s;
}

ClientConfig target(const Server& server, Protocol protocol = Protocol::Tcp) {
    ClientConfig c;
    c.protocol = protocol;
    c.host = "127.0.0.1";
    c.port = server.addresses().front().port();
    return c;
}

}  // namespace

class tst_ClientExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void echoScriptExitsZero();
    void clockAuRevoirThenClose();
    void unmetExpectationExitsOne();
    void serverClosingFirstFailsExpectation();
    void udpEcho();
    void unixStreamEcho();
    void len32ScriptBytesSentAsWritten();
    void binaryBytesArriveIntact();
    void defaultClientReadsUntilClose();
    void httpRequest_data();
    void httpRequest();
    void refusals();
    void literals();

private:
    // Writes the program, builds it (C) and runs it with args; bounded.
    Ran run(const ExportedProgram& program, const QStringList& args);
    Ran runClient(const ClientConfig& config, Framing framing, const std::vector<ScriptStep>& steps,
                  const Server& server);
    Language language() const;

    QTemporaryDir dir_;
    int built_ = 0;
    Language language_ = Language::C;
};

void tst_ClientExport::initTestCase_data() {
    QTest::addColumn<Language>("language");
    QTest::newRow("c") << Language::C;
    QTest::newRow("python") << Language::Python;
}

void tst_ClientExport::initTestCase() { QVERIFY(dir_.isValid()); }

void tst_ClientExport::init() {
    QFETCH_GLOBAL(Language, language);
    language_ = language;
}

Language tst_ClientExport::language() const { return language_; }

Ran tst_ClientExport::run(const ExportedProgram& program, const QStringList& args) {
    const QString sub = dir_.filePath(QString::number(++built_));
    if (!QDir().mkpath(sub)) return {};
    const QString file = sub + QLatin1Char('/') + QString::fromStdString(program.fileName);
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(QByteArray::fromStdString(program.source));
    f.close();
    QString exe;
    QStringList exeArgs;
    if (program.language == Language::C) {
        const QString cc = QStandardPaths::findExecutable(QStringLiteral("cc"));
        if (cc.isEmpty()) return {-10, {}, {}};
        QProcess build;
        const QString bin = sub + QStringLiteral("/program");
        build.start(cc, {QStringLiteral("-Wall"), QStringLiteral("-Wextra"),
                         QStringLiteral("-Werror"), QStringLiteral("-o"), bin, file});
        if (!build.waitForFinished(kWaitMs) || build.exitCode() != 0)
            return {-4, build.readAllStandardOutput(), build.readAllStandardError()};
        exe = bin;
    } else {
        exe = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (exe.isEmpty()) return {-10, {}, {}};
        exeArgs << file;
    }
    QProcess p;
    p.start(exe, exeArgs + args);
    if (!p.waitForFinished(kWaitMs)) {
        p.kill();
        p.waitForFinished(kWaitMs);
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Ran tst_ClientExport::runClient(const ClientConfig& config, Framing framing,
                                const std::vector<ScriptStep>& steps, const Server& server) {
    const ExportedProgram program = exportClient(config, framing, steps, language());
    return run(program,
               {QStringLiteral("127.0.0.1"), QString::number(server.addresses().front().port())});
}

#define SKIP_WITHOUT_TOOL(ran)                                                           \
    do {                                                                                 \
        if ((ran).exitCode == -10) QSKIP("no compiler (cc) or python3 on this machine"); \
        QVERIFY2((ran).exitCode != -4, (ran).err.constData());                           \
    } while (false)

// The sends come back from the echo service; every expectation is met.
void tst_ClientExport::echoScriptExitsZero() {
    auto server = startServer("echo");
    const Ran r = runClient(target(*server), Framing::Line,
                            {send("hello\n"), expect("hello"), send("bye\n", 50), expect("bye"),
                             step(ScriptStep::Kind::Close)},
                            *server);
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("hello\nbye\n"));
    QVERIFY2(r.err.contains("expectation met"), r.err.constData());
}

// The course's time service: N times, "Au Revoir" (no terminator), close.
void tst_ClientExport::clockAuRevoirThenClose() {
    auto server = startServer("clock");
    const Ran r = runClient(
        target(*server), Framing::Raw,
        {send("Bonjour"), expect("Au Revoir"), step(ScriptStep::Kind::ExpectClose)}, *server);
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.endsWith("Au Revoir"), r.out.constData());
}

// "pong" never comes from an echo of "ping": exit 1 once 300 ms passed.
void tst_ClientExport::unmetExpectationExitsOne() {
    auto server = startServer("echo");
    const Ran r =
        runClient(target(*server), Framing::Raw, {send("ping"), expect("pong", 300)}, *server);
    SKIP_WITHOUT_TOOL(r);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QByteArray("ping"));
    QVERIFY2(r.err.contains("not received within 300 ms"), r.err.constData());
}

// The clock closes after "Au Revoir": a text that never came fails at once.
void tst_ClientExport::serverClosingFirstFailsExpectation() {
    auto server = startServer("clock");
    const Ran r = runClient(target(*server), Framing::Raw,
                            {send("Bonjour"), expect("never", 15000)}, *server);
    SKIP_WITHOUT_TOOL(r);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("closed the connection before"), r.err.constData());
}

void tst_ClientExport::udpEcho() {
    auto server = startServer("echo", Protocol::Udp);
    const Ran r =
        runClient(target(*server, Protocol::Udp), Framing::Raw,
                  {send("ping"), expect("ping"), send("again", 20), expect("again")}, *server);
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("pingagain"));
}

// AF_UNIX: the server's socket path instead of an address and a port.
void tst_ClientExport::unixStreamEcho() {
    const std::string path = dir_.filePath(QStringLiteral("echo.sock")).toStdString();
    ServerConfig c;
    c.model = "thread";
    c.listeners = {ListenerConfig{"echo", Protocol::Unix, path, 0}};
    Server server(c);
    server.start();
    ClientConfig config;
    config.protocol = Protocol::Unix;
    config.host = path;
    const ExportedProgram program =
        exportClient(config, Framing::Raw, {send("over unix"), expect("over unix")}, language());
    const Ran r = run(program, {QString::fromStdString(path)});
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("over unix"));
}

// A script's bytes go out as written, as the window sends them, whatever the
// framing (it only cuts what is received): no 4-byte length is added.
void tst_ClientExport::len32ScriptBytesSentAsWritten() {
    auto server = startServer("echo");
    const Ran r =
        runClient(target(*server), Framing::Len32, {send("payload"), expect("payload")}, *server);
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("payload"));
}

// NUL, high bytes, quotes, backslashes, "??" and "*/" survive the literal.
void tst_ClientExport::binaryBytesArriveIntact() {
    const std::string bytes(
        "a\0b\xff\x01\"\\?\?=*/\r\n\x7f"
        "9",
        15);
    auto server = startServer("echo");
    const Ran r = runClient(target(*server), Framing::Raw, {send(bytes), expect(bytes)}, *server);
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray::fromStdString(bytes));
}

// No script: the course's client says "Bonjour" and prints until the close.
void tst_ClientExport::defaultClientReadsUntilClose() {
    auto server = startServer("clock");
    const Ran r = runClient(target(*server), Framing::Raw, {}, *server);
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QRegularExpression expected(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d){2}Au Revoir$"));
    QVERIFY2(expected.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
}

void tst_ClientExport::httpRequest_data() {
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QByteArray pattern;  // the service's /bytes/N: byte i is i mod 256
    for (int i = 0; i < 300; ++i) pattern += char(i % 256);
    QTest::newRow("content-length") << QByteArray("/bytes/300") << pattern;
    QTest::newRow("chunked") << QByteArray("/chunked/300") << QByteArray();
    QTest::newRow("hello page") << QByteArray("/") << QByteArray("</html>");
}

// Keep-alive: the program stops at the response's end, not at a close.
void tst_ClientExport::httpRequest() {
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    auto server = startServer("http");
    const uint16_t port = server->addresses().front().port();
    const std::string request = "GET " + target.toStdString() +
                                " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nUser-Agent: export\r\n\r\n";
    const ExportedProgram program =
        exportHttpRequest("127.0.0.1", port, false, request, language());
    const Ran r = run(program, {QStringLiteral("127.0.0.1"), QString::number(port)});
    SKIP_WITHOUT_TOOL(r);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.startsWith("HTTP/1.1 200"), r.out.constData());
    if (target.startsWith("/chunked"))
        QVERIFY2(r.out.endsWith("0\r\n\r\n"), r.out.constData());
    else if (target == "/")
        QVERIFY2(r.out.trimmed().endsWith(body), r.out.constData());
    else
        QVERIFY2(r.out.endsWith("\r\n\r\n" + body), r.out.constData());
    QTRY_COMPARE_WITH_TIMEOUT(server->stats().requests, uint64_t(1), kWaitMs);
}

void tst_ClientExport::refusals() {
    const auto refused = [](auto&& f) {
        try {
            f();
        } catch (const Error& e) {
            return e.kind() == ErrorKind::InvalidInput && !e.explanation().empty();
        }
        return false;
    };
    QVERIFY(refused([&] {
        exportHttpRequest("example.com", 443, true, "GET / HTTP/1.1\r\n\r\n", language());
    }));
    ClientConfig tls;
    tls.tls = true;
    QVERIFY(refused([&] { exportClient(tls, Framing::Raw, {}, language()); }));
    ClientConfig udp;
    udp.protocol = Protocol::Udp;
    QVERIFY(refused([&] {
        exportClient(udp, Framing::Raw, {send("x"), step(ScriptStep::Kind::ExpectClose)},
                     language());
    }));
    // What is left out is said, in the list and in the source.
    ClientConfig poll;
    poll.port = 7;
    poll.io = ClientIo::Poll;
    poll.sockopts = {SockoptSetting{"SO_RCVBUF", 4096}};
    const ExportedProgram p = exportClient(poll, Framing::Raw, {}, language());
    QCOMPARE(p.omissions.size(), size_t(2));
    QVERIFY(p.source.find("SO_RCVBUF") != std::string::npos);
    QVERIFY(!p.runCommand.empty());
}

// The literals' escapes and the course's calls in the C source.
void tst_ClientExport::literals() {
    if (language() != Language::C) QSKIP("the C source only");
    QCOMPARE(cLiteral(std::string("a\0"
                                  "1",
                                  3)),
             std::string("\"a\\0001\""));
    QCOMPARE(cLiteral("?\?="), std::string("\"?\\?=\""));
    QCOMPARE(cLiteral("a\nb", "  "), std::string("\"a\\n\"\n  \"b\""));
    QCOMPARE(pythonLiteral(std::string("\xff\"", 2)), std::string("b\"\\xff\\\"\""));
    QCOMPARE(commentText("*/x"), std::string("* /x"));
    ClientConfig c;
    c.port = 7007;
    const ExportedProgram p = exportClient(c, Framing::Raw, {send("x"), expect("x")}, Language::C);
    for (const char* call : {"socket(AF_INET, SOCK_STREAM, 0)", "htons(", "inet_pton(AF_INET",
                             "perror(\"connect\")", "send(sockfd", "recv(sockfd", "close(sockfd)"})
        QVERIFY2(p.source.find(call) != std::string::npos, call);
    QCOMPARE(p.fileName, std::string("tcp_client.c"));
    QCOMPARE(p.runCommand, std::string("./tcp_client 127.0.0.1 7007"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_ClientExport)
#include "tst_clientexport.moc"
