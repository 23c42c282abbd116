// The workspace file's refusals (widgets/workspace/workspacefile.h): each
// is one sentence that starts with the JSON path of what is wrong, so a
// teacher writing a lab by hand finds the line to fix.

#include <QtTest/QtTest>

#include "support/testmain.h"
#include "widgets/workspace/workspacefile.h"

using namespace sockwb;

namespace {
// A version 2 document around `body` (the keys after "version").
QByteArray doc(const char* body) {
    return QByteArray(R"({"format": "sockwb-workspace", "version": 2, )") + body + '}';
}
}  // namespace

// moc reads this declaration only: it cannot parse the raw string
// literals of the test data below.
#ifdef Q_MOC_RUN
class tst_WorkspaceFileErrors : public QObject {
    Q_OBJECT

private slots:
    void refusalNamesItsPath_data();
    void refusalNamesItsPath();
    void syntaxErrorSaysWhere();
};
#else
class tst_WorkspaceFileErrors : public QObject {
    Q_OBJECT

private slots:
    void refusalNamesItsPath_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        // The head.
        QTest::newRow("no format")
            << QByteArray(R"({"version": 2})")
            << R"(format: missing; a workspace file says "format": "sockwb-workspace")";
        QTest::newRow("other format")
            << QByteArray(R"({"format": "har", "version": 2})")
            << R"(format: "har" is not a workspace file's (expected "sockwb-workspace"))";
        QTest::newRow("no version")
            << QByteArray(R"({"format": "sockwb-workspace"})")
            << "version: missing (this Socket Workbench reads versions 1 to 2)";
        QTest::newRow("bad version")
            << QByteArray(R"({"format": "sockwb-workspace", "version": 0})")
            << "version: 0 is not a version (1 to 2)";
        QTest::newRow("a list") << QByteArray("[1, 2]")
                                << "not a workspace file: the document is a list, not an object";
        QTest::newRow("empty") << QByteArray("  \n") << "not a workspace file: it is empty";
        // Names.
        QTest::newRow("model")
            << doc(R"("servers": [{"name": "a"}, {"name": "b", "model": "fibre"}])")
            << "servers[1].model: unknown model 'fibre' (iterative, fork, thread, "
               "pool, select, poll, epoll, io_uring)";
        QTest::newRow("service")
            << doc(R"("servers": [{"listeners": [{"service": "ftp"}]}])")
            << "servers[0].listeners[0].service: unknown service 'ftp' (echo, discard, chargen, "
               "daytime, time, clock, chat, http)";
        QTest::newRow("protocol")
            << doc(R"("clients": [{"protocol": "sctp"}])")
            << "clients[0].protocol: unknown protocol 'sctp' (tcp, udp, unix, "
               "unixgram)";
        QTest::newRow("relay protocol")
            << doc(R"("relays": [{"protocol": "unix"}])")
            << "relays[0].protocol: unknown relay protocol 'unix' (tcp, udp)";
        QTest::newRow("io") << doc(R"("servers": [{"io": "async"}])")
                            << "servers[0].io: unknown I/O mode 'async' (blocking, poll)";
        QTest::newRow("terminator")
            << doc(R"("servers": [{"service_options": {"terminator": "cr"}}])")
            << "servers[0].service_options.terminator: unknown terminator 'cr' (none, lf, crlf)";
        QTest::newRow("framing")
            << doc(R"("clients": [{"framing": "len16"}])")
            << "clients[0].framing: unknown framing 'len16' (raw, line, len32)";
        QTest::newRow("tls version")
            << doc(R"("clients": [{"tls_options": {"min_version": "SSLv3"}}])")
            << "clients[0].tls_options.min_version: unknown version 'SSLv3' (TLSv1.2, TLSv1.3)";
        QTest::newRow("step kind")
            << doc(R"("clients": [{"script": [{"kind": "send"}, {"kind": "wait"}, {"kind": "shout"}]}])")
            << "clients[0].script[2].kind: unknown kind 'shout' (send, expect, expect-close, wait, "
               "close)";
        QTest::newRow("step without kind") << doc(R"("clients": [{"script": [{"bytes": "x"}]}])")
                                           << "clients[0].script[0].kind: missing (send, expect, "
                                              "expect-close, wait, close)";
        // Values.
        QTest::newRow("port") << doc(R"("servers": [{"listeners": [{"port": 70000}]}])")
                              << "servers[0].listeners[0].port: 70000 is out of range (0..65535)";
        QTest::newRow("negative count") << doc(R"("servers": [{"max_connections": -1}])")
                                        << "servers[0].max_connections: -1 is out of range "
                                           "(0..2147483647)";
        QTest::newRow("fraction") << doc(R"("servers": [{"backlog": 1.5}])")
                                  << "servers[0].backlog: expected a whole number, got 1.5";
        QTest::newRow("text for a number")
            << doc(R"("clients": [{"port": "80"}])")
            << R"(clients[0].port: expected a whole number, got "80")";
        QTest::newRow("number for a flag")
            << doc(R"("servers": [{"tls": 1}])") << "servers[0].tls: expected true or false, got 1";
        QTest::newRow("object for a list")
            << doc(R"("servers": {"name": "x"})") << "servers: expected a list, got an object";
        QTest::newRow("not an element") << doc(R"("clients": [{}, "client 2"])")
                                        << R"(clients[1]: expected an object, got "client 2")";
        QTest::newRow("no listener")
            << doc(R"("servers": [{"listeners": []}])")
            << "servers[0].listeners: a server needs at least one listener";
        QTest::newRow("probability") << doc(R"("relays": [{"down": {"drop_p": 1.5}}])")
                                     << "relays[0].down.drop_p: 1.5 is out of range (0..1)";
        QTest::newRow("fault limit")
            << doc(R"("relays": [{"up": {"reset_after": {"bytes": 1, "ms": 2}}}])")
            << R"(relays[0].up.reset_after: give either "bytes" or "ms")";
        QTest::newRow("spread text")
            << doc(R"("relays": [{"up": {"latency_ms": "fast"}}])")
            << "relays[0].up.latency_ms: 'fast' is not a whole number: expected ";
        QTest::newRow("sockopt") << doc(R"("servers": [{"sockopts": ["SO_NOPE=1"]}])")
                                 << "servers[0].sockopts[0]: unknown option 'SO_NOPE'";
        QTest::newRow("output limit")
            << doc(R"("servers": [{"output_limit": {"hard_bytes": 10, "soft_bytes": 20}}])")
            << "servers[0].output_limit.soft_bytes: the soft limit must be "
               "below the hard one (10 bytes)";
        QTest::newRow("bind") << doc(R"("clients": [{"bind": "[::1"}])")
                              << "clients[0].bind: a ']' is missing: [::1]:5000";
        QTest::newRow("expect nothing")
            << doc(R"("clients": [{"script": [{"kind": "expect"}]}])")
            << R"(clients[0].script[0]: an expect step needs the bytes it awaits ("bytes"))";
        QTest::newRow("both byte forms")
            << doc(R"("clients": [{"script": [{"kind": "send", "bytes": "a", "bytes_escaped": "a"}]}])")
            << R"(clients[0].script[0].bytes_escaped: give either "bytes" or "bytes_escaped", not both)";
        QTest::newRow("bad escape")
            << doc(R"("clients": [{"script": [{"kind": "send", "bytes_escaped": "ab\\xZZ"}]}])")
            << "clients[0].script[0].bytes_escaped: ";
        QTest::newRow("min after")
            << doc(R"("clients": [{"script": [{"kind": "expect-close", "min_after_ms": -2}]}])")
            << "clients[0].script[0].min_after_ms: -2 is out of range "
               "(-1..2147483647)";
        QTest::newRow("answer") << doc(R"("lab": {"choices": ["a", "b"], "answer": 2})")
                                << "lab.answer: 2 is out of range (-1..1, an index in choices)";
        QTest::newRow("localized")
            << doc(R"("lab": {"title": 3})")
            << R"(lab.title: expected a text or {"en": ..., "fr": ...}, got 3)";
        QTest::newRow("base64") << doc(R"("layout": {"main_state": "%%%"})")
                                << "layout.main_state: not base64";
        QTest::newRow("geometry")
            << doc(R"("clients": [{"window": {"geometry": [1, 2, 3]}}])")
            << "clients[0].window.geometry: expected [x, y, width, height] in "
               "pixels";
        QTest::newRow("request type")
            << doc(R"("composers": [{"request": {"timeoutMs": "soon"}}])")
            << R"(composers[0].request.timeoutMs: expected a number, got "soon")";
        QTest::newRow("status") << doc(R"("composers": [{"expect": {"status": 1000}}])")
                                << "composers[0].expect.status: 1000 is out of range (-1..999)";
        QTest::newRow("big count")
            << doc(R"("servers": [{"memory_budget": 1e300}])")
            << "servers[0].memory_budget: 1e+300 is out of "
               "range (0..9007199254740992; write larger numbers as a string "
               "of digits)";
        // References.
        QTest::newRow("same server name")
            << doc(R"("servers": [{"name": "time"}, {"name": "time"}])")
            << "servers[1].name: another server is already named 'time'";
        QTest::newRow("relay named as a server")
            << doc(R"("servers": [{"name": "time"}], "relays": [{"name": "time"}])")
            << "relays[0].name: a server or another relay is already named 'time'";
        QTest::newRow("same client name")
            << doc(R"("clients": [{"name": "client 1"}, {"name": "client 2"}, {"name": "client 1"}])")
            << "clients[2].name: another client is already named 'client 1'";
        QTest::newRow("unknown target")
            << doc(R"("servers": [{"name": "time"}], "clients": [{"target": "tmie"}])")
            << "clients[0].target: no server or relay is named 'tmie'";
        QTest::newRow("listener index")
            << doc(R"("servers": [{"name": "time"}], "clients": [{"target": "time", "listener": 1}])")
            << "clients[0].listener: 1 is out of range: 'time' has 1 listener(s)";
        QTest::newRow("relay target") << doc(R"("relays": [{"name": "r", "target_server": "web"}])")
                                      << "relays[0].target_server: no server is named 'web'";
        // Version 1's own forms.
        QTest::newRow("v1 sends") << QByteArray(R"({"format": "sockwb-workspace", "version": 1,
                                     "clients": [{"sends": ["a", 2]}]})")
                                  << "clients[0].sends[1]: expected a text, got 2";
    }
    void refusalNamesItsPath() {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const WorkspaceReadResult read = workspaceFromJson(json);
        QVERIFY2(!read.workspace, "read although it is wrong");
        QVERIFY2(read.error.startsWith(error), qPrintable(read.error));
    }

    void syntaxErrorSaysWhere() {
        // The comma missing after "version": 2 is noticed at the next key, on line 4.
        const QByteArray json =
            "{\n  \"format\": \"sockwb-workspace\",\n  \"version\": 2\n  "
            "\"servers\": []\n}\n";
        const WorkspaceReadResult read = workspaceFromJson(json);
        QVERIFY(!read.workspace);
        QVERIFY2(
            read.error.startsWith("not a workspace file: JSON syntax error at line 4, column 4 "
                                  "(byte 52): "),
            qPrintable(read.error));
        // Columns count characters, not bytes.
        const WorkspaceReadResult accented =
            workspaceFromJson("{\"lab\": {\"title\": \"é\" \"x\"}}");
        QVERIFY2(accented.error.contains("line 1, column 24"), qPrintable(accented.error));
    }
};
#endif

SOCKWB_TEST_MAIN(tst_WorkspaceFileErrors)
#include "tst_workspacefileerrors.moc"
