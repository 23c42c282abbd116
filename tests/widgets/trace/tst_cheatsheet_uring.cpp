// CheatSheet: the io_uring entries (io_uring_setup/io_uring_enter, a
// submission, a completion, multishot, provided buffers) are found by the
// names the trace shows in its call column, and listed in the Help
// dialog's HTML.

#include <QtTest>

#include "support/testmain.h"
#include "widgets/trace/cheatsheet.h"

using namespace sockwb;

class tst_CheatSheetUring : public QObject {
    Q_OBJECT

private slots:
    void lookup_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("words");
        const QString ring = QStringLiteral("io_uring_setup/io_uring_enter");
        QTest::newRow("io_uring_setup") << "io_uring_setup" << ring << "kernel.io_uring_disabled";
        QTest::newRow("io_uring_enter") << "io_uring_enter" << ring << "to_submit";
        QTest::newRow("sqe") << "io_uring sqe"
                             << "io_uring sqe"
                             << "submission";
        QTest::newRow("cqe") << "io_uring cqe"
                             << "io_uring cqe"
                             << "already been received";
        QTest::newRow("multishot") << "multishot"
                                   << "multishot"
                                   << "IORING_CQE_F_MORE";
        QTest::newRow("provided buffers") << "provided buffers"
                                          << "provided buffers"
                                          << "ENOBUFS";
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
        for (const char* call : {"io_uring_setup/io_uring_enter", "io_uring sqe", "io_uring cqe",
                                 "multishot", "provided buffers"})
            QVERIFY2(html.contains(QString::fromLatin1(call)), call);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_CheatSheetUring)
#include "tst_cheatsheet_uring.moc"
