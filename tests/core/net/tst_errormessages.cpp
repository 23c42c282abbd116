// Error's words without any socket: errno names, explanations with and
// without an address, the what() layout, the other error kinds, and the
// typed details (code + numbers) with their English words.

#include <netdb.h>

#include <QtTest>

#include "support/testmain.h"
#include "support/tst_errorcheck.h"

using namespace sockwb;
using namespace sockwb::test;

class tst_ErrorMessages : public QObject {
    Q_OBJECT

private slots:
    void errnoNames_data();
    void errnoNames();
    void explanationsWithoutAddress_data();
    void explanationsWithoutAddress();
    void explanationsWithAddress_data();
    void explanationsWithAddress();
    void otherKinds();
    void detailCodes_data();
    void detailCodes();
};

void tst_ErrorMessages::errnoNames_data() {
    QTest::addColumn<int>("err");
    QTest::addColumn<QString>("name");
    QTest::newRow("ECONNREFUSED") << ECONNREFUSED << "ECONNREFUSED";
    QTest::newRow("EADDRINUSE") << EADDRINUSE << "EADDRINUSE";
    QTest::newRow("EADDRNOTAVAIL") << EADDRNOTAVAIL << "EADDRNOTAVAIL";
    QTest::newRow("EACCES") << EACCES << "EACCES";
    QTest::newRow("ETIMEDOUT") << ETIMEDOUT << "ETIMEDOUT";
    QTest::newRow("ENETUNREACH") << ENETUNREACH << "ENETUNREACH";
    QTest::newRow("EHOSTUNREACH") << EHOSTUNREACH << "EHOSTUNREACH";
    QTest::newRow("ECONNRESET") << ECONNRESET << "ECONNRESET";
    QTest::newRow("EPIPE") << EPIPE << "EPIPE";
    QTest::newRow("EMFILE") << EMFILE << "EMFILE";
    QTest::newRow("EAGAIN") << EAGAIN << "EAGAIN";
    QTest::newRow("EINPROGRESS") << EINPROGRESS << "EINPROGRESS";
    QTest::newRow("unknown") << 4242 << "E4242";
}

void tst_ErrorMessages::errnoNames() {
    QFETCH(int, err);
    QFETCH(QString, name);
    QCOMPARE(QString::fromStdString(errnoName(err)), name);
}

void tst_ErrorMessages::explanationsWithoutAddress_data() {
    QTest::addColumn<int>("err");
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("word");
    QTest::newRow("ECONNREFUSED") << ECONNREFUSED << "connect"
                                  << "nothing is listening";
    QTest::newRow("EADDRINUSE bind") << EADDRINUSE << "bind"
                                     << "already used";
    QTest::newRow("EADDRINUSE connect") << EADDRINUSE << "connect"
                                        << "no free local port";
    QTest::newRow("EADDRNOTAVAIL") << EADDRNOTAVAIL << "bind"
                                   << "not available";
    QTest::newRow("EACCES") << EACCES << "bind"
                            << "privileged";
    QTest::newRow("ETIMEDOUT") << ETIMEDOUT << "connect"
                               << "timed out";
    QTest::newRow("ENETUNREACH") << ENETUNREACH << "connect"
                                 << "unreachable";
    QTest::newRow("EHOSTUNREACH") << EHOSTUNREACH << "connect"
                                  << "cannot be reached";
    QTest::newRow("ECONNRESET") << ECONNRESET << "recv"
                                << "reset";
    QTest::newRow("EPIPE") << EPIPE << "send"
                           << "closed";
    QTest::newRow("EMFILE") << EMFILE << "socket"
                            << "too many open files";
    // Not "the operation would block": EAGAIN from pthread_create is a limit.
    QTest::newRow("EAGAIN pthread_create") << EAGAIN << "pthread_create"
                                           << "could not create a thread";
    QTest::newRow("EAGAIN recv") << EAGAIN << "recv"
                                 << "would block";
}

void tst_ErrorMessages::explanationsWithoutAddress() {
    QFETCH(int, err);
    QFETCH(QString, call);
    QFETCH(QString, word);
    Error e = Error::fromErrno(call.toStdString(), err);
    QVERIFY2(e.explanation().find(word.toStdString()) != std::string::npos, e.what());
    // No dangling "on " or "()" when there is no address.
    QVERIFY2(std::string(e.what()).find("()") == std::string::npos, e.what());
    QVERIFY2(
        std::string(e.what()).rfind(call.toStdString() + ": " + errnoName(err) + " — ", 0) == 0,
        e.what());
}

void tst_ErrorMessages::explanationsWithAddress_data() {
    QTest::addColumn<int>("err");
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("EADDRINUSE") << EADDRINUSE << "bind"
                                << "127.0.0.1:8080"
                                << "port 8080 on 127.0.0.1 is already used by another socket";
    QTest::newRow("EADDRINUSE v6") << EADDRINUSE << "bind"
                                   << "[::1]:8080"
                                   << "port 8080 on ::1 is already used";
    QTest::newRow("EADDRNOTAVAIL v6") << EADDRNOTAVAIL << "bind"
                                      << "[2001:db8::1]:80"
                                      << "2001:db8::1 is not an address of this machine";
    QTest::newRow("EADDRNOTAVAIL connect") << EADDRNOTAVAIL << "connect"
                                           << "0.0.0.0:0"
                                           << "cannot connect to 0.0.0.0:0";
    QTest::newRow("EACCES low port") << EACCES << "bind"
                                     << "0.0.0.0:80"
                                     << "port 80 is privileged";
    QTest::newRow("EACCES high port") << EACCES << "bind"
                                      << "0.0.0.0:8080"
                                      << "binding 0.0.0.0:8080 is not permitted";
    QTest::newRow("ECONNREFUSED v6") << ECONNREFUSED << "connect"
                                     << "[::1]:9"
                                     << "nothing is listening on [::1]:9";
    QTest::newRow("ENETUNREACH") << ENETUNREACH << "connect"
                                 << "10.9.8.7:1"
                                 << "no route to the network of 10.9.8.7";
    QTest::newRow("ETIMEDOUT") << ETIMEDOUT << "connect"
                               << "10.9.8.7:1"
                               << "no answer from 10.9.8.7:1 in time";
}

void tst_ErrorMessages::explanationsWithAddress() {
    QFETCH(int, err);
    QFETCH(QString, call);
    QFETCH(QString, address);
    QFETCH(QString, expected);
    Error e = Error::fromErrno(call.toStdString(), err, address.toStdString());
    QVERIFY2(e.explanation().find(expected.toStdString()) != std::string::npos, e.what());
    const std::string head =
        call.toStdString() + "(" + address.toStdString() + "): " + errnoName(err) + " — ";
    QVERIFY2(std::string(e.what()).rfind(head, 0) == 0, e.what());
}

void tst_ErrorMessages::otherKinds() {
    Error inv = Error::invalid("invalid port 'x'", "a port is a number from 0 to 65535");
    QCOMPARE(inv.kind(), ErrorKind::InvalidInput);
    QCOMPARE(std::string(inv.what()),
             std::string("invalid port 'x': a port is a number from 0 to 65535"));
    Error un = Error::unsupported("UDP has no connections to accept");
    QCOMPARE(un.kind(), ErrorKind::Unsupported);
    QCOMPARE(std::string(un.what()), std::string("UDP has no connections to accept"));
    ErrorInfo eos{ErrorKind::EndOfStream, "recv", 0, 0, "127.0.0.1:7", "got 3 of 10 bytes"};
    Error e(eos);
    QVERIFY2(std::string(e.what()).find("127.0.0.1:7") != std::string::npos, e.what());
    QVERIFY2(std::string(e.what()).find("got 3 of 10 bytes") != std::string::npos, e.what());
    ErrorInfo res{ErrorKind::Resolve, "getaddrinfo", 0, EAI_AGAIN, {}, "example.org"};
    QVERIFY(Error(res).explanation().find("'example.org'") != std::string::npos);
}

void tst_ErrorMessages::detailCodes_data() {
    QTest::addColumn<int>("code");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint64>("m");
    QTest::addColumn<QString>("words");
    QTest::newRow("gave up") << int(DetailCode::GaveUpAfterMs) << quint64(3000) << quint64(0)
                             << "gave up after 3000 ms";
    QTest::newRow("got of") << int(DetailCode::GotOfBytes) << quint64(2) << quint64(4)
                            << "got 2 of 4 bytes";
    QTest::newRow("unsent") << int(DetailCode::BytesUnsent) << quint64(17) << quint64(0)
                            << "17 bytes still unsent";
    QTest::newRow("limit") << int(DetailCode::BytesOverLimit) << quint64(70000) << quint64(65536)
                           << "70000 bytes, limit 65536";
    QTest::newRow("bytes") << int(DetailCode::Bytes) << quint64(5000000000) << quint64(0)
                           << "5000000000 bytes";
    QTest::newRow("by the user") << int(DetailCode::ByTheUser) << quint64(0) << quint64(0)
                                 << "by the user";
    QTest::newRow("redirects") << int(DetailCode::TooManyRedirects) << quint64(5) << quint64(0)
                               << "more than 5 redirects";
    QTest::newRow("words") << int(DetailCode::Words) << quint64(1) << quint64(2) << "";
}

void tst_ErrorMessages::detailCodes() {
    QFETCH(int, code);
    QFETCH(quint64, n);
    QFETCH(quint64, m);
    QFETCH(QString, words);
    QCOMPARE(QString::fromStdString(detailWords(DetailCode(code), n, m)), words);
    // withDetail keeps the English words and the code together: the CLI
    // prints the first, the GUI words the second.
    const ErrorInfo info =
        withDetail(ErrorInfo{ErrorKind::Timeout, "recv", ETIMEDOUT, 0, "127.0.0.1:7", {}},
                   DetailCode(code), n, m);
    QCOMPARE(int(info.detailCode), code);
    QCOMPARE(info.detailN, n);
    QCOMPARE(info.detailM, m);
    QCOMPARE(QString::fromStdString(info.detail), words);
    const std::string what = Error(info).what();
    QVERIFY2(what.find(words.toStdString()) != std::string::npos, what.c_str());
}

SOCKWB_TEST_GUILESS_MAIN(tst_ErrorMessages)
#include "tst_errormessages.moc"
