// The command line through the real binary, top level: every sub-command
// answers --help, and the demo plays the course's scenario on the engine.

#include <signal.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_Cli : public QObject {
    Q_OBJECT

private slots:
    void help_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{"--help"};
        QTest::newRow("addr") << QStringList{"addr", "--help"};
        QTest::newRow("serve") << QStringList{"serve", "--help"};
        QTest::newRow("client") << QStringList{"client", "--help"};
        QTest::newRow("demo") << QStringList{"demo", "--help"};
        QTest::newRow("http") << QStringList{"http", "--help"};
        QTest::newRow("load") << QStringList{"load", "--help"};
    }

    void help() {
        QFETCH(QStringList, args);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Usage: sockwb"), r.out.constData());
    }

    void demoUsesTheEngine() {
        const Result r = run({"demo", "--ticks", "2", "--interval", "50"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("model iterative"));
        QCOMPARE(r.out.count("== client got: "), 3);
        QVERIFY(r.out.contains("== client got: Au Revoir"));
        QVERIFY(r.out.contains("] accept"));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
