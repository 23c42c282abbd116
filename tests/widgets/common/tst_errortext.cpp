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

SOCKWB_TEST_GUILESS_MAIN(tst_ErrorText)
#include "tst_errortext.moc"
