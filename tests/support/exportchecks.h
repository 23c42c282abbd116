#pragma once
// The exchanges the exported-server suites check against a running export
// (exportedserver.h): for each service the exact bytes the workbench's own
// service sends (chargen's stream, the clock's N times then "Au Revoir"
// with no terminator, the chat relayed to the other client only...). Each
// check uses QCOMPARE/QVERIFY: call it, then return when
// QTest::currentTestFailed(). Test code only, GUI thread.

#include <QRegularExpression>
#include <chrono>

#include "core/services/chargenservice.h"
#include "core/services/timeservice.h"
#include "support/exportedserver.h"

namespace sockwb::test {

inline bool isTimeText(const std::string& text) {
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"));
    return re.match(QString::fromStdString(text)).hasMatch();
}

// The clock's answer to one request: 2 times (19 bytes each) then "Au Revoir".
inline void checkClockBytes(const std::string& got) {
    QCOMPARE(got.size(), size_t(2 * 19 + 9));
    QVERIFY2(isTimeText(got.substr(0, 19)), got.c_str());
    QVERIFY2(isTimeText(got.substr(19, 19)), got.c_str());
    QCOMPARE(got.substr(38), std::string("Au Revoir"));
}

inline void checkTimeValue(const std::string& got) {
    QCOMPARE(got.size(), size_t(4));
    const auto* b = reinterpret_cast<const unsigned char*>(got.data());
    const uint32_t v =
        (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3];
    const std::string now = TimeService::encode(std::chrono::system_clock::now());
    const auto* n = reinterpret_cast<const unsigned char*>(now.data());
    const uint32_t expected =
        (uint32_t(n[0]) << 24) | (uint32_t(n[1]) << 16) | (uint32_t(n[2]) << 8) | n[3];
    QVERIFY2(expected - v <= 5, "the time service's value is not now");
}

inline void checkDaytime(const std::string& got) {
    static const QRegularExpression re(
        QStringLiteral("^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day, [A-Z][a-z]+ \\d\\d, \\d{4} "
                       "\\d\\d:\\d\\d:\\d\\d-\\S+\r\n$"));
    QVERIFY2(re.match(QString::fromStdString(got)).hasMatch(), got.c_str());
}

// One TCP exchange with a listener of the service on port.
inline void checkTcpService(const std::string& service, uint16_t port) {
    if (service == "echo") {
        Socket s = connectTo(port);
        s.sendAll("hello, echo\n");
        QCOMPARE(readAtLeast(s, 12), std::string("hello, echo\n"));
        s.sendAll("second line\n");
        QCOMPARE(readAtLeast(s, 12), std::string("second line\n"));
        s.shutdownWrite();
        QCOMPARE(readToEnd(s), std::string());  // closed after the half-close
    } else if (service == "discard") {
        Socket s = connectTo(port);
        s.sendAll(std::string(10000, 'x'));
        s.shutdownWrite();
        QCOMPARE(readToEnd(s), std::string());
    } else if (service == "chargen") {
        Socket s = connectTo(port);
        const size_t n = 74 * 95 * 2 + 100;  // past one period of the pattern
        QCOMPARE(readAtLeast(s, n), ChargenService::stream(0, n));
    } else if (service == "daytime") {
        Socket s = connectTo(port);
        checkDaytime(readToEnd(s));
    } else if (service == "time") {
        Socket s = connectTo(port);
        checkTimeValue(readToEnd(s));
    } else if (service == "clock") {
        // The course's client: "Bonjour" with strlen(), no '\n'.
        Socket s = connectTo(port);
        s.sendAll("Bonjour");
        checkClockBytes(readToEnd(s));
    } else if (service == "http") {
        Socket s = connectTo(port);
        s.sendAll("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        const std::string got = readToEnd(s);
        QVERIFY2(got.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, got.c_str());
        QVERIFY(got.find("\r\nConnection: close\r\n") != std::string::npos);
        const size_t body = got.find("\r\n\r\n");
        QVERIFY(body != std::string::npos);
        const std::string length =
            "\r\nContent-Length: " + std::to_string(got.size() - body - 4) + "\r\n";
        QVERIFY2(got.find(length) != std::string::npos, got.c_str());
        QVERIFY(got.find("<h1>Hello from Socket Workbench</h1>") != std::string::npos);
    } else if (service == "chat") {
        // Three clients: a line from one reaches the two others, byte for
        // byte, never its sender. A client is in the relay once accepted, so
        // the sender repeats its line until both have one.
        Socket a = connectTo(port);
        Socket b = connectTo(port);
        Socket c = connectTo(port);
        const std::string line = "[1700000000]alice:bonjour\n";
        std::string gotB, gotC;
        QDeadlineTimer deadline(10000);
        while ((gotB.empty() || gotC.empty()) && !deadline.hasExpired()) {
            a.sendAll(line);
            b.recvSome(gotB, 65536, Millis(gotB.empty() ? 100 : 1));
            c.recvSome(gotC, 65536, Millis(gotC.empty() ? 100 : 1));
        }
        QVERIFY2(gotB.rfind(line, 0) == 0, gotB.c_str());
        QVERIFY2(gotC.rfind(line, 0) == 0, gotC.c_str());
        // b answers: a and c get it, b does not get its own line back.
        const std::string answer = "[1700000001]bob:salut";  // no '\n', as the course sends
        b.sendAll(answer);
        std::string gotA, gotC2;
        QTRY_VERIFY_WITH_TIMEOUT(
            (a.recvSome(gotA, 65536, Millis(20)), gotA.size() >= answer.size()), 10000);
        QCOMPARE(gotA, answer);
        QTRY_VERIFY_WITH_TIMEOUT(
            (c.recvSome(gotC2, 65536, Millis(20)), gotC2.find(answer) != std::string::npos), 10000);
        std::string own;
        b.recvSome(own, 65536, Millis(100));
        QVERIFY2(own.find(answer) == std::string::npos, "the chat sent a line back to its sender");
    } else {
        QFAIL(("no check for " + service).c_str());
    }
}

// One UDP exchange with a listener of the service on port.
inline void checkUdpService(const std::string& service, uint16_t port) {
    if (service == "echo") {
        const auto got = udpExchange(port, "ping over udp", false);
        QCOMPARE(got, std::vector<std::string>{"ping over udp"});
    } else if (service == "clock") {
        const auto got = udpExchange(port, "Bonjour", true);
        QCOMPARE(got.size(), size_t(3));
        QVERIFY(isTimeText(got[0]));
        QVERIFY(isTimeText(got[1]));
        QCOMPARE(got[2], std::string("Au Revoir"));
    } else if (service == "daytime") {
        const auto got = udpExchange(port, "?", false);
        QCOMPARE(got.size(), size_t(1));
        checkDaytime(got[0]);
    } else if (service == "time") {
        const auto got = udpExchange(port, "?", false);
        QCOMPARE(got.size(), size_t(1));
        checkTimeValue(got[0]);
    } else {
        QFAIL(("no check for " + service).c_str());
    }
}

}  // namespace sockwb::test
