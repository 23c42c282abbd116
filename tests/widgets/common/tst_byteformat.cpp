// ByteFormat::parseEscaped: the client windows' send box decodes with the
// core's escape grammar and words its errors in the GUI's language, with the
// position counted in characters as typed.

#include <QtTest/QtTest>

#include "support/testmain.h"
#include "widgets/common/byteformat.h"

using sockwb::ByteFormat;

class tst_ByteFormat : public QObject {
    Q_OBJECT

private slots:
    void parsesEscapes() {
        QCOMPARE(ByteFormat::parseEscaped(QStringLiteral("Bonjour\\n")).value(),
                 QByteArray("Bonjour\n"));
        QCOMPARE(ByteFormat::parseEscaped(QStringLiteral("\u00e9\\x00\\\\")).value(),
                 QByteArray("\xc3\xa9\0\\", 4));
    }

    void wordsErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("lone backslash") << QStringLiteral("ab\\") << "A backslash ends the text";
        // 'x' is the 4th character (index 3) although it is the 5th byte.
        QTest::newRow("bad hex after é") << QStringLiteral("\u00e9a\\x4") << "(position 3)";
        QTest::newRow("unknown") << QStringLiteral("\\q") << "Unknown escape \\q";
        QTest::newRow("unknown non-ASCII")
            << QStringLiteral("\\\u00e9") << "Unknown escape \\\u00e9";
    }
    void wordsErrors() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ByteFormat::parseEscaped(text, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

SOCKWB_TEST_MAIN(tst_ByteFormat)
#include "tst_byteformat.moc"
