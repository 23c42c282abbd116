// ErrorText words the core's error codes for the GUI: each typed detail
// (DetailCode + numbers) in English, the same words as the core's
// detailWords(), and in French with the embedded catalogue; free words of
// the core (a Words detail) are kept as written.

#include <QTranslator>
#include <QtTest>
#include <cerrno>

#include "core/net/error.h"
#include "support/testmain.h"
#include "widgets/common/errortext.h"
#include "widgets/common/translations.h"

using namespace sockwb;

Q_DECLARE_METATYPE(sockwb::ErrorInfo)

class tst_ErrorText : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void detailEveryCode_data();
    void detailEveryCode();
    void sentenceCarriesTheDetail_data();
    void sentenceCarriesTheDetail();
    void freeWordsKept();
    void tlsEveryProblem_data();
    void tlsEveryProblem();
    void tlsWithoutAddressOrReason();

private:
    // Installs the French catalogue (on) or removes it: English.
    void setFrench(bool on);
    QTranslator* french_ = nullptr;
};

void tst_ErrorText::initTestCase() {
    french_ = new QTranslator(this);
    QVERIFY(french_->load(Translations::catalogue(QStringLiteral("fr"))));
}

void tst_ErrorText::cleanupTestCase() { setFrench(false); }

void tst_ErrorText::setFrench(bool on) {
    if (on)
        QVERIFY(QCoreApplication::installTranslator(french_));
    else
        QCoreApplication::removeTranslator(french_);
}

void tst_ErrorText::detailEveryCode_data() {
    QTest::addColumn<int>("code");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint64>("m");
    QTest::addColumn<QString>("french");
    QTest::newRow("gave up") << int(DetailCode::GaveUpAfterMs) << quint64(3000) << quint64(0)
                             << QStringLiteral("abandon après 3000 ms");
    QTest::newRow("got of") << int(DetailCode::GotOfBytes) << quint64(2) << quint64(4)
                            << QStringLiteral("reçu 2 octets sur 4");
    QTest::newRow("unsent") << int(DetailCode::BytesUnsent) << quint64(17) << quint64(0)
                            << QStringLiteral("17 octets toujours pas envoyés");
    QTest::newRow("limit") << int(DetailCode::BytesOverLimit) << quint64(70000) << quint64(65536)
                           << QStringLiteral("70000 octets, limite 65536");
    QTest::newRow("bytes") << int(DetailCode::Bytes) << quint64(5000000000) << quint64(0)
                           << QStringLiteral("5000000000 octets");
    QTest::newRow("by the user") << int(DetailCode::ByTheUser) << quint64(0) << quint64(0)
                                 << QStringLiteral("par l'utilisateur");
    QTest::newRow("redirects") << int(DetailCode::TooManyRedirects) << quint64(5) << quint64(0)
                               << QStringLiteral("plus de 5 redirections");
}

void tst_ErrorText::detailEveryCode() {
    QFETCH(int, code);
    QFETCH(quint64, n);
    QFETCH(quint64, m);
    QFETCH(QString, french);
    const ErrorInfo info = withDetail(ErrorInfo{}, DetailCode(code), n, m);
    // English: the GUI says what the CLI says.
    setFrench(false);
    QCOMPARE(ErrorText::detail(info), QString::fromStdString(detailWords(DetailCode(code), n, m)));
    setFrench(true);
    QCOMPARE(ErrorText::detail(info), french);
    // Worded from the code, not from the English words.
    ErrorInfo reworded = info;
    reworded.detail = "something the core said once";
    QCOMPARE(ErrorText::detail(reworded), french);
    setFrench(false);
}

void tst_ErrorText::sentenceCarriesTheDetail_data() {
    QTest::addColumn<ErrorInfo>("info");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("french");
    QTest::newRow("connect timeout")
        << withDetail(ErrorInfo{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, "10.0.0.1:80", {}},
                      DetailCode::GaveUpAfterMs, 3000)
        << QStringLiteral(
               "No answer from 10.0.0.1:80 in time (gave up after 3000 ms). "
               "(connect: ETIMEDOUT)")
        << QStringLiteral(
               "Pas de réponse de 10.0.0.1:80 dans le délai (abandon après 3000 ms). "
               "(connect: ETIMEDOUT)");
    QTest::newRow("end of stream")
        << withDetail(ErrorInfo{ErrorKind::EndOfStream, "recv", 0, 0, {}, {}},
                      DetailCode::GotOfBytes, 3, 10)
        << QStringLiteral(
               "The peer closed the connection before all the expected bytes arrived "
               "(got 3 of 10 bytes). (recv)")
        << QStringLiteral(
               "Le pair a fermé la connexion avant que tous les octets attendus "
               "soient arrivés (reçu 3 octets sur 10). (recv)");
    QTest::newRow("frame too large")
        << withDetail(ErrorInfo{ErrorKind::FrameTooLarge, "decode", 0, 0, {}, {}},
                      DetailCode::BytesOverLimit, 12, 10)
        << QStringLiteral(
               "A message is larger than the allowed maximum (12 bytes, limit 10). "
               "(decode)")
        << QStringLiteral(
               "Un message dépasse la taille maximale autorisée (12 octets, limite 10). "
               "(decode)");
    QTest::newRow("cancelled") << withDetail(ErrorInfo{ErrorKind::Cancelled, "http", 0, 0, {}, {}},
                                             DetailCode::ByTheUser)
                               << QStringLiteral("Cancelled (by the user). (http)")
                               << QStringLiteral("Annulé (par l'utilisateur). (http)");
}

void tst_ErrorText::sentenceCarriesTheDetail() {
    QFETCH(ErrorInfo, info);
    QFETCH(QString, english);
    QFETCH(QString, french);
    setFrench(false);
    QCOMPARE(ErrorText::sentence(info), english);
    setFrench(true);
    QCOMPARE(ErrorText::sentence(info), french);
    setFrench(false);
}

void tst_ErrorText::freeWordsKept() {
    // A Words detail has no other form (a parser's message quotes the
    // protocol): kept as the core wrote it, in either language.
    ErrorInfo info{ErrorKind::Protocol, "http", 0, 0, {}, "bad chunk size 'zz'"};
    setFrench(true);
    QCOMPARE(ErrorText::detail(info), QStringLiteral("bad chunk size 'zz'"));
    QVERIFY2(ErrorText::sentence(info).contains(QStringLiteral("bad chunk size 'zz'")),
             qPrintable(ErrorText::sentence(info)));
    setFrench(false);
}

// Every TlsProblem has its own sentence: what went wrong, what to do
// (trust the CA, check the name, turn verification off), the peer's
// address, OpenSSL's reason appended and the OpenSSL step as the code.
void tst_ErrorText::tlsEveryProblem_data() {
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("words");
    auto row = [](const char* name, TlsProblem p, const char* reason, QStringList words) {
        QTest::newRow(name) << int(p) << QString::fromLatin1(reason) << words;
    };
    row("expired", TlsProblem::Expired, "certificate has expired",
        {"has expired", "Verify certificate", "-k"});
    row("not yet valid", TlsProblem::NotYetValid, "certificate is not yet valid",
        {"not valid yet", "clock", "-k"});
    row("self-signed", TlsProblem::SelfSigned, "self-signed certificate",
        {"self-signed", "--cacert", "CA file", "-k"});
    row("unknown CA", TlsProblem::UnknownCa, "unable to get local issuer certificate",
        {"does not trust", "--cacert", "CA file", "-k"});
    row("name mismatch", TlsProblem::NameMismatch, "hostname mismatch",
        {"does not name the host", "--resolve", "-k"});
    row("protocol version", TlsProblem::ProtocolVersion, "unsupported protocol",
        {"no TLS version in common"});
    row("handshake failure", TlsProblem::HandshakeFailure, "sslv3 alert handshake failure",
        {"handshake", "client certificate"});
    row("peer alert", TlsProblem::PeerAlert, "tlsv13 alert certificate required", {"fatal alert"});
    row("not TLS", TlsProblem::NotTls, "packet length too long", {"does not speak TLS", "http://"});
    row("certificate file", TlsProblem::CertificateFile, "/tmp/missing.pem: No such file",
        {"cannot be used", "PEM"});
    row("other", TlsProblem::Other, "internal error", {"TLS with"});
}

void tst_ErrorText::tlsEveryProblem() {
    QFETCH(int, problem);
    QFETCH(QString, reason);
    QFETCH(QStringList, words);
    setFrench(false);
    const Error e = Error::tlsFailure("SSL_connect", TlsProblem(problem), reason.toStdString(),
                                      "127.0.0.1:8443");
    QCOMPARE(e.info().kind, ErrorKind::Tls);
    const QString s = ErrorText::sentence(e);
    for (const QString& w : words) QVERIFY2(s.contains(w), qPrintable(s));
    QVERIFY2(s.contains(QStringLiteral("OpenSSL: ") + reason + QLatin1Char('.')), qPrintable(s));
    QVERIFY2(s.endsWith(QStringLiteral("(SSL_connect)")), qPrintable(s));
    if (TlsProblem(problem) != TlsProblem::CertificateFile)
        QVERIFY2(s.contains(QStringLiteral("127.0.0.1:8443")), qPrintable(s));
    // Never the placeholder, and each problem its own sentence.
    QVERIFY2(!s.startsWith(QStringLiteral("TLS failed:")), qPrintable(s));
    static QSet<QString> seen;
    const QString words0 = s.left(s.indexOf(QStringLiteral(" OpenSSL:")));
    QVERIFY2(!seen.contains(words0), qPrintable(words0));
    seen.insert(words0);
}

void tst_ErrorText::tlsWithoutAddressOrReason() {
    setFrench(false);
    const QString s =
        ErrorText::sentence(Error::tlsFailure("SSL_connect", TlsProblem::Expired).info());
    QVERIFY2(s.startsWith(QStringLiteral("The certificate of the server has expired")),
             qPrintable(s));
    QVERIFY2(!s.contains(QStringLiteral("OpenSSL")), qPrintable(s));
    // A reason ending in a full stop is not doubled.
    const QString dotted = ErrorText::sentence(
        Error::tlsFailure("SSL_connect", TlsProblem::Other, "internal error.").info());
    QVERIFY2(dotted.contains(QStringLiteral("OpenSSL: internal error. (SSL_connect)")),
             qPrintable(dotted));
}

SOCKWB_TEST_GUILESS_MAIN(tst_ErrorText)
#include "tst_errortext.moc"
