// RefusalText words the engine's refusals (refusalOf's Refusal::Reason) for
// the GUI: each reason in English, the very sentence of the core's
// englishSentence() that the CLI prints, and in French with the embedded
// catalogue; and it refuses exactly the combinations the core refuses.

#include <QTranslator>
#include <QtTest>

#include "core/server/server.h"
#include "core/server/service.h"
#include "support/testmain.h"
#include "widgets/common/refusaltext.h"
#include "widgets/common/translations.h"

using namespace sockwb;

class tst_RefusalText : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyReason_data();
    void everyReason();
    void refusesWhatTheCoreRefuses();

private:
    QTranslator* french_ = nullptr;
};

void tst_RefusalText::initTestCase() {
    french_ = new QTranslator(this);
    QVERIFY(french_->load(Translations::catalogue(QStringLiteral("fr"))));
}

void tst_RefusalText::cleanupTestCase() { QCoreApplication::removeTranslator(french_); }

void tst_RefusalText::everyReason_data() {
    using R = Refusal::Reason;
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("service");
    QTest::addColumn<bool>("udp");
    QTest::addColumn<int>("listeners");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("french");  // a piece of the French sentence
    QTest::newRow("unknown model") << "threads"
                                   << "echo" << false << 1 << int(R::UnknownModel)
                                   << QStringLiteral("modèle « threads » inconnu");
    QTest::newRow("unknown service") << "epoll"
                                     << "nope" << false << 1 << int(R::UnknownService)
                                     << QStringLiteral("service « nope » inconnu");
    QTest::newRow("chat over udp") << "epoll"
                                   << "chat" << true << 1 << int(R::RelayNeedsConnections)
                                   << QStringLiteral("le service chat relaie les lignes");
    QTest::newRow("chat under fork")
        << "fork"
        << "chat" << false << 1 << int(R::RelayUnderFork) << QStringLiteral("son propre processus");
    QTest::newRow("chat under iterative") << "iterative"
                                          << "chat" << false << 1 << int(R::RelayUnderIterative)
                                          << QStringLiteral("ne peut pas tourner en itératif");
    QTest::newRow("udp under fork") << "fork"
                                    << "echo" << true << 1 << int(R::UdpUnderFork)
                                    << QStringLiteral("à un processus de travail");
    QTest::newRow("udp under thread") << "thread"
                                      << "echo" << true << 1 << int(R::UdpUnderThreads)
                                      << QStringLiteral("à un thread de travail");
    QTest::newRow("udp under pool") << "pool"
                                    << "daytime" << true << 1 << int(R::UdpUnderThreads)
                                    << QStringLiteral("à un thread de travail");
    QTest::newRow("iterative, udp among two") << "iterative"
                                              << "echo" << true << 2 << int(R::IterativeOneUdp)
                                              << QStringLiteral("un seul point d'écoute UDP");
}

void tst_RefusalText::everyReason() {
    QFETCH(QString, model);
    QFETCH(QString, service);
    QFETCH(bool, udp);
    QFETCH(int, listeners);
    QFETCH(int, reason);
    QFETCH(QString, french);
    const std::string m = model.toStdString(), s = service.toStdString();
    const Protocol p = udp ? Protocol::Udp : Protocol::Tcp;
    const auto refusal = refusalOf(m, s, p, size_t(listeners));
    QVERIFY(refusal);
    QCOMPARE(int(refusal->reason), reason);
    QCoreApplication::removeTranslator(french_);
    const QString english = RefusalText::why(m, s, p, size_t(listeners));
    QCOMPARE(english, QString::fromStdString(englishSentence(*refusal)));
    QVERIFY(QCoreApplication::installTranslator(french_));
    const QString inFrench = RefusalText::why(m, s, p, size_t(listeners));
    // French spaces before ':' and inside « » are no-break spaces.
    QString readable = inFrench;
    readable.replace(QChar(0xa0), QLatin1Char(' '));
    QVERIFY2(readable.contains(french), qPrintable(inFrench));
    QVERIFY2(inFrench != english, qPrintable(inFrench));
    QCOMPARE(RefusalText::words(*refusal), inFrench);
    QCoreApplication::removeTranslator(french_);
}

void tst_RefusalText::refusesWhatTheCoreRefuses() {
    // The form disables a choice when RefusalText::why is not empty: it must
    // be exactly when the core refuses, in either language.
    auto models = modelNames();
    models.push_back("threads");
    auto services = serviceNames();
    services.push_back("nope");
    int refused = 0;
    for (bool inFrench : {false, true}) {
        if (inFrench) QVERIFY(QCoreApplication::installTranslator(french_));
        for (const auto& model : models)
            for (const auto& service : services)
                for (Protocol p : {Protocol::Tcp, Protocol::Udp})
                    for (size_t listeners : {size_t(1), size_t(2)}) {
                        const bool core = !whyRefused(model, service, p, listeners).empty();
                        const QString gui = RefusalText::why(model, service, p, listeners);
                        QVERIFY2(gui.isEmpty() != core,
                                 (model + "/" + service + "/" + protocolName(p)).c_str());
                        refused += core;
                    }
    }
    QCoreApplication::removeTranslator(french_);
    QVERIFY(refused > 20);
}

SOCKWB_TEST_GUILESS_MAIN(tst_RefusalText)
#include "tst_refusaltext.moc"
