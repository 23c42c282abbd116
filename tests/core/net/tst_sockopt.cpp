// The named socket options (core/net/sockopt.h): every option parsed and
// written back the same, every refusal worded; then applied to real
// loopback sockets and read back (SO_RCVBUF doubled, TCP_NODELAY on,
// SO_LINGER 0 resets the peer, a timeout in ms, IPV6_V6ONLY on IPv6,
// SO_BROADCAST on UDP, a TCP option refused on UDP, IP_TTL on IPv6).

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <QtTest>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sockopt.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;

namespace {

// Refused text -> the Error's message.
QString refusal(const char* text) {
    try {
        parseSockopt(text);
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::InvalidInput) return QStringLiteral("wrong kind");
        return QString::fromUtf8(e.what());
    }
    return {};
}

const SockoptReadback* entry(const std::vector<SockoptReadback>& all, const std::string& name) {
    for (const auto& r : all)
        if (r.asked.name == name) return &r;
    return nullptr;
}

int intOption(int fd, int level, int name) {
    int v = -1;
    socklen_t len = sizeof v;
    if (::getsockopt(fd, level, name, &v, &len) != 0) return -2;
    return v;
}

}  // namespace

class tst_Sockopt : public QObject {
    Q_OBJECT

private slots:
    void tableIsComplete() {
        const char* names[] = {"SO_REUSEADDR", "SO_REUSEPORT", "SO_RCVBUF",    "SO_SNDBUF",
                               "TCP_NODELAY",  "SO_KEEPALIVE", "TCP_KEEPIDLE", "TCP_KEEPINTVL",
                               "TCP_KEEPCNT",  "SO_LINGER",    "SO_RCVTIMEO",  "SO_SNDTIMEO",
                               "SO_BROADCAST", "IP_TTL",       "IPV6_V6ONLY"};
        QCOMPARE(sockoptSpecs().size(), std::size(names));
        for (size_t i = 0; i < std::size(names); ++i)
            QCOMPARE(QString::fromLatin1(sockoptSpecs()[i].name), QString::fromLatin1(names[i]));
        const SockoptSpec* rcv = findSockopt("SO_RCVBUF");
        QVERIFY(rcv);
        QCOMPARE(rcv->level, SOL_SOCKET);
        QCOMPARE(rcv->option, SO_RCVBUF);
        QVERIFY(rcv->beforeBind);
        QCOMPARE(findSockopt("TCP_NODELAY")->level, int(IPPROTO_TCP));
        QVERIFY(findSockopt("TCP_NODELAY")->tcpOnly);
        QVERIFY(findSockopt("SO_LINGER")->tcpOnly);
        QVERIFY(findSockopt("SO_BROADCAST")->datagramOnly);
        QVERIFY(findSockopt("IPV6_V6ONLY")->ipv6Only);
        QCOMPARE(findSockopt("IP_TTL")->level, int(IPPROTO_IP));
        QCOMPARE(findSockopt("SO_LINGER")->minValue, -1);
    }

    void findByName_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("found");
        QTest::newRow("exact") << "TCP_NODELAY"
                               << "TCP_NODELAY";
        QTest::newRow("lower") << "tcp_nodelay"
                               << "TCP_NODELAY";
        QTest::newRow("no prefix") << "nodelay"
                                   << "TCP_NODELAY";
        QTest::newRow("so, no prefix") << "ReuseAddr"
                                       << "SO_REUSEADDR";
        QTest::newRow("ip") << "ttl"
                            << "IP_TTL";
        QTest::newRow("ipv6") << "v6only"
                              << "IPV6_V6ONLY";
        QTest::newRow("keepidle") << "keepidle"
                                  << "TCP_KEEPIDLE";
        QTest::newRow("wrong prefix") << "SO_NODELAY"
                                      << "";
        QTest::newRow("unknown") << "SO_FOO"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void findByName() {
        QFETCH(QString, text);
        QFETCH(QString, found);
        const SockoptSpec* s = findSockopt(text.toStdString());
        QCOMPARE(s ? QString::fromLatin1(s->name) : QString(), found);
    }

    // Every option: parsed, written, parsed again to the same setting.
    void roundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("reuseaddr on") << "SO_REUSEADDR=on"
                                      << "SO_REUSEADDR" << 1 << "SO_REUSEADDR=on";
        QTest::newRow("reuseaddr 0") << "reuseaddr=0"
                                     << "SO_REUSEADDR" << 0 << "SO_REUSEADDR=off";
        QTest::newRow("reuseport") << "SO_REUSEPORT=true"
                                   << "SO_REUSEPORT" << 1 << "SO_REUSEPORT=on";
        QTest::newRow("rcvbuf") << "SO_RCVBUF=4096"
                                << "SO_RCVBUF" << 4096 << "SO_RCVBUF=4096";
        QTest::newRow("rcvbuf k") << "SO_RCVBUF=64k"
                                  << "SO_RCVBUF" << 65536 << "SO_RCVBUF=65536";
        QTest::newRow("sndbuf m") << "sndbuf=1M"
                                  << "SO_SNDBUF" << 1048576 << "SO_SNDBUF=1048576";
        QTest::newRow("nodelay") << "TCP_NODELAY=yes"
                                 << "TCP_NODELAY" << 1 << "TCP_NODELAY=on";
        QTest::newRow("keepalive") << "SO_KEEPALIVE=off"
                                   << "SO_KEEPALIVE" << 0 << "SO_KEEPALIVE=off";
        QTest::newRow("keepidle") << "TCP_KEEPIDLE=60"
                                  << "TCP_KEEPIDLE" << 60 << "TCP_KEEPIDLE=60s";
        QTest::newRow("keepintvl s") << "TCP_KEEPINTVL=5s"
                                     << "TCP_KEEPINTVL" << 5 << "TCP_KEEPINTVL=5s";
        QTest::newRow("keepcnt") << "TCP_KEEPCNT=3"
                                 << "TCP_KEEPCNT" << 3 << "TCP_KEEPCNT=3";
        QTest::newRow("linger 0") << "SO_LINGER=0"
                                  << "SO_LINGER" << 0 << "SO_LINGER=0";
        QTest::newRow("linger 5s") << "SO_LINGER=5s"
                                   << "SO_LINGER" << 5 << "SO_LINGER=5";
        QTest::newRow("linger off") << "SO_LINGER=off"
                                    << "SO_LINGER" << -1 << "SO_LINGER=off";
        QTest::newRow("rcvtimeo ms") << "SO_RCVTIMEO=500ms"
                                     << "SO_RCVTIMEO" << 500 << "SO_RCVTIMEO=500ms";
        QTest::newRow("rcvtimeo bare") << "SO_RCVTIMEO=250"
                                       << "SO_RCVTIMEO" << 250 << "SO_RCVTIMEO=250ms";
        QTest::newRow("sndtimeo s") << "SO_SNDTIMEO=2s"
                                    << "SO_SNDTIMEO" << 2000 << "SO_SNDTIMEO=2000ms";
        QTest::newRow("broadcast") << "SO_BROADCAST=1"
                                   << "SO_BROADCAST" << 1 << "SO_BROADCAST=on";
        QTest::newRow("ttl") << "IP_TTL=64"
                             << "IP_TTL" << 64 << "IP_TTL=64";
        QTest::newRow("v6only") << " IPV6_V6ONLY = on "
                                << "IPV6_V6ONLY" << 1 << "IPV6_V6ONLY=on";
    }
    void roundTrip() {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(int, value);
        QFETCH(QString, written);
        const SockoptSetting s = parseSockopt(text.toStdString());
        QCOMPARE(QString::fromStdString(s.name), name);
        QCOMPARE(s.value, value);
        QCOMPARE(QString::fromStdString(sockoptText(s)), written);
        QCOMPARE(parseSockopt(sockoptText(s)), s);
    }

    // Every refusal says what was wrong and the form expected.
    void refusals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("no =") << "TCP_NODELAY"
                              << "expected NAME=VALUE";
        QTest::newRow("unknown lists") << "SO_FOO=1"
                                       << "unknown option 'SO_FOO'; the options are "
                                          "SO_REUSEADDR, SO_REUSEPORT";
        QTest::newRow("unknown lists all") << "x=1"
                                           << "IP_TTL, IPV6_V6ONLY";
        QTest::newRow("flag") << "TCP_NODELAY=maybe"
                              << "TCP_NODELAY takes on or off";
        QTest::newRow("flag 2") << "SO_REUSEADDR=2"
                                << "SO_REUSEADDR takes on or off";
        QTest::newRow("bytes word") << "SO_RCVBUF=big"
                                    << "SO_RCVBUF takes a size in bytes";
        QTest::newRow("bytes 0") << "SO_RCVBUF=0"
                                 << "from 1 to 1073741824";
        QTest::newRow("bytes unit") << "SO_SNDBUF=3q"
                                    << "SO_SNDBUF takes a size in bytes";
        QTest::newRow("bytes huge") << "SO_SNDBUF=4g"
                                    << "SO_SNDBUF takes a size in bytes";
        QTest::newRow("seconds 0") << "TCP_KEEPIDLE=0"
                                   << "TCP_KEEPIDLE takes seconds from 1";
        QTest::newRow("seconds ms") << "TCP_KEEPINTVL=5ms"
                                    << "TCP_KEEPINTVL takes seconds";
        QTest::newRow("count") << "TCP_KEEPCNT=200"
                               << "TCP_KEEPCNT takes a whole number from 1 "
                                  "to 127";
        QTest::newRow("linger") << "SO_LINGER=-5"
                                << "SO_LINGER takes off or seconds ≥ 0";
        QTest::newRow("linger word") << "SO_LINGER=on"
                                     << "SO_LINGER takes off or seconds ≥ 0";
        QTest::newRow("timeout") << "SO_RCVTIMEO=soon"
                                 << "SO_RCVTIMEO takes a timeout ≥ 0";
        QTest::newRow("timeout neg") << "SO_SNDTIMEO=-1"
                                     << "SO_SNDTIMEO takes a timeout";
        QTest::newRow("ttl 0") << "IP_TTL=0"
                               << "IP_TTL takes a whole number from 1 to 255";
        QTest::newRow("ttl 256") << "IP_TTL=256"
                                 << "from 1 to 255";
        QTest::newRow("empty value") << "IP_TTL="
                                     << "IP_TTL takes";
    }
    void refusals() {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const QString message = refusal(text.toUtf8().constData());
        QVERIFY2(message.contains(says), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("'") + text + "'"), qPrintable(message));
    }

    void rcvbufDoubled() {
        Socket s = Socket::create(AF_INET, SOCK_STREAM);
        const auto r =
            applySockopts(s.fd(), {parseSockopt("SO_RCVBUF=4096")}, SockoptStage::BeforeBind);
        QCOMPARE(r.size(), size_t(1));
        QVERIFY(!r[0].error);
        QCOMPARE(r[0].readBack.value(), 8192);
        QCOMPARE(intOption(s.fd(), SOL_SOCKET, SO_RCVBUF), 8192);
        QCOMPARE(QString::fromStdString(r[0].text()),
                 QStringLiteral("SO_RCVBUF=4096 → 8192 (the kernel doubles it)"));
    }

    // Each stage takes only its options; an unknown name is said once.
    void stages() {
        Socket s = Socket::create(AF_INET, SOCK_STREAM);
        const std::vector<SockoptSetting> all = {
            {"SO_REUSEADDR", 0}, {"TCP_NODELAY", 1}, {"SO_FOO", 1}};
        const auto before = applySockopts(s.fd(), all, SockoptStage::BeforeBind);
        QCOMPARE(before.size(), size_t(2));
        QVERIFY(entry(before, "SO_REUSEADDR"));
        QCOMPARE(entry(before, "SO_REUSEADDR")->readBack.value(), 0);
        QVERIFY(entry(before, "SO_FOO")->error);
        const auto after = applySockopts(s.fd(), all, SockoptStage::Connected);
        QCOMPARE(after.size(), size_t(1));
        QCOMPARE(after[0].asked.name, std::string("TCP_NODELAY"));
        QVERIFY(applySockopts(s.fd(), {}, SockoptStage::Connected).empty());
    }

    void nodelayAndKeepalive() {
        auto pair = test::makeTcpPair();
        const auto r =
            applySockopts(pair.client.fd(),
                          {parseSockopt("TCP_NODELAY=on"), parseSockopt("SO_KEEPALIVE=on"),
                           parseSockopt("TCP_KEEPIDLE=30"), parseSockopt("TCP_KEEPINTVL=5"),
                           parseSockopt("TCP_KEEPCNT=4"), parseSockopt("IP_TTL=7")},
                          SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(6));
        for (const auto& e : r) QVERIFY2(!e.error, e.text().c_str());
        QCOMPARE(entry(r, "TCP_NODELAY")->readBack.value(), 1);
        QCOMPARE(QString::fromStdString(entry(r, "TCP_NODELAY")->text()),
                 QStringLiteral("TCP_NODELAY=on → on"));
        QVERIFY(pair.client.noDelay());
        QCOMPARE(entry(r, "TCP_KEEPIDLE")->readBack.value(), 30);
        QCOMPARE(entry(r, "TCP_KEEPCNT")->readBack.value(), 4);
        QCOMPARE(intOption(pair.client.fd(), IPPROTO_IP, IP_TTL), 7);
        QVERIFY(pair.client.keepAlive());
    }

    // SO_LINGER on with 0: close() sends RST, the peer's recv fails ECONNRESET.
    void lingerZeroResets() {
        auto pair = test::makeTcpPair();
        const auto r =
            applySockopts(pair.client.fd(), {parseSockopt("SO_LINGER=0")}, SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(1));
        QCOMPARE(r[0].readBack.value(), 0);
        QCOMPARE(QString::fromStdString(r[0].text()), QStringLiteral("SO_LINGER=0 → 0"));
        pair.client.close();
        char buf[16];
        try {
            const IoResult got = pair.server.recv(buf, sizeof buf, Millis(5000));
            QFAIL(got.eof() ? "end of stream instead of a reset" : "no reset");
        } catch (const Error& e) {
            QCOMPARE(e.err(), ECONNRESET);
        }
    }

    void lingerOffReadsOff() {
        auto pair = test::makeTcpPair();
        const auto r = applySockopts(pair.client.fd(), {{"SO_LINGER", 3}, {"SO_LINGER", -1}},
                                     SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(2));
        QCOMPARE(r[0].readBack.value(), 3);
        QCOMPARE(r[1].readBack.value(), -1);
        QCOMPARE(QString::fromStdString(r[1].text()), QStringLiteral("SO_LINGER=off → off"));
    }

    void timeoutsInMs() {
        Socket s = Socket::create(AF_INET, SOCK_STREAM);
        const auto r = applySockopts(
            s.fd(), {parseSockopt("SO_RCVTIMEO=1500ms"), parseSockopt("SO_SNDTIMEO=2s")},
            SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(2));
        QCOMPARE(r[0].readBack.value(), 1500);
        QCOMPARE(r[1].readBack.value(), 2000);
        QCOMPARE(s.recvTimeout().count(), 1500);
        QCOMPARE(QString::fromStdString(r[0].text()),
                 QStringLiteral("SO_RCVTIMEO=1500ms → 1500ms"));
    }

    void v6onlyOnIpv6() {
        Socket s;
        try {
            s = Socket::create(AF_INET6, SOCK_STREAM);
        } catch (const Error&) {
            QSKIP("no IPv6 on this machine");
        }
        auto r = applySockopts(s.fd(), {{"IPV6_V6ONLY", 1}}, SockoptStage::BeforeBind);
        QCOMPARE(r.size(), size_t(1));
        QVERIFY(!r[0].error);
        QCOMPARE(r[0].readBack.value(), 1);
        QCOMPARE(intOption(s.fd(), IPPROTO_IPV6, IPV6_V6ONLY), 1);
        // IP_TTL on IPv6 is the hop limit.
        r = applySockopts(s.fd(), {{"IP_TTL", 9}}, SockoptStage::Connected);
        QCOMPARE(r[0].readBack.value(), 9);
        QCOMPARE(QString::fromLatin1(r[0].appliedAs), QStringLiteral("IPV6_UNICAST_HOPS"));
        QCOMPARE(intOption(s.fd(), IPPROTO_IPV6, IPV6_UNICAST_HOPS), 9);
        QVERIFY(QString::fromStdString(r[0].text()).contains("set as IPV6_UNICAST_HOPS"));
        QCOMPARE(readSockopt(s.fd(), *findSockopt("IP_TTL")).readBack.value(), 9);
    }

    void v6onlyRefusedOnIpv4() {
        Socket s = Socket::create(AF_INET, SOCK_DGRAM);
        const auto r = applySockopts(s.fd(), {{"IPV6_V6ONLY", 1}}, SockoptStage::BeforeBind);
        QCOMPARE(r.size(), size_t(1));
        QCOMPARE(r[0].mismatch, SockoptMismatch::NeedsIpv6);
        QVERIFY(!r[0].readBack);
        QVERIFY(QString::fromStdString(r[0].text()).contains("not applied to an IPv4 socket"));
    }

    void broadcastOnUdp() {
        Socket s = udpBind(Address::fromIp("127.0.0.1", 0));
        const auto r =
            applySockopts(s.fd(), {parseSockopt("SO_BROADCAST=on")}, SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(1));
        QVERIFY(!r[0].error);
        QCOMPARE(r[0].readBack.value(), 1);
        QCOMPARE(intOption(s.fd(), SOL_SOCKET, SO_BROADCAST), 1);
        // ... and refused on TCP, with no call made.
        Socket t = Socket::create(AF_INET, SOCK_STREAM);
        const auto refused = applySockopts(t.fd(), {{"SO_BROADCAST", 1}}, SockoptStage::Connected);
        QCOMPARE(refused[0].mismatch, SockoptMismatch::NeedsUdp);
        QCOMPARE(intOption(t.fd(), SOL_SOCKET, SO_BROADCAST), 0);
    }

    void tcpOnlyRefusedOnUdp_data() {
        QTest::addColumn<QString>("setting");
        for (const char* s : {"TCP_NODELAY=on", "SO_KEEPALIVE=on", "TCP_KEEPIDLE=10",
                              "TCP_KEEPINTVL=10", "TCP_KEEPCNT=3", "SO_LINGER=0"})
            QTest::newRow(s) << s;
    }
    void tcpOnlyRefusedOnUdp() {
        QFETCH(QString, setting);
        Socket s = udpBind(Address::fromIp("127.0.0.1", 0));
        const auto r =
            applySockopts(s.fd(), {parseSockopt(setting.toStdString())}, SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(1));
        QCOMPARE(r[0].mismatch, SockoptMismatch::NeedsTcp);
        QVERIFY(r[0].error);
        QCOMPARE(r[0].error->kind, ErrorKind::InvalidInput);
        QVERIFY(!r[0].readBack);
        const QString text = QString::fromStdString(r[0].text());
        QVERIFY2(text.contains("is a TCP option: not applied to a UDP socket"), qPrintable(text));
    }

    void unixSocketRefusesIpOptions() {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
        Socket a(fds[0]), b(fds[1]);
        const auto r =
            applySockopts(a.fd(), {{"TCP_NODELAY", 1}, {"IP_TTL", 3}, {"SO_SNDBUF", 8192}},
                          SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(2));
        QCOMPARE(r[0].mismatch, SockoptMismatch::NeedsTcp);
        QCOMPARE(r[1].mismatch, SockoptMismatch::NeedsIp);
        QVERIFY(QString::fromStdString(r[1].text()).contains("a Unix-domain socket"));
    }

    // A failing call is reported with its errno, never thrown.
    void failedCallReported() {
        const auto r = applySockopts(-1, {{"SO_RCVBUF", 4096}}, SockoptStage::BeforeBind);
        QCOMPARE(r.size(), size_t(1));
        QVERIFY(r[0].error);
        QCOMPARE(r[0].error->kind, ErrorKind::System);
        QCOMPARE(r[0].error->err, EBADF);
        QCOMPARE(QString::fromStdString(r[0].error->call), QStringLiteral("setsockopt"));
        QVERIFY(QString::fromStdString(r[0].text()).contains("EBADF"));
        const auto read = readSockopt(-1, *findSockopt("TCP_NODELAY"));
        QVERIFY(!read.readBack);
        QCOMPARE(read.error->err, EBADF);
    }

    void outOfRangeSettingNotApplied() {
        Socket s = Socket::create(AF_INET, SOCK_STREAM);
        const auto r = applySockopts(s.fd(), {{"IP_TTL", 999}}, SockoptStage::Connected);
        QCOMPARE(r.size(), size_t(1));
        QVERIFY(r[0].error);
        QVERIFY(!r[0].readBack);
        QVERIFY(QString::fromStdString(r[0].text()).contains("from 1 to 255"));
    }

    void findSettingLastWins() {
        const std::vector<SockoptSetting> all = {{"TCP_NODELAY", 0}, {"TCP_NODELAY", 1}};
        QCOMPARE(findSetting(all, "nodelay")->value, 1);
        QVERIFY(!findSetting(all, "SO_LINGER"));
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_Sockopt)
#include "tst_sockopt.moc"
