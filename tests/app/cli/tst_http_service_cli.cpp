// The http service under curl, as a user meets it: `sockwb serve --service
// http --root DIR` started on port 0, then curl fetches a binary file byte
// for byte, HEAD, 404, traversal attempts (--path-as-is keeps the dots),
// keep-alive reuse, and garbage from `sockwb client` -> 400 while curl is
// still served afterwards.

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

#include "support/testmain.h"

namespace {

const QString kBinary = QStringLiteral(SOCKWB_BINARY);
constexpr int kWaitMs = 20000;

struct Result {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Result runProgram(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(kWaitMs)) return {};
    p.closeWriteChannel();
    if (!p.waitForFinished(kWaitMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray binaryContent() {
    QByteArray b;
    for (int i = 0; i < 200000; ++i) b.append(static_cast<char>((i * 7) & 0xFF));
    b.insert(0, QByteArray("\0\0NUL\0", 6));
    return b;
}

}  // namespace

class tst_HttpServiceCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QProcess serve_;
    QString port_;
    QString base() const { return "http://127.0.0.1:" + port_; }
    Result curl(const QStringList& args) {
        return runProgram("curl", QStringList{"-sS", "--max-time", "15"} + args);
    }

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable("curl").isEmpty()) QSKIP("curl is not installed");
        QVERIFY(dir_.isValid());
        const QString root = dir_.path() + "/root";
        QVERIFY(QDir().mkpath(root));
        QFile f(root + "/blob.bin");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(binaryContent());
        f.close();
        QFile idx(root + "/index.html");
        QVERIFY(idx.open(QIODevice::WriteOnly));
        idx.write("<p>hi</p>\n");
        idx.close();
        QFile secret(dir_.path() + "/secret.txt");
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("top secret\n");
        secret.close();

        serve_.start(kBinary, {"serve", "--service", "http", "--port", "0", "--root", root});
        QDeadlineTimer deadline(kWaitMs);
        static const QRegularExpression re(
            QStringLiteral("^listening tcp 127\\.0\\.0\\.1:(\\d+) "));
        while (port_.isEmpty() && !deadline.hasExpired() &&
               serve_.state() != QProcess::NotRunning) {
            serve_.waitForReadyRead(100);
            while (serve_.canReadLine()) {
                const auto m = re.match(QString::fromUtf8(serve_.readLine()).trimmed());
                if (m.hasMatch()) port_ = m.captured(1);
            }
        }
        QVERIFY2(!port_.isEmpty(), serve_.readAllStandardError().constData());
    }

    void cleanupTestCase() {
        if (serve_.state() != QProcess::NotRunning) {
            serve_.terminate();
            if (!serve_.waitForFinished(kWaitMs)) serve_.kill();
            serve_.waitForFinished();
        }
    }

    void staticFileByteExact() {
        const Result r = curl({base() + "/blob.bin"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.size(), binaryContent().size());
        QVERIFY(r.out == binaryContent());
    }

    void head() {
        const Result r = curl({"-I", base() + "/blob.bin"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("HTTP/1.1 200 OK\r\n"), r.out.constData());
        QVERIFY(r.out.contains("Content-Length: " + QByteArray::number(binaryContent().size()) +
                               "\r\n"));
        QVERIFY(r.out.contains("Content-Type: application/octet-stream\r\n"));
        QVERIFY(r.out.endsWith("\r\n\r\n"));
    }

    void notFound() {
        const Result r = curl({"-o", "/dev/null", "-w", "%{http_code}", base() + "/missing.html"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("404"));
    }

    void traversalRefused_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("dotdot") << "/../secret.txt";
        QTest::newRow("encoded") << "/%2e%2e/secret.txt";
        QTest::newRow("mixed") << "/a/%2E%2E/%2e%2e/secret.txt";
        QTest::newRow("etc") << "/../../../../../../etc/passwd";
        QTest::newRow("encoded slash") << "/..%2fsecret.txt";
    }
    void traversalRefused() {
        QFETCH(QString, path);
        const Result r = curl({"--path-as-is", "-w", "\n%{http_code}", base() + path});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains("secret") && !r.out.contains("root:"), r.out.constData());
        const QByteArray code = r.out.mid(r.out.lastIndexOf('\n') + 1);
        QVERIFY2(code == "403" || code == "404", code.constData());
    }

    void keepAliveReuse() {
        const Result r = curl({"-v", "-o", "/dev/null", "-o", "/dev/null", base() + "/index.html",
                               base() + "/blob.bin"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains("Re-using existing connection"), r.err.constData());
    }

    void garbageThenServed() {
        const Result bad = runProgram(kBinary, {"client", "127.0.0.1", port_, "--send",
                                                "BLAH\\r\\n\\r\\n", "--timeout", "5000"});
        QVERIFY2(bad.out.startsWith("HTTP/1.1 400 Bad Request\r\n"), bad.out.constData());
        QVERIFY(bad.out.contains("Connection: close\r\n"));
        const Result r = curl({base() + "/index.html"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("<p>hi</p>\n"));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_HttpServiceCli)
#include "tst_http_service_cli.moc"
