// `sockwb addr` through the real binary, and the command line's language:
// --lang fr (before or after the sub-command), LANG / LC_MESSAGES / LC_ALL,
// French error sentences (the GUI's, ErrorText), JSON kept in English.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QtTest>

#include "app/cli/cliprocess.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb::test;

namespace {
// Runs sockwb with the language variables set as given ("" = unset).
Result runIn(const QStringList& args, const QString& lcAll, const QString& lcMessages,
             const QString& lang) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const auto set = [&env](const char* name, const QString& value) {
        if (value.isEmpty())
            env.remove(QLatin1String(name));
        else
            env.insert(QLatin1String(name), value);
    };
    set("LC_ALL", lcAll);
    set("LC_MESSAGES", lcMessages);
    set("LANG", lang);
    set("LANGUAGE", {});
    p.setProcessEnvironment(env);
    p.start(kBinary, args);
    if (!p.waitForStarted(kWaitMs) || !p.waitForFinished(kWaitMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Result runEnglish(const QStringList& args) { return runIn(args, QStringLiteral("C"), {}, {}); }

const QByteArray kFrenchUnknown =
    QStringLiteral("Le nom no-such-host.invalid est inconnu").toUtf8();
const QByteArray kEnglishUnknown = "The name no-such-host.invalid is not known";
}  // namespace

class tst_AddrCli : public QObject {
    Q_OBJECT

private slots:
    void ipv4Layout() {
        const Result r = runEnglish({"addr", "127.0.0.1", "8080"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("inet_pton(AF_INET, \"127.0.0.1\") = 1"), r.out.constData());
        QVERIFY2(r.out.contains("struct sockaddr_in, sizeof = 16 bytes"), r.out.constData());
        QVERIFY2(r.out.contains("sin_port"), r.out.constData());
        QVERIFY2(r.out.contains("1f 90"), r.out.constData());
        QVERIFY2(r.out.contains("htons(8080)"), r.out.constData());
        QVERIFY2(r.out.contains("SOCK_STREAM IPPROTO_TCP"), r.out.constData());
    }

    void hostColonPort() {
        const Result r = runEnglish({"addr", "[::1]:80"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("struct sockaddr_in6, sizeof = 28 bytes"), r.out.constData());
        QVERIFY2(r.out.contains("00 50"), r.out.constData());
    }

    void invalidAddressIsNotAName() {
        const Result r = runEnglish({"addr", "999.1.1.1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("inet_pton(AF_INET, \"999.1.1.1\") = 0"), r.out.constData());
        QVERIFY2(r.out.contains("Not a valid IPv4 address"), r.out.constData());
        QVERIFY2(!r.out.contains("getaddrinfo("), r.out.constData());
    }

    void unknownName() {
        const Result r = runEnglish({"addr", "no-such-host.invalid", "80"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("= EAI_NONAME"), r.out.constData());
        QVERIFY2(r.out.contains(kEnglishUnknown), r.out.constData());
    }

    void json() {
        const Result r = runEnglish({"addr", "--json", "127.0.0.1", "8080"});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        QCOMPARE(o.value("verdict").toString(), QStringLiteral("ipv4"));
        QCOMPARE(o.value("inetPtonV4").toInt(), 1);
        const QJsonArray fields = o.value("sockaddr").toObject().value("fields").toArray();
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields[1].toObject().value("name").toString(), QStringLiteral("sin_port"));
        QCOMPARE(fields[1].toObject().value("bytes").toString(), QStringLiteral("1f 90"));
        QCOMPARE(fields[1].toObject().value("value").toInt(), 8080);
        QCOMPARE(fields[1].toObject().value("hostOrderRead").toInt(), 0x901f);  // little-endian
        QVERIFY(!o.value("results").toArray().isEmpty());
    }

    void badUsage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("words");
        QTest::newRow("port out of range")
            << QStringList{"addr", "1.2.3.4", "70000"} << "out of range";
        QTest::newRow("no host") << QStringList{"addr"} << "expected HOST_OR_ADDRESS";
        QTest::newRow("three words")
            << QStringList{"addr", "a", "1", "2"} << "expected HOST_OR_ADDRESS";
        QTest::newRow("unknown option")
            << QStringList{"addr", "--nope", "::1"} << "unknown option '--nope'";
        QTest::newRow("bad language")
            << QStringList{"addr", "::1", "--lang", "xx"} << "unknown language 'xx'";
    }

    void badUsage() {
        QFETCH(QStringList, args);
        QFETCH(QString, words);
        const Result r = runEnglish(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(words.toUtf8()), r.err.constData());
    }

    // The CLI installs the catalogue: a sentence already translated for the
    // GUI (ErrorText) comes out in French, whichever way French is asked for.
    void french_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("lcAll");
        QTest::addColumn<QString>("lcMessages");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<bool>("french");
        const QStringList addr{"addr", "no-such-host.invalid", "80"};
        QTest::newRow("--lang fr after") << addr + QStringList{"--lang", "fr"} << ""
                                         << ""
                                         << "" << true;
        QTest::newRow("--lang=fr after") << addr + QStringList{"--lang=fr"} << ""
                                         << ""
                                         << "" << true;
        QTest::newRow("--lang fr before") << QStringList{"--lang", "fr"} + addr << ""
                                          << ""
                                          << "" << true;
        QTest::newRow("LANG=fr_FR") << addr << ""
                                    << ""
                                    << "fr_FR.UTF-8" << true;
        QTest::newRow("LC_MESSAGES=fr over LANG=en") << addr << ""
                                                     << "fr_CA.UTF-8"
                                                     << "en_US.UTF-8" << true;
        QTest::newRow("LC_ALL=C over LANG=fr") << addr << "C"
                                               << ""
                                               << "fr_FR.UTF-8" << false;
        QTest::newRow("--lang en over LANG=fr") << addr + QStringList{"--lang", "en"} << ""
                                                << ""
                                                << "fr_FR.UTF-8" << false;
    }

    void french() {
        QFETCH(QStringList, args);
        QFETCH(QString, lcAll);
        QFETCH(QString, lcMessages);
        QFETCH(QString, lang);
        QFETCH(bool, french);
        const Result r = runIn(args, lcAll, lcMessages, lang);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(french ? kFrenchUnknown : kEnglishUnknown), r.out.constData());
    }

    // A core error of a sub-command in French: ErrorText's sentence with
    // the call and errno name, as the GUI shows it.
    void frenchConnectionRefused() {
        QString port;  // a port that was free a moment ago: nothing listens there now
        {
            const sockwb::Socket l = sockwb::tcpListen(sockwb::Address::fromIp("127.0.0.1", 0));
            port = QString::number(l.localAddress().port());
        }
        const Result r =
            runIn({"client", "127.0.0.1", port, "--send", "x", "--lang", "fr"}, {}, {}, {});
        QCOMPARE(r.exitCode, 1);
        const QByteArray expected = QStringLiteral("Connexion refusée").toUtf8();
        QVERIFY2(r.err.contains(expected), r.err.constData());
        QVERIFY2(r.err.contains("connect: ECONNREFUSED"), r.err.constData());
    }

    // JSON stays English and stable whatever the language.
    void jsonStaysEnglish() {
        const Result r =
            runIn({"addr", "--json", "no-such-host.invalid", "--lang", "fr"}, {}, {}, {});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("gaiName").toString(), QStringLiteral("EAI_NONAME"));
        QCOMPARE(o.value("verdict").toString(), QStringLiteral("name"));
        QVERIFY2(!r.out.contains("inconnu"), r.out.constData());
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_AddrCli)
#include "tst_addr_cli.moc"
