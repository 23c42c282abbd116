// The workspace file (widgets/workspace/workspacefile.h, docs/workspace.md):
// every field of every element survives save -> open, defaults stay out of
// the file, the file is written atomically. Reading older and hand-written
// files: tst_workspacefileread; the refusals: tst_workspacefileerrors.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "core/net/sockopt.h"
#include "support/testmain.h"
#include "widgets/workspace/workspacefile.h"

using namespace sockwb;

namespace {

// Every field set to something other than its default.
Workspace everyField() {
    Workspace w;
    w.lab.id = QStringLiteral("time-tcp");
    w.lab.title = {QStringLiteral("Time service"), QStringLiteral("Service de l'heure")};
    w.lab.explanation = {QStringLiteral("Three clients, one iterative server."), QString()};
    w.lab.question = {QStringLiteral("When does client 3 get its first answer?"),
                      QStringLiteral("Quand le client 3 reçoit-il sa première réponse ?")};
    w.lab.choices = {{QStringLiteral("At once"), QStringLiteral("Tout de suite")},
                     {QStringLiteral("After 5 s"), QString()},
                     {QString(), QStringLiteral("Après 10 s")}};
    w.lab.answer = 2;
    w.lab.observe = {QStringLiteral("The accept queue."), QStringLiteral("La file d'attente.")};

    WorkspaceServer s;
    s.name = QStringLiteral("time");
    s.autostart = false;
    s.expectAcceptedAtLeast = 3;
    s.expectMaxActiveAtMost = 1;
    ServerConfig& c = s.config;
    c.listeners = {ListenerConfig{"clock", Protocol::Tcp, "0.0.0.0", 5000},
                   ListenerConfig{"daytime", Protocol::Udp, "::1", 5001},
                   ListenerConfig{"echo", Protocol::Unix, "/tmp/echo.sock", 0}};
    c.model = "select";
    c.backlog = 16;
    c.poolSize = 8;
    c.loops = 3;
    c.maxConnections = 10;
    c.idleTimeoutMs = 3000;
    c.maxWorkers = 12;
    c.udpRepliesPerSecond = 7;
    c.memoryBudget = (uint64_t(1) << 40) + 1;
    c.reuseAddr = false;
    c.sockopts = {parseSockopt("SO_RCVBUF=4096"), parseSockopt("TCP_NODELAY=on"),
                  parseSockopt("SO_LINGER=0")};
    c.io = IoMode::Poll;
    c.outputLimit = OutputLimit{1 << 20, 512 << 10, 5};
    c.serviceOptions.ticks = 3;
    c.serviceOptions.intervalMs = 200;
    c.serviceOptions.terminator = Terminator::CrLf;
    c.serviceOptions.root = "/srv/www";
    c.serviceOptions.maxLine = 1024;
    c.serviceOptions.headerTimeoutMs = 1;
    c.serviceOptions.bodyTimeoutMs = 2;
    c.serviceOptions.keepAliveTimeoutMs = 0;
    c.tls = true;
    c.tlsOptions.certFile = "cert.pem";
    c.tlsOptions.keyFile = "key.pem";
    c.tlsOptions.certFolder = "/tmp/tls";
    c.tlsOptions.alpn = {"h2", "http/1.1"};
    c.tlsOptions.minVersion = tls::Version::Tls13;
    c.tlsOptions.maxVersion = tls::Version::Tls13;
    c.tlsOptions.sessionTickets = false;
    w.servers.push_back(s);
    WorkspaceServer second;
    second.name = QStringLiteral("web");
    second.config.listeners = {ListenerConfig{"http", Protocol::Tcp, "127.0.0.1", 0}};
    w.servers.push_back(second);

    WorkspaceRelay r;
    r.name = QStringLiteral("slow");
    r.targetServer = QStringLiteral("time");
    r.autostart = false;
    r.config.protocol = Protocol::Udp;
    r.config.listenHost = "::1";
    r.config.listenPort = 6000;
    r.config.targetHost = "10.0.0.1";
    r.config.targetPort = 7;
    DirectionFaults& up = r.config.up;
    up.latencyMs = {50, 10};
    up.latencyP = 0.5;
    up.bandwidthKBps = 64;
    up.sliceBytes = {100, 20};
    up.sliceDelayMs = 5;
    up.sliceP = 0.75;
    up.resetAfter = FaultLimit{FaultLimit::Unit::Bytes, 1000};
    up.closeAfter = FaultLimit{FaultLimit::Unit::Millis, 2000};
    up.limitP = 0.25;
    up.stall = true;
    up.dropP = 0.1;
    up.duplicateP = 0.2;
    up.reorderP = 0.3;
    r.config.down.latencyMs = {7, 0};
    r.config.down.closeAfter = FaultLimit{FaultLimit::Unit::Bytes, 0};
    r.config.maxConnections = 3;
    r.config.maxHeldBytes = 4096;
    r.config.udpFlowIdleMs = 1000;
    r.config.seed = (uint64_t(1) << 60) + 3;  // past 2^53: written as digits
    w.relays.push_back(r);

    WorkspaceClient k;
    k.name = QStringLiteral("client 1");
    k.target = QStringLiteral("time");
    k.listener = 1;
    k.config.protocol = Protocol::Udp;
    k.config.host = "localhost";
    k.config.port = 9;
    k.config.connectTimeout = Millis(1500);
    k.config.io = ClientIo::Poll;
    k.config.bind = ClientBind{"127.0.0.2", 4000};
    k.config.recvSize = 512;
    k.config.sockopts = {parseSockopt("SO_BROADCAST=on")};
    k.config.tls = true;
    k.config.tlsOptions.insecure = true;
    k.config.tlsOptions.caFile = "ca.pem";
    k.config.tlsOptions.certFile = "client.pem";
    k.config.tlsOptions.keyFile = "client.key";
    k.config.tlsOptions.alpn = {};
    k.config.tlsOptions.minVersion = tls::Version::Tls13;
    k.config.tlsOptions.resumeSessions = false;
    k.config.tlsServerName = "example.org";
    k.framing = Framing::Len32;
    k.connectAfterMs = -1;
    using K = ScriptStep::Kind;
    k.script = {ScriptStep{K::Send, "Bonjour\n", 250, 5000, -1},
                ScriptStep{K::Expect, "Au Revoir", 0, 8000, 2000},
                ScriptStep{K::Wait, "", 100, 5000, -1},
                ScriptStep{K::Send, std::string("\xff\x00\\x", 4), 0, 7, 3},
                ScriptStep{K::Close, "", 10, 5000, -1},
                ScriptStep{K::ExpectClose, "", 0, 300, 0}};
    k.window = {QRect(10, 20, 300, 200), false};
    w.clients.push_back(k);
    WorkspaceClient k2;
    k2.name = QStringLiteral("client 2");
    k2.target = QStringLiteral("slow");
    k2.framing = Framing::Line;
    k2.connectAfterMs = 1200;
    w.clients.push_back(k2);
    WorkspaceClient k3;  // no target: host and port as written
    k3.name = QStringLiteral("client 3");
    k3.config.protocol = Protocol::UnixDgram;
    k3.config.host = "/tmp/x.sock";
    k3.config.bind = ClientBind{"", 7000};
    w.clients.push_back(k3);

    WorkspaceComposer m;
    m.request.name = "hello";
    m.request.method = "POST";
    m.request.url = "http://${web}/echo";
    m.request.headers = {{true, "X-Lab", "1"}, {false, "X-Off", "2"}};
    m.request.bodyType = ComposerRequest::BodyType::Json;
    m.request.rawText = "{\"a\": 1}";
    m.request.timeoutMs = 1000;
    m.request.autoHeaders[0].enabled = false;
    m.request.resolve = {"example.org:80:127.0.0.1"};
    ComposerRequest other;
    other.url = "http://${web}/";
    m.collection = {other, ComposerRequest{}};
    m.expect = {201, QStringLiteral("ok")};
    m.run = true;
    m.sendAfterMs = 250;
    m.window = {QRect(0, 0, 640, 480), true};
    w.composers.push_back(m);
    w.composers.push_back(WorkspaceComposer{});

    w.layout.mainGeometry = QByteArray("\x01\x02geometry\xff", 11);
    w.layout.mainState = QByteArray("state");
    w.layout.currentPanel = QStringLiteral("time");
    w.layout.traceDock = true;
    w.layout.logDock = false;
    w.layout.sequenceWindow = true;
    w.layout.socketTable = true;
    w.runTimeoutMs = 12000;
    return w;
}

QJsonObject objectOf(const QByteArray& json) { return QJsonDocument::fromJson(json).object(); }

}  // namespace

class tst_WorkspaceFile : public QObject {
    Q_OBJECT

private slots:
    void everyFieldRoundTrips() {
        const Workspace original = everyField();
        const QByteArray json = workspaceToJson(original);
        const WorkspaceReadResult read = workspaceFromJson(json);
        QVERIFY2(read.workspace, qPrintable(read.error));
        QVERIFY2(read.notes.isEmpty(), qPrintable(read.notes.join(QLatin1Char('\n'))));
        QVERIFY2(*read.workspace == original, json.constData());
        // Written again, the same text: the order is stable.
        QCOMPARE(workspaceToJson(*read.workspace), json);
        // Each part on its own, so a failure says which.
        QVERIFY(read.workspace->lab == original.lab);
        QVERIFY(read.workspace->servers == original.servers);
        QVERIFY(read.workspace->relays == original.relays);
        QVERIFY(read.workspace->clients == original.clients);
        QVERIFY(read.workspace->composers == original.composers);
        QVERIFY(read.workspace->layout == original.layout);
    }

    void aChangedFieldIsSeen() {
        // The round trip's == must be able to fail: a field dropped on the
        // way would be caught.
        Workspace a = everyField();
        Workspace b = a;
        b.relays[0].config.down.reorderP = 0.5;
        QVERIFY(!(a == b));
        b = a;
        b.clients[0].script[3].minAfterMs = 4;
        QVERIFY(!(a == b));
        b = a;
        b.servers[0].config.loops = 2;
        QVERIFY(!(a == b));
    }

    void saveThenLoad() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("lab.sockwb"));
        const Workspace original = everyField();
        QString error;
        QVERIFY2(saveWorkspace(original, path, &error), qPrintable(error));
        const WorkspaceReadResult read = loadWorkspace(path);
        QVERIFY2(read.workspace, qPrintable(read.error));
        QVERIFY(*read.workspace == original);
        // Saving over it replaces it whole, with no temporary file left beside.
        Workspace changed = original;
        changed.runTimeoutMs = 500;
        QVERIFY2(saveWorkspace(changed, path, &error), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("lab.sockwb")});
        QCOMPARE(loadWorkspace(path).workspace->runTimeoutMs, 500);
    }

    void saveToAnUnwritableFolderNamesTheFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile plain(dir.filePath(QStringLiteral("notafolder")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        // A folder that is a file: refused even to root.
        const QString path = dir.filePath(QStringLiteral("notafolder/lab.sockwb"));
        QString error;
        QVERIFY(!saveWorkspace(everyField(), path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot save ") + path + QStringLiteral(": ")),
                 qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("notafolder")});
    }

    void loadingAMissingFileNamesIt() {
        const QString path = QStringLiteral("/nonexistent/lab.sockwb");
        const WorkspaceReadResult read = loadWorkspace(path);
        QVERIFY(!read.workspace);
        QVERIFY2(read.error.startsWith(QStringLiteral("cannot open /nonexistent/lab.sockwb: ")),
                 qPrintable(read.error));
    }

    void loadErrorsNameTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.sockwb"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "sockwb-workspace", "version": 2, "servers": [{"model": "fibre"}]})");
        f.close();
        QCOMPARE(loadWorkspace(path).error,
                 path + QStringLiteral(": servers[0].model: unknown model 'fibre' (iterative, "
                                       "fork, thread, pool, select, poll, epoll, io_uring)"));
    }

    void defaultsAreLeftOut() {
        QCOMPARE(workspaceToJson(Workspace{}),
                 QByteArray("{\n  \"format\": \"sockwb-workspace\",\n  \"version\": 2\n}\n"));
        Workspace w;
        w.servers.push_back(WorkspaceServer{});
        w.servers[0].name = QStringLiteral("time");
        w.servers[0].config.model = "iterative";
        w.servers[0].config.listeners[0].service = "clock";
        WorkspaceClient c;
        c.name = QStringLiteral("client 1");
        c.target = QStringLiteral("time");
        c.script = {ScriptStep{ScriptStep::Kind::Send, "Bonjour\n", 0, 5000, -1}};
        w.clients.push_back(c);
        w.composers.push_back(WorkspaceComposer{});
        const QJsonObject o = objectOf(workspaceToJson(w));
        QCOMPARE(o.value("servers").toArray().at(0).toObject(),
                 (QJsonObject{{"name", "time"},
                              {"model", "iterative"},
                              {"listeners", QJsonArray{QJsonObject{{"service", "clock"}}}}}));
        QCOMPARE(
            o.value("clients").toArray().at(0).toObject(),
            (QJsonObject{
                {"name", "client 1"},
                {"target", "time"},
                {"script", QJsonArray{QJsonObject{{"kind", "send"}, {"bytes", "Bonjour\n"}}}}}));
        QCOMPARE(o.value("composers").toArray().at(0).toObject(),
                 (QJsonObject{{"request", QJsonObject{}}}));
        QCOMPARE(o.keys(), (QStringList{"clients", "composers", "format", "servers", "version"}));
    }

    void keysComeInTheSchemasOrder() {
        const QByteArray json = workspaceToJson(everyField());
        QVERIFY(json.startsWith("{\n  \"format\": \"sockwb-workspace\",\n  \"version\": 2,\n"));
        const QList<QByteArray> order = {"\"lab\"",           "\"servers\"",   "\"relays\"",
                                         "\"clients\"",       "\"composers\"", "\"layout\"",
                                         "\"run_timeout_ms\""};
        qsizetype at = 0;
        for (const QByteArray& key : order) {
            const qsizetype next = json.indexOf("\n  " + key, at);
            QVERIFY2(next > at, key.constData());
            at = next;
        }
        // An element starts with its name; a list of plain values is one line.
        QVERIFY(json.contains("{\n      \"name\": \"time\",\n"));
        QVERIFY(json.contains("\"alpn\": [\"h2\", \"http/1.1\"]"));
        QVERIFY(json.contains("\"geometry\": [10, 20, 300, 200]"));
    }

    void bytesThatAreNotUtf8RoundTrip() {
        Workspace w;
        WorkspaceClient c;
        c.name = QStringLiteral("binary");
        const std::string binary("caf\xe9\x00\xff\\n\r\n", 10);  // Latin-1 é, NUL, backslash
        c.script = {ScriptStep{ScriptStep::Kind::Send, binary, 0, 5000, -1},
                    ScriptStep{ScriptStep::Kind::Send, "café\t\n", 0, 5000, -1},
                    ScriptStep{ScriptStep::Kind::Expect, std::string("\0ok", 3), 0, 5000, -1}};
        w.clients.push_back(c);
        const QByteArray json = workspaceToJson(w);
        const QJsonArray script =
            objectOf(json).value("clients").toArray().at(0).toObject().value("script").toArray();
        QCOMPARE(script.at(0).toObject().value("bytes_escaped").toString(),
                 QStringLiteral("caf\\xe9\\x00\\xff\\\\n\\r\\n"));
        QVERIFY(!script.at(0).toObject().contains("bytes"));
        // Valid UTF-8 stays readable text (JSON's own escapes carry \n, \t, NUL).
        QCOMPARE(script.at(1).toObject().value("bytes").toString(), QStringLiteral("café\t\n"));
        QCOMPARE(script.at(2).toObject().value("bytes").toString(), QString(QChar(0)) + "ok");
        const WorkspaceReadResult read = workspaceFromJson(json);
        QVERIFY2(read.workspace, qPrintable(read.error));
        QCOMPARE(read.workspace->clients[0].script[0].bytes, binary);
        QVERIFY(*read.workspace == w);
    }
};

SOCKWB_TEST_MAIN(tst_WorkspaceFile)
#include "tst_workspacefile.moc"
