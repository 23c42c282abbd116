// `sockwb sequence` on a TLS trace: the TLS engine's "tls" notes (records
// sent are noted before their send, records received after their recv)
// name what each data arrow carried, in the text output ("[ClientHello]")
// and the JSON output ("tls"); a plain trace has no such field.

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

namespace {

QByteArray traceLine(qint64 us, int pid, int fd, const char* call, qint64 result,
                     const char* args = "", const char* local = "", const char* peer = "") {
    QJsonObject t{{"type", "trace"}, {"time_us", us},       {"pid", pid},     {"tid", pid},
                  {"fd", fd},        {"call", call},        {"args", args},   {"result", result},
                  {"errno", ""},     {"duration_ns", 1000}, {"local", local}, {"peer", peer}};
    return QJsonDocument(QJsonObject{{"event", "trace"}, {"trace", t}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

// Client pid 100 fd 3, server pid 200 (listener 4, accepted 5): the
// ClientHello, the server's flight, the client's Finished with a request.
QByteArray tlsTrace() {
    const char* server = "127.0.0.1:8443";
    const char* client = "127.0.0.1:40000";
    QByteArray t;
    t += traceLine(1000, 200, 4, "listen", 0, "4, 128", server);
    t += traceLine(2000, 100, 3, "connect", 0, "", client, server);
    t += traceLine(2100, 200, 4, "accept4", 5, "", server, client);
    t += traceLine(2900, 100, 3, "tls", 0, "→ ClientHello (512 B)");
    t += traceLine(3000, 100, 3, "send", 517);
    t += traceLine(3100, 200, 5, "recv", 517);
    t += traceLine(3110, 200, 5, "tls", 0, "← ClientHello (512 B)");
    t += traceLine(3200, 200, 5, "tls", 0, "→ ServerHello (122 B)");
    t += traceLine(3210, 200, 5, "tls", 0, "→ Certificate (480 B)");
    t += traceLine(3220, 200, 5, "tls", 0, "→ Finished (52 B)");
    t += traceLine(4000, 200, 5, "send", 760);
    t += traceLine(4100, 100, 3, "recv", 760);
    t += traceLine(4110, 100, 3, "tls", 0, "← ServerHello (122 B)");
    t += traceLine(4200, 100, 3, "tls", 0, "→ Finished (52 B)");
    t += traceLine(4210, 100, 3, "tls", 0, "→ application data (78 B)");
    t += traceLine(4300, 100, 3, "send", 180);
    t += traceLine(4400, 200, 5, "recv", 180);
    return t;
}

}  // namespace

class tst_CliSequenceTls : public QObject {
    Q_OBJECT

private slots:
    void textNamesTheRecords() {
        const Result r = run({"sequence", "--text"}, tlsTrace());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList data;
        for (const QString& l : QString::fromUtf8(r.out).split('\n'))
            if (l.contains(QStringLiteral("data "))) data << l;
        QCOMPARE(data.size(), 3);
        QVERIFY2(data[0].contains("100/3 send -> 200/5 recv") && data[0].endsWith("[ClientHello]"),
                 qPrintable(data[0]));
        QVERIFY2(data[1].endsWith("[ServerHello, Certificate, Finished]"), qPrintable(data[1]));
        QVERIFY2(data[2].endsWith("[Finished, application data 78 B]"), qPrintable(data[2]));
    }

    void jsonHasTheRecords() {
        const Result r = run({"sequence", "--json"}, tlsTrace());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList tls;
        for (const QByteArray& line : r.out.split('\n')) {
            if (line.isEmpty()) continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o["kind"] == "handshake") QVERIFY(!o.contains("tls"));
            if (o["kind"] == "data") tls << o["tls"].toString();
        }
        QCOMPARE(tls, (QStringList{"ClientHello", "ServerHello, Certificate, Finished",
                                   "Finished, application data 78 B"}));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_CliSequenceTls)
#include "tst_cli_sequence_tls.moc"
