// `sockwb client --tls` through the real binary, against a TLS echo server
// made of the workbench's engine in this process (tests/support/
// tlsechoserver.h) with certificates from a test PKI: the handshake summary
// on stderr, plaintext both ways with --send (blocking and poll) and as a
// netcat (stdin, close_notify before the half-close), the JSON event,
// -k/--insecure, and each refusal with its exit status and words.

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "core/tls/certificateinfo.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tlsechoserver.h"

using namespace sockwb;
using namespace sockwb::test;

class tst_ClientTlsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        pki_ = std::make_unique<TestPki>(dir_.path());
        QVERIFY2(pki_->ok(), pki_->error().c_str());
        ca_ = QString::fromStdString(pki_->caFile());
    }

    void sendsAndReceivesPlaintext_data() {
        QTest::addColumn<QString>("io");
        QTest::newRow("blocking") << "blocking";
        QTest::newRow("poll") << "poll";
    }

    void sendsAndReceivesPlaintext() {
        QFETCH(QString, io);
        const PemFiles good = pki_->good();
        TlsEchoServer server(good.certFile, good.keyFile);
        const Result r = run({"client", "--tls", "--cacert", ca_, "--servername", "localhost",
                              "127.0.0.1", QString::number(server.port()), "--io", io, "--send",
                              "Bonjour\\n", "--send", "\\x00\\x01", "--until", "\\x01"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("Bonjour\n\x00\x01", 10));
        QCOMPARE(QByteArray::fromStdString(server.received()), QByteArray("Bonjour\n\x00\x01", 10));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(QRegularExpression("TLS TLSv1\\.[23], cipher \\S+, ALPN none")),
                 r.err.constData());
        const std::string sha = tls::describeFile(good.certFile).sha256;
        QVERIFY2(err.contains(QString::fromStdString("SHA-256 fingerprint " + sha)),
                 r.err.constData());
        QVERIFY2(err.contains("CN=localhost"), r.err.constData());
        QVERIFY2(err.contains("verification: ok"), r.err.constData());
    }

    void netcatSendsCloseNotifyAtEndOfInput() {
        const PemFiles good = pki_->good();
        TlsEchoServer server(good.certFile, good.keyFile);
        QByteArray input;
        for (int i = 0; i < 100000; ++i) input += char(i * 7 % 256);
        const Result r =
            run({"client", "--tls", "--cacert", ca_, "localhost", QString::number(server.port())},
                input);
        // End of input: close_notify, then the half-close; the server echoes
        // everything, closes, and the client ends at end of stream.
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out == input);
        QTRY_COMPARE(server.closeNotifies(), 1);
    }

    void jsonHasATlsEvent() {
        const PemFiles good = pki_->good();
        TlsEchoServer server(good.certFile, good.keyFile);
        const Result r = run({"client", "--tls", "--cacert", ca_, "--json", "localhost",
                              QString::number(server.port()), "--send", "x", "--until", "x"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject tlsEvent;
        for (const QByteArray& line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o["event"] == "tls") tlsEvent = o;
        }
        QVERIFY2(!tlsEvent.isEmpty(), r.out.constData());
        QVERIFY(tlsEvent["version"].toString().startsWith("TLSv1."));
        QCOMPARE(tlsEvent["verified"].toBool(), true);
        QCOMPARE(tlsEvent["server_name"].toString(), QStringLiteral("localhost"));
        QCOMPARE(tlsEvent["sha256"].toString().toStdString(),
                 tls::describeFile(good.certFile).sha256);
        QVERIFY(r.err.isEmpty());
    }

    void refusedCertificates_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("hint");
        QTest::newRow("self-signed, no --cacert") << "self-signed" << QStringList{} << "--cacert";
        QTest::newRow("unknown CA") << "unknown-ca" << QStringList{"--cacert", ca_} << "--cacert";
        QTest::newRow("expired") << "expired" << QStringList{"--cacert", ca_} << "clocks";
        QTest::newRow("another name")
            << "good" << QStringList{"--cacert", ca_, "--servername", "wrong.example"}
            << "--servername";
    }

    void refusedCertificates() {
        QFETCH(QString, which);
        QFETCH(QStringList, extra);
        QFETCH(QString, hint);
        const PemFiles cert = which == "self-signed"  ? pki_->selfSigned()
                              : which == "unknown-ca" ? pki_->unknownCa()
                              : which == "expired"    ? pki_->expired()
                                                      : pki_->good();
        TlsEchoServer server(cert.certFile, cert.keyFile);
        const Result r = run(QStringList{"client", "--tls", "localhost",
                                         QString::number(server.port()), "--send", "secret"} +
                             extra);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith("sockwb client: "), r.err.constData());
        QVERIFY2(err.contains("SSL_connect") || err.contains("TLS"), r.err.constData());
        QVERIFY2(err.contains(hint), r.err.constData());
        QVERIFY(server.received().empty());  // nothing went out in clear or otherwise
    }

    void insecureGoesOnAndSaysSo() {
        const PemFiles self = pki_->selfSigned();
        TlsEchoServer server(self.certFile, self.keyFile);
        const Result r = run({"client", "--tls", "-k", "localhost", QString::number(server.port()),
                              "--send", "hi", "--until", "hi"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("hi"));
        QVERIFY2(r.err.contains("not enforced: --insecure"), r.err.constData());
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("words");
        QTest::newRow("udp") << QStringList{"--tls", "--protocol", "udp", "127.0.0.1", "9"}
                             << "TCP only";
        QTest::newRow("unix") << QStringList{"--tls", "unix:/tmp/x.sock"} << "TCP only";
        QTest::newRow("cacert without --tls")
            << QStringList{"--cacert", "ca.pem", "127.0.0.1", "9"} << "add --tls";
        QTest::newRow("key without cert")
            << QStringList{"--tls", "--key", "k.pem", "127.0.0.1", "9"} << "--cert";
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, words);
        const Result r = run(QStringList{"client"} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(words.toUtf8()), r.err.constData());
    }

    void unreadableCaFile() {
        const Result r = run({"client", "--tls", "--cacert", dir_.filePath("missing.pem"),
                              "127.0.0.1", "9", "--send", "x"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing.pem"), r.err.constData());
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
    QString ca_;
};

SOCKWB_TEST_GUILESS_MAIN(tst_ClientTlsCli)
#include "tst_client_tls_cli.moc"
