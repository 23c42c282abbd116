// `sockwb serve --tls` through the real binary: the banner (subject, SANs,
// SHA-256 fingerprint, the file and where the self-signed certificate is
// kept, here under a temporary XDG_CONFIG_HOME), curl --cacert with the
// printed file under every model, the same certificate on the next start,
// --cert/--key from the test PKI, the JSON events with the TLS summary per
// connection, and the errors (missing file, --key alone, --tls on UDP).

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"
#include "support/testpki.h"

using namespace sockwb::test;

namespace {

// Lines of the running server's stdout until `count` of them start with
// `prefix` (or the wait ends); returns those lines.
QStringList linesStarting(QProcess& p, const QString& prefix, int count) {
    QStringList found;
    QDeadlineTimer deadline(kWaitMs);
    while (found.size() < count && !deadline.hasExpired()) {
        if (!p.canReadLine() && !p.waitForReadyRead(100)) continue;
        while (p.canReadLine()) {
            const QString line = QString::fromUtf8(p.readLine()).trimmed();
            if (line.startsWith(prefix)) found << line;
        }
    }
    return found;
}

Result curl(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral("curl"), QStringList{"-sS", "--max-time", "10"} + args);
    if (!p.waitForFinished(kWaitMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, {}, {}};
    }
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// "sha256 Fingerprint=AB:CD:..." from openssl x509, or "".
QString opensslFingerprint(const QString& certFile) {
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {"x509", "-noout", "-fingerprint", "-sha256", "-in", certFile});
    if (!p.waitForFinished(kWaitMs)) return {};
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    const int eq = out.indexOf('=');
    return eq < 0 ? QString() : out.mid(eq + 1);
}

}  // namespace

class tst_ServeTlsCli : public QObject {
    Q_OBJECT

    QTemporaryDir config_;
    QTemporaryDir pkiDir_;

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable("curl").isEmpty()) QSKIP("curl is not installed");
        QVERIFY(config_.isValid() && pkiDir_.isValid());
        // The self-signed certificate goes here, not in the user's folder.
        qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
    }

    void selfSignedCurl_data() {
        QTest::addColumn<QString>("model");
        for (const QString& m : kModels) QTest::newRow(qPrintable(m)) << m;
    }

    void selfSignedCurl() {
        QFETCH(QString, model);
        Serve s({"--service", "http", "--tls", "--model", model, "--verbose"});
        QVERIFY(s.port().toInt() > 0);
        const QStringList tls = linesStarting(s.process(), "tls ", 3);
        QCOMPARE(tls.size(), 3);
        QVERIFY2(tls[0].startsWith("tls certificate CN=localhost"), qPrintable(tls[0]));
        QVERIFY2(tls[0].contains("DNS:localhost") && tls[0].contains("IP:127.0.0.1"),
                 qPrintable(tls[0]));
        const QString folder = config_.path() + "/sockwb/tls";
        const QString certFile = folder + "/localhost.crt";
        QCOMPARE(tls[2], QString("tls file %1 (self-signed for localhost, kept in %2; a client "
                                 "trusts it with --cacert %1)")
                             .arg(certFile, folder));
        // The fingerprint printed is the file's.
        QCOMPARE(tls[1], "tls sha256 " + opensslFingerprint(certFile));

        const Result r = curl({"--cacert", certFile, "https://localhost:" + s.port() + "/echo"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("\"target\":\"/echo\""), r.out.constData());
        // Each connection's line says its TLS version and cipher.
        const QStringList established = linesStarting(s.process(), "tls #", 1);
        QCOMPARE(established.size(), 1);
        QVERIFY2(established[0].contains(" TLSv1.3 TLS_"), qPrintable(established[0]));
        QCOMPARE(s.stop(SIGTERM), 0);
    }

    void sameCertificateNextStart() {
        QString first, second;
        {
            Serve s({"--service", "echo", "--tls"});
            const QStringList tls = linesStarting(s.process(), "tls sha256 ", 1);
            QCOMPARE(tls.size(), 1);
            first = tls[0];
        }
        {
            Serve s({"--service", "echo", "--tls"});
            const QStringList tls = linesStarting(s.process(), "tls sha256 ", 1);
            QCOMPARE(tls.size(), 1);
            second = tls[0];
        }
        QCOMPARE(second, first);
    }

    void givenCertificateJson() {
        TestPki pki(pkiDir_.path());
        QVERIFY2(pki.ok(), pki.error().c_str());
        const PemFiles pem = pki.good();
        Serve s({"--service", "http", "--model", "epoll", "--json", "--cert", pem.qCertFile(),
                 "--key", pem.qKeyFile()});
        QVERIFY(s.port().toInt() > 0);
        const QStringList tls = linesStarting(s.process(), "{\"event\":\"tls\"", 1);
        QCOMPARE(tls.size(), 1);
        const QJsonObject banner = QJsonDocument::fromJson(tls[0].toUtf8()).object();
        QCOMPARE(banner["certFile"].toString(), pem.qCertFile());
        QCOMPARE(banner["selfSigned"].toBool(), false);
        QCOMPARE(banner["sha256"].toString(), opensslFingerprint(pem.qCertFile()));
        QVERIFY(banner["sans"].toArray().contains(QJsonValue("IP:127.0.0.1")));

        const Result r = curl({"--cacert", QString::fromStdString(pki.caFile()),
                               "https://127.0.0.1:" + s.port() + "/"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList closed = linesStarting(s.process(), "{\"event\":\"closed\"", 1);
        QCOMPARE(closed.size(), 1);
        const QJsonObject c = QJsonDocument::fromJson(closed[0].toUtf8()).object();
        QVERIFY2(c["tls"].toString().startsWith("TLSv1.3 TLS_"), qPrintable(closed[0]));
        QCOMPARE(s.stop(SIGTERM), 0);
    }

    void errors() {
        const Result missing =
            run({"serve", "--service", "echo", "--tls", "--cert", pkiDir_.path() + "/none.crt"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("none.crt"), missing.err.constData());

        const Result keyAlone =
            run({"serve", "--service", "echo", "--key", pkiDir_.path() + "/none.key"});
        QCOMPARE(keyAlone.exitCode, 2);
        QVERIFY2(keyAlone.err.contains("--key needs --cert"), keyAlone.err.constData());

        const Result udp = run({"serve", "--service", "echo", "--protocol", "udp", "--tls"});
        QCOMPARE(udp.exitCode, 2);
        QVERIFY2(udp.err.contains("--tls needs a TCP listener"), udp.err.constData());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ServeTlsCli)
#include "tst_serve_tls_cli.moc"
