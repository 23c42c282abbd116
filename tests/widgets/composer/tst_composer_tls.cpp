// The HTTP composer over https://, with real widgets offscreen, against a
// real TLS server: nginx with certificates the test makes (testpki.h,
// nginxtls.h). The Certificate tab shows the leaf's subject and the
// fingerprint `openssl x509 -fingerprint -sha256` gives for the file; a
// certificate that does not verify is refused in words, and "Verify
// certificate" off lets the request through while the tab still says why
// it did not verify; the timing chart has its TLS phase; plain HTTP says it
// has no certificate; the TLS options survive Copy as cURL, Import cURL and
// the history file.

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "support/nginxtls.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "widgets/composer/composer_testserver.h"
#include "widgets/composer/composerbodyview.h"
#include "widgets/composer/composercertificateview.h"
#include "widgets/composer/composerrequest.h"
#include "widgets/composer/composerrequesteditor.h"
#include "widgets/composer/composerresponseview.h"
#include "widgets/composer/composertimingchart.h"
#include "widgets/composer/composertlsbox.h"
#include "widgets/composer/composerwindow.h"

using namespace sockwb;
using sockwb::test::NginxTls;
using sockwb::test::PemFiles;
using sockwb::test::TestPki;

namespace {

// The SHA-256 fingerprint of a PEM certificate, as the openssl tool prints
// it ("AB:CD:..."): computed outside the workbench's code.
QString opensslFingerprint(const std::string& certFile) {
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("x509"), QStringLiteral("-in"), QString::fromStdString(certFile),
             QStringLiteral("-noout"), QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
    if (!p.waitForFinished(10000)) return {};
    const QString out = QString::fromLatin1(p.readAllStandardOutput()).trimmed();
    const auto eq = out.indexOf(QLatin1Char('='));
    return eq < 0 ? QString() : out.mid(eq + 1).toUpper();
}

QString chainText(ComposerWindow& w) {
    return w.responseView()->certificateView()->chainView()->toPlainText();
}

}  // namespace

class tst_ComposerTls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void verifiedCertificateShown();
    void refusedInWordsThenInsecure_data();
    void refusedInWordsThenInsecure();
    void plainHttpHasNoCertificate();
    void optionsTravel();

private:
    // A form for nginx's path, with --resolve sending "localhost" to 127.0.0.1.
    ComposerRequest form(const NginxTls& nginx, const std::string& path) const;
    // Sends what the window's form holds and waits for the outcome.
    bool sendAndWait(ComposerWindow& w);
    QString historyPath() const { return dir_.filePath(QStringLiteral("history.json")); }

    QTemporaryDir dir_;
    std::unique_ptr<TestPki> pki_;
};

void tst_ComposerTls::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("pki")));
    pki_ = std::make_unique<TestPki>(dir_.filePath(QStringLiteral("pki")));
    QVERIFY2(pki_->ok(), pki_->error().c_str());
}

ComposerRequest tst_ComposerTls::form(const NginxTls& nginx, const std::string& path) const {
    ComposerRequest r;
    r.url = nginx.url(path);
    r.resolve = {"localhost:" + std::to_string(nginx.port()) + ":127.0.0.1"};
    return r;
}

bool tst_ComposerTls::sendAndWait(ComposerWindow& w) {
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    if (!w.send()) return false;
    return shown.wait(15000);
}

// The CA trusted through the CA file: verified, the session and the chain
// shown, the fingerprint the one of the file, the TLS phase timed; a second
// send over the kept-alive connection shows the same certificate.
void tst_ComposerTls::verifiedCertificateShown() {
    const PemFiles good = pki_->good();
    NginxTls::Options o;
    o.certFile = good.certFile;
    o.keyFile = good.keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);

    ComposerWindow w(nullptr, historyPath());
    w.show();
    ComposerRequest r = form(nginx, "/hello");
    r.caFile = pki_->caFile();
    w.editor()->setRequest(r);
    QVERIFY2(w.editor()->problem().isEmpty(), qPrintable(w.editor()->problem()));
    QVERIFY(sendAndWait(w));
    ComposerResponseView* view = w.responseView();
    QVERIFY2(view->statusChip()->text().startsWith(QStringLiteral("200")),
             qPrintable(view->summary()->text()));
    QCOMPARE(view->bodyView()->shownText(), QStringLiteral("hello over tls"));

    // The Certificate tab: session, verdict, chain.
    ComposerCertificateView* cert = view->certificateView();
    QCOMPARE(view->tabs()->tabText(view->tabs()->indexOf(cert)), QStringLiteral("Certificate"));
    view->tabs()->setCurrentWidget(cert);
    QVERIFY(cert->hasSession());
    const QString session = cert->sessionLabel()->text();
    QVERIFY2(session.contains(QStringLiteral("TLSv1.3")), qPrintable(session));
    QVERIFY2(session.contains(QStringLiteral("localhost")), qPrintable(session));  // SNI
    QVERIFY2(session.contains(QStringLiteral("no (full handshake)")), qPrintable(session));
    const QString verdict = cert->verificationLabel()->text();
    QVERIFY2(verdict.contains(QStringLiteral("Verified")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("#2e7d32")), qPrintable(verdict));  // green
    const QString chain = chainText(w);
    QVERIFY2(chain.contains(QStringLiteral("CN=localhost")), qPrintable(chain));
    QVERIFY2(chain.contains(QStringLiteral("CN=sockwb test CA")), qPrintable(chain));
    QVERIFY2(chain.contains(QStringLiteral("DNS:localhost")), qPrintable(chain));
    QVERIFY2(!chain.contains(QStringLiteral("(expired)")), qPrintable(chain));
    const QString fingerprint = opensslFingerprint(good.certFile);
    QCOMPARE(fingerprint.size(), 32 * 3 - 1);
    QCOMPARE(cert->leafFingerprint(), fingerprint);
    QVERIFY(chain.contains(fingerprint));
    cert->copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), fingerprint);
    w.grab().save(QStringLiteral("/tmp/composer-certificate.png"));

    // The timing chart: a TLS handshake phase between connect and send.
    ComposerTimingChart* chart = view->timingChart();
    QVERIFY(chart->secure());
    QVERIFY(chart->timings().tls > 0);
    const auto phases = chart->phases();
    QCOMPARE(phases.size(), size_t(6));
    QCOMPARE(phases[1].name, QStringLiteral("Connect"));
    QCOMPARE(phases[2].name, QStringLiteral("TLS handshake"));
    QCOMPARE(phases[3].name, QStringLiteral("Send"));
    QCOMPARE(phases[2].ms, chart->timings().tls);
    QVERIFY(phases[2].color != phases[1].color && phases[2].color != phases[3].color);
    view->tabs()->setCurrentWidget(chart);
    QString tlsTip;
    for (int y = 0; y < chart->height() && tlsTip.isEmpty(); ++y)
        if (chart->toolTipAt(y).startsWith(QStringLiteral("TLS handshake")))
            tlsTip = chart->toolTipAt(y);
    QVERIFY2(tlsTip.contains(QStringLiteral("time_appconnect")), qPrintable(tlsTip));
    w.grab().save(QStringLiteral("/tmp/composer-timing-tls.png"));

    // Again over the kept-alive connection: no new handshake, same certificate.
    QVERIFY(w.worker()->hasIdleConnection());
    QVERIFY(sendAndWait(w));
    QVERIFY(view->statusChip()->text().startsWith(QStringLiteral("200")));
    QVERIFY(chart->reusedConnection());
    QCOMPARE(chart->timings().tls, 0.0);
    QVERIFY(cert->hasSession());
    QCOMPARE(cert->leafFingerprint(), fingerprint);

    // Other TLS options: a new connection and handshake, never the kept one
    // (verification off, then on again, must verify again).
    for (int round = 0; round < 2; ++round) {
        w.editor()->tlsBox()->verifyBox()->click();
        QVERIFY(sendAndWait(w));
        QVERIFY(view->statusChip()->text().startsWith(QStringLiteral("200")));
        QVERIFY(!chart->reusedConnection());
        QVERIFY(chart->timings().tls > 0);
    }
    QVERIFY(cert->verificationLabel()->text().contains(QStringLiteral("Verified")));
}

// Each certificate that does not verify: refused, in words saying what to
// do; with "Verify certificate" off the same request passes, and the tab
// says in red why the chain did not verify.
void tst_ComposerTls::refusedInWordsThenInsecure_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<bool>("trustCa");
    QTest::addColumn<QString>("words");      // in the refusal
    QTest::addColumn<QString>("chainNote");  // in the chain once let through
    QTest::newRow("self-signed") << "self-signed" << false << "self-signed certificate"
                                 << "(self-signed)";
    QTest::newRow("unknown CA") << "unknown CA" << true << "does not trust"
                                << "CN=sockwb other CA";
    QTest::newRow("CA not given") << "good" << false << "does not trust"
                                  << "CN=sockwb test CA";
    QTest::newRow("expired") << "expired" << true << "has expired"
                             << "(expired)";
    QTest::newRow("not yet valid") << "not yet valid" << true << "not valid yet"
                                   << "(not valid yet)";
    QTest::newRow("wrong name") << "wrong name" << true << "does not name the host"
                                << "DNS:wrong.example";
}

void tst_ComposerTls::refusedInWordsThenInsecure() {
    QFETCH(QString, which);
    QFETCH(bool, trustCa);
    QFETCH(QString, words);
    QFETCH(QString, chainNote);
    const PemFiles pem = which == QLatin1String("self-signed")     ? pki_->selfSigned()
                         : which == QLatin1String("unknown CA")    ? pki_->unknownCa()
                         : which == QLatin1String("expired")       ? pki_->expired()
                         : which == QLatin1String("not yet valid") ? pki_->notYetValid()
                         : which == QLatin1String("wrong name")    ? pki_->wrongName()
                                                                   : pki_->good();
    QVERIFY2(!pem.certFile.empty(), pki_->error().c_str());
    NginxTls::Options o;
    o.certFile = pem.certFile;
    o.keyFile = pem.keyFile;
    SOCKWB_START_NGINX_TLS(nginx, o);

    ComposerWindow w(nullptr, historyPath());
    w.show();
    ComposerRequest r = form(nginx, "/hello");
    if (trustCa) r.caFile = pki_->caFile();
    w.editor()->setRequest(r);
    QVERIFY(w.editor()->tlsBox()->verifyBox()->isChecked());
    QVERIFY(sendAndWait(w));
    ComposerResponseView* view = w.responseView();
    QCOMPARE(view->statusChip()->text(), QStringLiteral("Error"));
    const QString refusal = view->summary()->text();
    QVERIFY2(refusal.contains(words), qPrintable(refusal));
    QVERIFY2(refusal.contains(QStringLiteral("Verify certificate")), qPrintable(refusal));
    QVERIFY2(refusal.contains(QStringLiteral("OpenSSL: ")), qPrintable(refusal));
    QVERIFY2(!view->certificateView()->hasSession(), qPrintable(refusal));
    QVERIFY(view->certificateView()->noteLabel()->text().contains(words));
    if (which == QLatin1String("good")) {
        QVERIFY2(refusal.contains(QStringLiteral("--cacert")), qPrintable(refusal));
        QVERIFY2(refusal.contains(QStringLiteral("CA file")), qPrintable(refusal));
    }

    // "Verify certificate" off (the box clicked, as a user does): it passes.
    w.editor()->tlsBox()->verifyBox()->click();
    QVERIFY(!w.editor()->request().verifyCertificate);
    QVERIFY(sendAndWait(w));
    QVERIFY2(view->statusChip()->text().startsWith(QStringLiteral("200")),
             qPrintable(view->summary()->text()));
    QCOMPARE(view->bodyView()->shownText(), QStringLiteral("hello over tls"));
    ComposerCertificateView* cert = view->certificateView();
    QVERIFY(cert->hasSession());
    const QString verdict = cert->verificationLabel()->text();
    QVERIFY2(verdict.contains(QStringLiteral("Not verified")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("#c62828")), qPrintable(verdict));  // red
    QVERIFY2(chainText(w).contains(chainNote), qPrintable(chainText(w)));
    QCOMPARE(cert->leafFingerprint(), opensslFingerprint(pem.certFile));
}

void tst_ComposerTls::plainHttpHasNoCertificate() {
    ComposerTestServer server;
    ComposerWindow w(nullptr, historyPath());
    ComposerRequest r;
    r.url = server.base().toStdString() + "/plain";
    w.editor()->setRequest(r);
    QVERIFY(sendAndWait(w));
    ComposerResponseView* view = w.responseView();
    QVERIFY(view->statusChip()->text().startsWith(QStringLiteral("200")));
    QVERIFY(!view->certificateView()->hasSession());
    QVERIFY2(view->certificateView()->noteLabel()->text().startsWith(
                 QStringLiteral("Plain HTTP: no certificate")),
             qPrintable(view->certificateView()->noteLabel()->text()));
    QVERIFY(!view->timingChart()->secure());
    for (const auto& phase : view->timingChart()->phases())
        QVERIFY(phase.name != QStringLiteral("TLS handshake"));
    QCOMPARE(view->timingChart()->phases().size(), size_t(5));
}

// The TLS options typed into the Options tab reach the client options, Copy
// as cURL (-k --cacert --cert --key --resolve), Import cURL and the saved form.
void tst_ComposerTls::optionsTravel() {
    ComposerWindow w(nullptr, historyPath());
    ComposerRequestEditor* e = w.editor();
    e->urlEdit()->setText(QStringLiteral("https://localhost:8443/hello"));
    ComposerTlsBox* box = e->tlsBox();
    box->verifyBox()->click();
    QTest::keyClicks(box->caFileEdit(), QStringLiteral("/tmp/ca.pem"));
    QTest::keyClicks(box->certFileEdit(), QStringLiteral("/tmp/client.pem"));
    QTest::keyClicks(box->keyFileEdit(), QStringLiteral("/tmp/client.key"));
    QTest::keyClicks(box->resolveEdit(), QStringLiteral("localhost:8443:127.0.0.1"));
    const ComposerRequest r = e->request();
    QVERIFY(!r.verifyCertificate);
    QCOMPARE(r.caFile, std::string("/tmp/ca.pem"));
    QCOMPARE(r.clientCertFile, std::string("/tmp/client.pem"));
    QCOMPARE(r.clientKeyFile, std::string("/tmp/client.key"));
    QCOMPARE(r.resolve, std::vector<std::string>{"localhost:8443:127.0.0.1"});
    QVERIFY2(e->problem().isEmpty(), qPrintable(e->problem()));
    const http::ClientOptions& options = e->prepared().ready->options;
    QVERIFY(options.tls.insecure);
    QCOMPARE(options.tls.caFile, r.caFile);
    QCOMPARE(options.tls.certFile, r.clientCertFile);
    QCOMPARE(options.tls.keyFile, r.clientKeyFile);
    QCOMPARE(options.resolve.size(), size_t(1));
    QCOMPARE(options.resolve[0].port, uint16_t(8443));

    const QString curl = w.curlCommand();
    const QString unquoted = QString(curl).remove(QLatin1Char('\''));
    for (const char* part : {" -k", "--cacert /tmp/ca.pem", "--cert /tmp/client.pem",
                             "--key /tmp/client.key", "--resolve localhost:8443:127.0.0.1"})
        QVERIFY2(unquoted.contains(QLatin1String(part)), qPrintable(curl));
    ComposerWindow other(nullptr, historyPath());
    QString error;
    QVERIFY2(other.importCurl(curl, &error), qPrintable(error));
    QCOMPARE(other.editor()->request(), r);
    QVERIFY(!other.editor()->tlsBox()->verifyBox()->isChecked());
    QCOMPARE(other.editor()->tlsBox()->caFileEdit()->text(), QStringLiteral("/tmp/ca.pem"));

    // Saved and loaded as the other options are (history, collections).
    QCOMPARE(ComposerRequest::fromJson(r.toJson()), r);
    QVERIFY(ComposerRequest::fromJson(ComposerRequest{}.toJson()).verifyCertificate);
    // An old saved form without the TLS keys verifies.
    QVERIFY(ComposerRequest::fromJson(QJsonObject{{"url", "https://a/"}}).verifyCertificate);

    // A bad --resolve entry is said inline, and Send refuses.
    box->resolveEdit()->setText(QStringLiteral("localhost:8443"));
    QVERIFY2(e->problem().startsWith(QStringLiteral("Resolve")), qPrintable(e->problem()));
    QVERIFY(!w.send());
}

SOCKWB_TEST_MAIN(tst_ComposerTls)
#include "tst_composer_tls.moc"
