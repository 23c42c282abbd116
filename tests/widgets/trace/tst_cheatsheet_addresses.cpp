// CheatSheet: the address entries (byte order, inet_pton/inet_ntop,
// INADDR_ANY/INADDR_LOOPBACK) are in the sheet, found by each name a
// student looks up, and shown in the Help dialog's HTML.

#include <QtTest>

#include "support/testmain.h"
#include "widgets/trace/cheatsheet.h"

using namespace sockwb;

class tst_CheatSheetAddresses : public QObject {
    Q_OBJECT

private slots:
    void lookup_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("words");
        const QString order = QStringLiteral("htons/ntohs/htonl/ntohl");
        for (const char* n : {"htons", "ntohs", "htonl", "ntohl"})
            QTest::newRow(n) << QString::fromLatin1(n) << order << "1f 90";
        QTest::newRow("inet_pton") << "inet_pton"
                                   << "inet_pton/inet_ntop"
                                   << "returns 0";
        QTest::newRow("inet_ntop") << "inet_ntop"
                                   << "inet_pton/inet_ntop"
                                   << "INET6_ADDRSTRLEN";
        QTest::newRow("INADDR_ANY") << "INADDR_ANY"
                                    << "INADDR_ANY/INADDR_LOOPBACK"
                                    << "0.0.0.0";
        QTest::newRow("INADDR_LOOPBACK") << "INADDR_LOOPBACK"
                                         << "INADDR_ANY/INADDR_LOOPBACK"
                                         << "127.0.0.1";
    }

    void lookup() {
        QFETCH(QString, name);
        QFETCH(QString, entry);
        QFETCH(QString, words);
        const CheatSheetEntry e = CheatSheet::lookup(name);
        QCOMPARE(e.call, entry);
        QVERIFY2((e.summary + e.errors).contains(words), qPrintable(e.summary + e.errors));
        QVERIFY(!CheatSheet::tooltip(name).isEmpty());
    }

    void inTheDialog() {
        const QString html = CheatSheet::html();
        for (const char* call :
             {"htons/ntohs/htonl/ntohl", "inet_pton/inet_ntop", "INADDR_ANY/INADDR_LOOPBACK"})
            QVERIFY2(html.contains(QString::fromLatin1(call)), call);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_CheatSheetAddresses)
#include "tst_cheatsheet_addresses.moc"
