// `sockwb sequence` run as a user would: a trace crafted line by line (with
// the lines that are not trace events mixed in), read from a file and from
// standard input, printed as text and JSON, drawn to SVG and PNG; a real
// trace (`sockwb trace --json` of tests/tracer/tcp_pair, a server and its
// client in one program) piped in; a missing file, a trace with no trace
// line and bad usage give clear errors and the documented exit status.

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

namespace {

const QString kPrograms = QStringLiteral(SOCKWB_TRACER_PROGRAMS);

// One line as `sockwb serve --trace --json` prints it.
QByteArray traceLine(qint64 us, int pid, int fd, const char* call, qint64 result,
                     const char* local = "", const char* peer = "", const QByteArray& data = {}) {
    QJsonObject t{{"type", "trace"},
                  {"time_us", us},
                  {"pid", pid},
                  {"tid", pid},
                  {"fd", fd},
                  {"call", call},
                  {"args", ""},
                  {"result", result},
                  {"errno", ""},
                  {"duration_ns", 1000},
                  {"local", local},
                  {"peer", peer},
                  {"data_b64", QString::fromLatin1(data.toBase64())}};
    return QJsonDocument(QJsonObject{{"event", "trace"}, {"trace", t}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

// A client (pid 100, fd 3) connects to a server (pid 200: listener 4,
// accepted 5), sends "Bonjour", the server answers "Au Revoir", the client
// closes and the server reads 0. With a listening line and a text line.
QByteArray craftedTrace() {
    const char* server = "127.0.0.1:5000";
    const char* client = "127.0.0.1:40000";
    QByteArray t = R"({"event":"listening","protocol":"tcp","address":"127.0.0.1","port":5000})"
                   "\n";
    t += traceLine(1000, 200, 4, "listen", 0, server);
    t += traceLine(2000, 100, 3, "connect", 0, client, server);
    t += traceLine(2100, 200, 4, "accept4", 5, server, client);
    t += "a line of the program's own output\n";
    t += traceLine(3000, 100, 3, "send", 7, client, "", "Bonjour");
    t += traceLine(3100, 200, 5, "recv", 7, "", "", "Bonjour");
    t += traceLine(4000, 200, 5, "send", 9, "", "", "Au Revoir");
    t += traceLine(4100, 100, 3, "recv", 9, "", "", "Au Revoir");
    t += traceLine(5000, 100, 3, "close", 0);
    t += traceLine(5100, 200, 5, "recv", 0);
    return t;
}

QString writeFile(const QTemporaryDir& dir, const QByteArray& bytes) {
    const QString path = dir.filePath("trace.jsonl");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return {};
    return path;
}

QStringList linesWith(const QByteArray& out, const QString& word) {
    QStringList found;
    for (const QString& l : QString::fromUtf8(out).split('\n'))
        if (l.contains(word)) found << l;
    return found;
}

}  // namespace

class tst_CliSequence : public QObject {
    Q_OBJECT

private slots:
    void textOfACraftedTrace() {
        QTemporaryDir dir;
        const QString path = writeFile(dir, craftedTrace());
        QVERIFY(!path.isEmpty());
        for (const QStringList& args :
             {QStringList{"sequence", path}, QStringList{"sequence", "--text", path}}) {
            const Result r = run(args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QStringList handshake = linesWith(r.out, "handshake");
            QCOMPARE(handshake.size(), 1);
            QVERIFY2(
                handshake[0].contains("100/3 connect -> 200/") && handshake[0].contains("accept4"),
                qPrintable(handshake[0]));
            QVERIFY2(handshake[0].startsWith("+0.001000"), qPrintable(handshake[0]));
            const QStringList data = linesWith(r.out, "data");
            QCOMPARE(data.size(), 2);
            QVERIFY2(data[0].contains("100/3 send -> 200/5 recv") && data[0].contains("7 bytes"),
                     qPrintable(data[0]));
            QVERIFY2(data[1].contains("200/5 send -> 100/3 recv") && data[1].contains("9 bytes"),
                     qPrintable(data[1]));
            const QStringList fin = linesWith(r.out, "fin");
            QCOMPARE(fin.size(), 1);
            QVERIFY2(fin[0].contains("100/3 close -> 200/5 recv"), qPrintable(fin[0]));
        }
    }

    void jsonFromStandardInput() {
        for (const QStringList& args :
             {QStringList{"sequence", "--json"}, QStringList{"sequence", "--json", "-"}}) {
            const Result r = run(args, craftedTrace());
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QStringList kinds;
            for (const QByteArray& line : r.out.split('\n')) {
                if (line.isEmpty()) continue;
                QJsonParseError error;
                const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
                QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
                kinds << o["kind"].toString();
                if (o["kind"] == "data" && o["from"].toObject()["pid"] == 100) {
                    QCOMPARE(o["bytes"].toInt(), 7);
                    QCOMPARE(o["to"].toObject()["call"].toString(), QStringLiteral("recv"));
                    QCOMPARE(o["to"].toObject()["pid"].toInt(), 200);
                }
            }
            QCOMPARE(kinds, (QStringList{"handshake", "data", "data", "fin"}));
        }
    }

    void drawsSvgAndPng() {
        QTemporaryDir dir;
        const QString path = writeFile(dir, craftedTrace());
        const QString svg = dir.filePath("seq.svg");
        Result r = run({"sequence", "--svg", svg, path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile s(svg);
        QVERIFY(s.open(QIODevice::ReadOnly));
        QVERIFY(s.readAll().contains("<svg"));
        const QString png = dir.filePath("seq.png");
        r = run({"sequence", "--png=" + png, path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile p(png);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(8).startsWith("\x89PNG"));
    }

    void aRealTraceOfATcpPair() {
        const Result traced = run({"trace", "--json", "--", kPrograms + "/tcp_pair"});
        QCOMPARE(traced.exitCode, 0);
        const Result r = run({"sequence", "-"}, traced.out);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(linesWith(r.out, "handshake").size(), 1);
        const QStringList data = linesWith(r.out, "data");
        QCOMPARE(data.size(), 2);
        QVERIFY2(data[0].contains("send") && data[0].contains("7 bytes"), qPrintable(data[0]));
        QVERIFY2(data[1].contains("send") && data[1].contains("9 bytes"), qPrintable(data[1]));
        QVERIFY2(!linesWith(r.out, "fin").isEmpty(), r.out.constData());  // shutdown -> recv 0
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("missing file")
            << QStringList{"sequence", "/nonexistent/trace.jsonl"} << QByteArray() << 1
            << QStringList{"open", "ENOENT", "/nonexistent/trace.jsonl"};
        QTest::newRow("no trace line")
            << QStringList{"sequence", "-"} << QByteArray("listening tcp 127.0.0.1:7\nhello\n") << 1
            << QStringList{"no trace line", "stdin"};
        QTest::newRow("two outputs") << QStringList{"sequence", "--json", "--svg", "x.svg"}
                                     << QByteArray() << 2 << QStringList{"choose one"};
        QTest::newRow("two files") << QStringList{"sequence", "a", "b"} << QByteArray() << 2
                                   << QStringList{"one trace file"};
        QTest::newRow("unknown option")
            << QStringList{"sequence", "--dot"} << QByteArray() << 2 << QStringList{"--dot"};
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QStringList, words);
        const Result r = run(args, input);
        QCOMPARE(r.exitCode, status);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        for (const QString& w : words)
            QVERIFY2(QString::fromUtf8(r.err).contains(w), qPrintable(w + ": " + r.err));
    }

    void helpIsListed() {
        const Result top = run({"--help"});
        QVERIFY(top.out.contains("  sequence "));
        const Result help = run({"sequence", "--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char* o : {"--text", "--json", "--svg FILE", "--png FILE"})
            QVERIFY2(help.out.contains(o), o);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_CliSequence)
#include "tst_cli_sequence.moc"
