// Reading the workspace files people write and keep
// (widgets/workspace/workspacefile.h, docs/workspace.md): a version 1 file
// is upgraded, a newer version refused, unknown keys only noted (forward
// compatible), the command line's spellings accepted, and the complete
// example of docs/workspace.md reads as it says.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest/QtTest>

#include "support/testmain.h"
#include "widgets/workspace/workspacefile.h"

using namespace sockwb;

namespace {
QJsonObject objectOf(const QByteArray& json) { return QJsonDocument::fromJson(json).object(); }
}  // namespace

// moc reads this declaration only: it cannot parse the raw string
// literals of the test data below.
#ifdef Q_MOC_RUN
class tst_WorkspaceFileRead : public QObject {
    Q_OBJECT

private slots:
    void upgradesVersion1();
    void versionTwoIsNotUpgraded();
    void refusesANewerVersion();
    void unknownKeysAreNotedNotRefused();
    void theCommandLinesFormsAreRead();
    void theDocumentedExampleReads();
};
#else
class tst_WorkspaceFileRead : public QObject {
    Q_OBJECT

private slots:
    void upgradesVersion1() {
        // A file of the first draft: one listener flat on the server, sends as texts.
        const QByteArray v1 = R"({
  "format": "sockwb-workspace",
  "version": 1,
  "servers": [
    {"name": "time", "service": "clock", "protocol": "tcp", "port": 0, "model": "iterative"},
    {"name": "plain"}
  ],
  "clients": [
    {"name": "client 1", "target": "time", "sends": ["Bonjour\n", "encore"]},
    {"name": "client 2", "target": "time"}
  ]
})";
        const WorkspaceReadResult read = workspaceFromJson(v1);
        QVERIFY2(read.workspace, qPrintable(read.error));
        QCOMPARE(read.notes, QStringList{QStringLiteral("upgraded from version 1")});
        const Workspace& w = *read.workspace;
        QCOMPARE(w.schemaVersion, 2);
        QCOMPARE(w.servers.size(), size_t(2));
        const std::vector<ListenerConfig> clock = {{"clock", Protocol::Tcp, "127.0.0.1", 0}};
        QVERIFY(w.servers[0].config.listeners == clock);
        QCOMPARE(w.servers[0].config.model, std::string("iterative"));
        QVERIFY(w.servers[1].config.listeners == ServerConfig{}.listeners);
        using K = ScriptStep::Kind;
        QVERIFY(w.clients[0].script ==
                (std::vector<ScriptStep>{ScriptStep{K::Send, "Bonjour\n", 500},
                                         ScriptStep{K::Send, "encore", 500}}));
        QVERIFY(w.clients[1].script.empty());

        // The upgrade step alone rewrites the object into version 2's form.
        QJsonObject o = objectOf(v1);
        QStringList notes;
        QString error;
        QVERIFY(upgradeWorkspaceObject(o, &notes, &error));
        QCOMPARE(o.value("version").toInt(), 2);
        const QJsonObject server = o.value("servers").toArray().at(0).toObject();
        QVERIFY(!server.contains("service"));
        QCOMPARE(server.value("listeners").toArray().at(0).toObject(),
                 (QJsonObject{{"service", "clock"}, {"protocol", "tcp"}, {"port", 0}}));
        const QJsonObject client = o.value("clients").toArray().at(0).toObject();
        QVERIFY(!client.contains("sends"));
        QCOMPARE(client.value("script").toArray().size(), 2);
        // Saved again, it is a version 2 file.
        QCOMPARE(objectOf(workspaceToJson(w)).value("version").toInt(), 2);
    }

    void versionTwoIsNotUpgraded() {
        Workspace w;
        w.servers.push_back(WorkspaceServer{});
        w.servers[0].config.listeners[0].service = "clock";
        w.clients.push_back(WorkspaceClient{});
        w.clients[0].script = {ScriptStep{}};
        QJsonObject o = workspaceToObject(w);
        const QJsonObject before = o;
        QStringList notes;
        QString error;
        QVERIFY(upgradeWorkspaceObject(o, &notes, &error));
        QVERIFY(notes.isEmpty());
        QCOMPARE(o, before);
    }

    void refusesANewerVersion() {
        const WorkspaceReadResult read =
            workspaceFromJson(R"({"format": "sockwb-workspace", "version": 3, "servers": []})");
        QVERIFY(!read.workspace);
        QCOMPARE(read.error, QStringLiteral("version: made by a newer Socket Workbench (version "
                                            "3); this one reads up to 2"));
        QJsonObject o{{"format", "sockwb-workspace"}, {"version", 7}};
        QString error;
        QVERIFY(!upgradeWorkspaceObject(o, nullptr, &error));
        QVERIFY2(error.contains("(version 7)"), qPrintable(error));
    }

    void unknownKeysAreNotedNotRefused() {
        const WorkspaceReadResult read = workspaceFromJson(R"({
  "format": "sockwb-workspace", "version": 2, "colour": "blue",
  "servers": [{"name": "time", "wings": 2, "listeners": [{"service": "echo", "tint": 1}]}],
  "clients": [{"name": "c", "script": [{"kind": "wait", "delay_ms": 5, "mood": "calm"}]}],
  "composers": [{"request": {"url": "http://x/", "future": true}}],
  "lab": {"title": {"en": "T", "de": "T"}}
})");
        QVERIFY2(read.workspace, qPrintable(read.error));
        QCOMPARE(read.workspace->servers[0].name, QStringLiteral("time"));
        QCOMPARE(read.workspace->clients[0].script[0].delayMs, 5);
        QCOMPARE(read.workspace->composers[0].request.url, std::string("http://x/"));
        QStringList notes = read.notes;
        notes.sort();
        QCOMPARE(notes, (QStringList{"clients[0].script[0].mood: unknown key, ignored",
                                     "colour: unknown key, ignored",
                                     "composers[0].request.future: unknown key, ignored",
                                     "lab.title.de: unknown key, ignored",
                                     "servers[0].listeners[0].tint: unknown key, ignored",
                                     "servers[0].wings: unknown key, ignored"}));
    }

    void theCommandLinesFormsAreRead() {
        // A hand-written lab may use the CLI's spellings; they are written
        // back as numbers.
        const WorkspaceReadResult read = workspaceFromJson(R"({
  "format": "sockwb-workspace", "version": 2,
  "servers": [{"name": "s", "output_limit": "8M,2M,60"}],
  "relays": [{"name": "r", "up": {"latency_ms": "50±10", "reset_after": "64k", "drop_p": "25%"},
              "down": {"close_after": "2s"}}],
  "clients": [{"name": "c", "bind": ":5000", "connect_after_ms": -1}]
})");
        QVERIFY2(read.workspace, qPrintable(read.error));
        const Workspace& w = *read.workspace;
        QVERIFY((w.servers[0].config.outputLimit == OutputLimit{8 << 20, 2 << 20, 60}));
        QVERIFY((w.relays[0].config.up.latencyMs == Spread{50, 10}));
        QVERIFY((w.relays[0].config.up.resetAfter == FaultLimit{FaultLimit::Unit::Bytes, 65536}));
        QCOMPARE(w.relays[0].config.up.dropP, 0.25);
        QVERIFY((w.relays[0].config.down.closeAfter == FaultLimit{FaultLimit::Unit::Millis, 2000}));
        QVERIFY((w.clients[0].config.bind == ClientBind{"", 5000}));
        const QJsonObject up = objectOf(workspaceToJson(w))
                                   .value("relays")
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value("up")
                                   .toObject();
        QCOMPARE(up, (QJsonObject{{"latency_ms", 50},
                                  {"latency_spread_ms", 10},
                                  {"reset_after", QJsonObject{{"bytes", 65536}}},
                                  {"drop_p", 0.25}}));
    }

    void theDocumentedExampleReads() {
        // docs/workspace.md's complete example is a real file.
        QFile doc(QStringLiteral(SOCKWB_SOURCE_DIR "/docs/workspace.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QByteArray text = doc.readAll();
        const qsizetype section = text.indexOf("## A complete example");
        QVERIFY(section > 0);
        const qsizetype start = text.indexOf("```json\n", section) + 8;
        const qsizetype end = text.indexOf("```", start);
        QVERIFY(start > 8 && end > start);
        const WorkspaceReadResult read = workspaceFromJson(text.mid(start, end - start));
        QVERIFY2(read.workspace, qPrintable(read.error));
        QVERIFY2(read.notes.isEmpty(), qPrintable(read.notes.join(QLatin1Char('\n'))));
        const Workspace& w = *read.workspace;
        QCOMPARE(w.servers.size(), size_t(1));
        QCOMPARE(w.clients.size(), size_t(3));
        QCOMPARE(w.servers[0].config.listeners[0].service, std::string("clock"));
        for (const WorkspaceClient& c : w.clients) QCOMPARE(c.target, QStringLiteral("time"));
        // The course's time service: "Au Revoir" awaited, no terminator.
        QCOMPARE(w.clients[2].script.back().bytes, std::string("Au Revoir"));
        // What the example says is what it writes back (nothing lost).
        const WorkspaceReadResult again = workspaceFromJson(workspaceToJson(w));
        QVERIFY(again.workspace && *again.workspace == w);
    }
};
#endif

SOCKWB_TEST_MAIN(tst_WorkspaceFileRead)
#include "tst_workspacefileread.moc"
