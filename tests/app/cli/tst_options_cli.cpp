// The option parser of every sub-command (CommandParser on
// QCommandLineParser), through the real binary: unknown options, missing
// values, values given to flags, bad numbers and ranges, --opt=value,
// repeatable options, values that start with '-', bytes kept as given, and
// every option a --help lists is one the parser knows. `sockwb http` takes
// its curl flags through CurlCommand: --as-curl shows what it would send.

#include <signal.h>

#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb::test;

class tst_OptionsCli : public QObject {
    Q_OBJECT

private slots:
    void refused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("unknown long option")
            << QStringList{"client", "127.0.0.1", "7", "--bogus=1"}
            << QStringList{"unknown option '--bogus'", "see sockwb client --help"};
        QTest::newRow("unknown letter among compacted flags")
            << QStringList{"load", "tcp://127.0.0.1:7", "-jn", "1"}
            << QStringList{"unknown option '-j'", "see sockwb load --help"};
        QTest::newRow("unknown option of demo")
            << QStringList{"demo", "--colour"} << QStringList{"unknown option '--colour'"};
        QTest::newRow("missing value, short name") << QStringList{"load", "tcp://127.0.0.1:7", "-n"}
                                                   << QStringList{"--requests needs a value"};
        QTest::newRow("missing value, http")
            << QStringList{"http", "-H"} << QStringList{"--header needs a value"};
        QTest::newRow("flag given a value")
            << QStringList{"serve", "--service", "echo", "--trace=yes"}
            << QStringList{"--trace takes no value"};
        QTest::newRow("short flag given a value")
            << QStringList{"serve", "--service", "echo", "-v=1"}
            << QStringList{"--verbose takes no value"};
        QTest::newRow("bad number")
            << QStringList{"serve", "--service", "echo", "--threads", "many"}
            << QStringList{"--threads: 'many' is not a number"};
        QTest::newRow("bad number after =")
            << QStringList{"demo", "--ticks=3x"} << QStringList{"--ticks: '3x' is not a number"};
        QTest::newRow("out of range")
            << QStringList{"serve", "--service", "echo", "--threads", "0"}
            << QStringList{"--threads: 0 is out of range", "expected 1 to 1024"};
        QTest::newRow("negative number is a value")
            << QStringList{"serve", "--service", "echo", "--ticks", "-5"}
            << QStringList{"--ticks: -5 is out of range", "expected 0 to 1000000"};
        QTest::newRow("decimal out of range")
            << QStringList{"load", "tcp://127.0.0.1:7", "-n", "1", "--rate", "-3"}
            << QStringList{"--rate: -3 is out of range", "expected 0.001 to 1000000000"};
        QTest::newRow("not a whole number")
            << QStringList{"load", "tcp://127.0.0.1:7", "-n", "1.5"}
            << QStringList{"--requests: '1.5' is not a whole number"};
        QTest::newRow("http bad --max-redirs")
            << QStringList{"http", "--max-redirs", "x", "http://127.0.0.1:7/"}
            << QStringList{"--max-redirs: 'x' is not a number"};
        QTest::newRow("http bad --timeout")
            << QStringList{"http", "--timeout", "0", "http://127.0.0.1:7/"}
            << QStringList{"--timeout: 0 is out of range"};
        QTest::newRow("negative http timeout")
            << QStringList{"serve", "--service", "http", "--header-timeout", "-1"}
            << QStringList{"--header-timeout: -1 is out of range", "expected 0 to 86400000"};
        QTest::newRow("negative udp rate")
            << QStringList{"serve", "--service", "echo", "--protocol", "udp", "--udp-rate", "-1"}
            << QStringList{"--udp-rate: -1 is out of range"};
        QTest::newRow("bad size") << QStringList{"serve", "--service", "echo", "--memory-budget",
                                                 "64X"}
                                  << QStringList{"--memory-budget: '64X' is not a size",
                                                 "K, M or G"};
        QTest::newRow("size out of range")
            << QStringList{"serve", "--service", "echo", "--memory-budget=2048G"}
            << QStringList{"--memory-budget: 2048G is out of range"};
        QTest::newRow("soft output limit over the hard one")
            << QStringList{"serve", "--service", "chat", "--output-limit", "2M,4M,10"}
            << QStringList{"--output-limit '2M,4M,10': expected HARD[,SOFT,SECONDS]",
                           "as in --output-limit 8M,2M,60"};
        QTest::newRow("unexpected positional")
            << QStringList{"demo", "extra"} << QStringList{"unexpected argument 'extra'"};
        QTest::newRow("bad header through CurlCommand")
            << QStringList{"http", "-H", "nocolon", "http://127.0.0.1:7/"}
            << QStringList{"invalid header 'nocolon'"};
    }
    void refused() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, words);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QByteArray prefix = "sockwb " + args.first().toUtf8() + ": ";
        QVERIFY2(r.err.startsWith(prefix), r.err.constData());
        for (const QString& w : words) QVERIFY2(r.err.contains(w.toUtf8()), r.err.constData());
    }

    // --help wins over the rest, but not when it is another option's value.
    void helpAnywhere() {
        Result r = run({"serve", "--service", "echo", "--colour", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("Usage: sockwb serve"));
        r = run({"client", "--send", "--help"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("HOST and PORT"), r.err.constData());
    }

    void equalsForm() {
        Serve s({"--service=echo", "--port=0", "--model=poll", "--max-connections=5",
                 "--memory-budget=64M", "--output-limit=4M,1M,30"});
        QCOMPARE(s.lines().size(), 1);
        QVERIFY2(s.lines()[0].endsWith(" model=poll service=echo"), qPrintable(s.lines()[0]));
        const Result r = run({"client", "127.0.0.1", s.port(), "--send=a=b", "--until=a=b"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("a=b"));
    }

    // serve --header-timeout reaches the http service: a head left
    // unfinished gets its 408 after 300 ms, not the default 20 s.
    void httpHeaderTimeout() {
        Serve s({"--service", "http", "--header-timeout", "300", "--body-timeout=0",
                 "--keepalive-timeout", "0"});
        QVERIFY(!s.port().isEmpty());
        sockwb::Socket c =
            sockwb::tcpConnect(sockwb::Address::fromIp("127.0.0.1", uint16_t(s.port().toUInt())),
                               sockwb::Millis(5000));
        QElapsedTimer t;
        t.start();
        c.sendAll("GET / HTTP/1.1\r\nHost: x\r\n", sockwb::Millis(5000));
        std::string got;
        while (t.elapsed() < 5000) {
            const auto r = c.recvSome(got, 4096, sockwb::Millis(100));
            if (r.eof()) break;
        }
        QVERIFY2(got.rfind("HTTP/1.1 408 Request Timeout\r\n", 0) == 0, got.c_str());
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }

    // Values that start with '-' are values; several --send are kept in order;
    // bytes outside ASCII go through unchanged.
    void dashValuesRepeatedAndBytes() {
        Serve s({"--service", "echo"});
        const Result r = run({"client", "127.0.0.1", s.port(), "--send", "-x", "--send", "--y",
                              "--send", QString::fromUtf8("é€"), "--until", "€"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("-x--y") + QString::fromUtf8("é€").toUtf8());
    }

    void httpCurlFlags_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("command");
        QTest::newRow("plain") << QStringList{"http://127.0.0.1:7/"} << "curl http://127.0.0.1:7/";
        QTest::newRow("repeated -H and -d, dash values")
            << QStringList{"POST",     "http://127.0.0.1:7/p",
                           "-H",       "X-A: 1",
                           "--header", "X-B: -2",
                           "-d",       "a=1",
                           "--data",   "-b"}
            << "curl -H 'X-A: 1' -H 'X-B: -2' --data-raw 'a=1&-b' http://127.0.0.1:7/p";
        QTest::newRow("--header=, compacted -iL")
            << QStringList{"--header=Accept: text/plain", "-iL", "--compressed",
                           "http://127.0.0.1:7/"}
            << "curl -L --compressed -H 'Accept: text/plain' http://127.0.0.1:7/";
        QTest::newRow("method") << QStringList{"DELETE", "http://127.0.0.1:7/x"}
                                << "curl -X DELETE http://127.0.0.1:7/x";
        QTest::newRow("--from-curl, then our flags on top")
            << QStringList{"--from-curl", "curl -sSL -X PUT http://h/x -d q", "-H", "C: d"}
            << "curl -X PUT -L -H 'C: d' --data-raw q http://h/x";
    }
    void httpCurlFlags() {
        QFETCH(QStringList, args);
        QFETCH(QString, command);
        const Result r = run(QStringList{"http", "--as-curl"} + args);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), command);
    }

    // Each option a sub-command's --help lists (the man page and the bash
    // completion read them there) is declared to the parser.
    void helpOptionsAreKnown_data() {
        QTest::addColumn<QString>("sub");
        for (const char* s : {"serve", "client", "http", "load", "demo"}) QTest::newRow(s) << s;
    }
    void helpOptionsAreKnown() {
        QFETCH(QString, sub);
        const Result help = run({sub, "--help"});
        QCOMPARE(help.exitCode, 0);
        static const QRegularExpression option(
            QStringLiteral("^ +(?:(-[A-Za-z0-9]), )?(--[A-Za-z0-9.-]+)"));
        static const QRegularExpression inUsage(QStringLiteral("(--[A-Za-z0-9.-]+)"));
        const QStringList lines = QString::fromUtf8(help.out).split('\n');
        QSet<QString> names;
        for (const auto& m : inUsage.globalMatch(lines.first())) names << m.captured(1);
        for (const QString& line : lines) {
            const auto m = option.match(line);
            if (!m.hasMatch() || m.captured(2) == "--help") continue;
            names << m.captured(2);
            if (!m.captured(1).isEmpty()) names << m.captured(1);
        }
        QVERIFY2(names.size() >= 2, qPrintable(QStringList(names.values()).join(' ')));
        for (const QString& name : names) {
            // Alone: a usage error (no target, a missing value...), never unknown.
            const Result r = run({sub, name});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(!r.err.contains("unknown option"),
                     qPrintable(sub + " " + name + ": " + r.err));
        }
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_OptionsCli)
#include "tst_options_cli.moc"
