// The escape grammar shared by `sockwb client --send` and the client
// windows: every escape, bytes that stand for themselves (UTF-8 included),
// and each error with its code and the offset of its backslash.

#include <QtTest/QtTest>

#include "core/net/escapes.h"
#include "support/testmain.h"

using namespace sockwb;

class tst_Escapes : public QObject {
    Q_OBJECT

private slots:
    void decodes_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << QByteArray("Bonjour") << QByteArray("Bonjour");
        QTest::newRow("course") << QByteArray("Bonjour\\n") << QByteArray("Bonjour\n");
        QTest::newRow("crlf tab") << QByteArray("a\\r\\n\\tb") << QByteArray("a\r\n\tb");
        QTest::newRow("nul") << QByteArray("a\\0b") << QByteArray("a\0b", 3);
        QTest::newRow("backslash") << QByteArray("C:\\\\dir") << QByteArray("C:\\dir");
        QTest::newRow("hex both cases")
            << QByteArray("\\x00\\xfF\\x7e") << QByteArray("\0\xff~", 3);
        QTest::newRow("utf8 kept")
            << QByteArray("\xc3\xa9t\xc3\xa9\\n") << QByteArray("\xc3\xa9t\xc3\xa9\n");
        QTest::newRow("empty") << QByteArray("") << QByteArray("");
    }
    void decodes() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, bytes);
        EscapeError e;
        const auto out = decodeEscapes(std::string_view(text.constData(), size_t(text.size())), &e);
        QVERIFY(out.has_value());
        QCOMPARE(QByteArray(out->data(), qsizetype(out->size())), bytes);
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("offset");
        QTest::addColumn<char>("escape");
        QTest::newRow("lone backslash")
            << QByteArray("ab\\") << int(EscapeError::Code::LoneBackslash) << 2 << '\0';
        QTest::newRow("one hex digit")
            << QByteArray("a\\x4") << int(EscapeError::Code::BadHex) << 1 << 'x';
        QTest::newRow("not hex") << QByteArray("\\xg0") << int(EscapeError::Code::BadHex) << 0
                                 << 'x';
        QTest::newRow("unknown") << QByteArray("ok\\q") << int(EscapeError::Code::UnknownEscape)
                                 << 2 << 'q';
        QTest::newRow("after utf8")
            << QByteArray("\xc3\xa9\\z") << int(EscapeError::Code::UnknownEscape) << 2 << 'z';
        QTest::newRow("second escape")
            << QByteArray("\\n\\y") << int(EscapeError::Code::UnknownEscape) << 2 << 'y';
    }
    void errors() {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        QFETCH(int, offset);
        QFETCH(char, escape);
        EscapeError e;
        QVERIFY(!decodeEscapes(std::string_view(text.constData(), size_t(text.size())), &e));
        QCOMPARE(int(e.code), code);
        QCOMPARE(int(e.offset), offset);
        QCOMPARE(e.escape, escape);
        // Without an error pointer, the answer is the same.
        QVERIFY(!decodeEscapes(std::string_view(text.constData(), size_t(text.size()))));
    }

    void hexDigits() {
        QCOMPARE(hexDigitValue('0'), 0);
        QCOMPARE(hexDigitValue('9'), 9);
        QCOMPARE(hexDigitValue('a'), 10);
        QCOMPARE(hexDigitValue('F'), 15);
        QCOMPARE(hexDigitValue('g'), -1);
        QCOMPARE(hexDigitValue('\0'), -1);
    }
};

SOCKWB_TEST_APPLESS_MAIN(tst_Escapes)
#include "tst_escapes.moc"
