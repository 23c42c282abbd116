// `sockwb sockets` through the real binary, compared with `ss` on sockets
// this test makes and keeps still (a listener with connections it does not
// accept, an idle established pair, an IPv4 client of a dual-stack IPv6
// listener, UDP sockets, a Unix listener): same rows, state, queues,
// endpoints, owners. --json parses; a bad --state or --port exits 2 with a
// clear message.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <algorithm>
#include <cstring>

#include "app/cli/cliprocess.h"
#include "support/testmain.h"

using namespace sockwb::test;

namespace {

// An fd closed at the end of its scope.
struct Fd {
    int fd = -1;
    explicit Fd(int f = -1) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

uint16_t portOf(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
    return ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
}

bool bindListen(int fd, int family, uint16_t port, int type, int backlog) {
    sockaddr_storage ss{};
    socklen_t len;
    if (family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof *a;
    } else {
        auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        a->sin6_addr = in6addr_any;
        len = sizeof *a;
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) return false;
    return type != SOCK_STREAM || ::listen(fd, backlog) == 0;
}

bool connectLoopback(int fd, uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
}

// ss's output lines, whitespace-separated fields, sorted.
QStringList rows(const QByteArray& out, int skipFields) {
    QStringList list;
    for (const QString& line : QString::fromUtf8(out).split('\n', Qt::SkipEmptyParts)) {
        if (line.startsWith('\t')) continue;
        QStringList f = line.simplified().split(' ');
        list << f.mid(skipFields).join(' ');
    }
    list.sort();
    return list;
}

Result runSs(const QString& ss, const QStringList& args) {
    QProcess p;
    p.start(ss, args);
    p.waitForFinished(kWaitMs);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// Only the rows with one of the test's endpoints on port p. The number alone
// is not the test's: a socket bound to another address (127.0.0.2, an
// interface's) can carry it, and other suites run at the same time.
QStringList atOurEndpoints(QStringList list, uint16_t p) {
    const QString n = QString::number(p);
    const QStringList endpoints{"127.0.0.1:" + n, "[::ffff:127.0.0.1]:" + n, "*:" + n};
    list.removeIf([&](const QString& row) {
        const QStringList fields = row.split(' ');
        return std::none_of(endpoints.begin(), endpoints.end(),
                            [&](const QString& e) { return fields.contains(e); });
    });
    return list;
}

QString portFilter(uint16_t port) {
    return QStringLiteral("( sport = :%1 or dport = :%1 )").arg(port);
}

}  // namespace

class tst_CliSockets : public QObject {
    Q_OBJECT

private slots:
    void listed();
    void sameAsSsTcp();
    void sameAsSsUdp();
    void sameAsSsUnix();
    void json();
    void badState();
    void badPort();
};

void tst_CliSockets::listed() {
    const Result r = run({"--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("  sockets "));
    const Result h = run({"sockets", "--help"});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.startsWith("Usage: sockwb sockets"));
}

void tst_CliSockets::sameAsSsTcp() {
    const QString ss = QStandardPaths::findExecutable("ss");
    if (ss.isEmpty()) QSKIP("ss (iproute2) is not installed: scripts/deps.sh installs it");
    // A listener (backlog 4) with two connections it never accepts, and a
    // third it accepts: LISTEN 2 4, and idle ESTAB rows both ways.
    Fd l(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QVERIFY(bindListen(l.fd, AF_INET, 0, SOCK_STREAM, 4));
    const uint16_t port = portOf(l.fd);
    Fd c1(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    Fd c2(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    Fd c3(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QVERIFY(connectLoopback(c3.fd, port));
    Fd accepted(::accept4(l.fd, nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(accepted.fd >= 0);
    QVERIFY(connectLoopback(c1.fd, port) && connectLoopback(c2.fd, port));
    // A dual-stack IPv6 listener and an IPv4 client: "*:port", and
    // [::ffff:127.0.0.1] on the server's side (when IPv6 is there).
    Fd l6(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int off = 0;
    ::setsockopt(l6.fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    Fd c6(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const bool v6 = l6.fd >= 0 && bindListen(l6.fd, AF_INET6, 0, SOCK_STREAM, 4);
    const uint16_t port6 = v6 ? portOf(l6.fd) : 0;
    if (v6) QVERIFY(connectLoopback(c6.fd, port6));

    for (uint16_t p : {port, port6}) {
        if (p == 0) continue;
        // The accept queue fills as the handshakes end: wait for ss to see
        // the final picture, then compare.
        const QString filter = portFilter(p);
        const int expected = p == port ? 1 + 2 * 3 : 1 + 2;
        QTRY_COMPARE(atOurEndpoints(rows(runSs(ss, {"-tanH", filter}).out, 0), p).size(), expected);
        const QStringList theirs = atOurEndpoints(rows(runSs(ss, {"-tanH", filter}).out, 0), p);
        const Result ours = run({"sockets", "-t", "-H", "--port", QString::number(p)});
        QCOMPARE(ours.exitCode, 0);
        QCOMPARE(atOurEndpoints(rows(ours.out, 1), p), theirs);
        // With the owners: the same users:((...)) column.
        const QStringList theirsP = atOurEndpoints(rows(runSs(ss, {"-tanpH", filter}).out, 0), p);
        const Result oursP = run({"sockets", "-t", "-p", "-H", "--port", QString::number(p)});
        QCOMPARE(atOurEndpoints(rows(oursP.out, 1), p), theirsP);
        QVERIFY(oursP.out.contains(",pid=" + QByteArray::number(::getpid()) + ",fd="));
    }
    const Result listen = run({"sockets", "-t", "-l", "-H", "--port", QString::number(port)});
    QCOMPARE(atOurEndpoints(rows(listen.out, 0), port),
             QStringList{QStringLiteral("tcp LISTEN 2 4 127.0.0.1:%1 0.0.0.0:*").arg(port)});
    // Everything here is this user's.
    const Result mine = run({"sockets", "--mine", "-H", "--port", QString::number(port)});
    QCOMPARE(atOurEndpoints(rows(mine.out, 0), port).size(), 7);
    // The header and -i's TCP_INFO line.
    const Result info = run({"sockets", "-i", "--port", QString::number(port)});
    QVERIFY(info.out.startsWith("Netid State"));
    QVERIFY(info.out.contains("Local Address:Port"));
    QVERIFY(info.out.contains("\t rtt:"));
    QVERIFY(info.out.contains(" cwnd:"));
}

void tst_CliSockets::sameAsSsUdp() {
    const QString ss = QStandardPaths::findExecutable("ss");
    if (ss.isEmpty()) QSKIP("ss (iproute2) is not installed: scripts/deps.sh installs it");
    Fd u(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    QVERIFY(bindListen(u.fd, AF_INET, 0, SOCK_DGRAM, 0));
    const uint16_t port = portOf(u.fd);
    Fd connected(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    QVERIFY(connectLoopback(connected.fd, port));
    // A datagram waiting in the bound socket: a non-zero Recv-Q.
    QCOMPARE(::send(connected.fd, "hello", 5, 0), ssize_t(5));
    const QString filter = portFilter(port);
    QTRY_COMPARE(atOurEndpoints(rows(runSs(ss, {"-uanH", filter}).out, 0), port).size(), 2);
    const QStringList theirs = atOurEndpoints(rows(runSs(ss, {"-uanH", filter}).out, 0), port);
    const Result ours = run({"sockets", "-u", "-H", "--port", QString::number(port)});
    QCOMPARE(ours.exitCode, 0);
    QCOMPARE(atOurEndpoints(rows(ours.out, 1), port), theirs);
    QVERIFY(ours.out.contains("UNCONN"));
    QVERIFY(ours.out.contains("ESTAB"));
}

void tst_CliSockets::sameAsSsUnix() {
    const QString ss = QStandardPaths::findExecutable("ss");
    if (ss.isEmpty()) QSKIP("ss (iproute2) is not installed: scripts/deps.sh installs it");
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("cli.sock").toUtf8();
    Fd l(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::strncpy(a.sun_path, path.constData(), sizeof a.sun_path - 1);
    QCOMPARE(::bind(l.fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    QCOMPARE(::listen(l.fd, 6), 0);
    const auto line = [&](const QByteArray& out, int skip) {
        for (const QString& r : rows(out, skip))
            if (r.contains(QString::fromUtf8(path))) return r;
        return QString();
    };
    const QString theirs = line(runSs(ss, {"-xanH"}).out, 0);
    QVERIFY(!theirs.isEmpty());
    const Result ours = run({"sockets", "-x", "-H"});
    QCOMPARE(ours.exitCode, 0);
    QCOMPARE(line(ours.out, 0), theirs);
    QVERIFY(theirs.startsWith("u_str LISTEN 0 6 "));
}

void tst_CliSockets::json() {
    Fd l(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QVERIFY(bindListen(l.fd, AF_INET, 0, SOCK_STREAM, 5));
    const uint16_t port = portOf(l.fd);
    Fd c(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QVERIFY(connectLoopback(c.fd, port));
    Fd s(::accept4(l.fd, nullptr, nullptr, SOCK_CLOEXEC));
    const Result r = run({"sockets", "--json", "-p", "--port", QString::number(port)});
    QCOMPARE(r.exitCode, 0);
    // The lines with 127.0.0.1:port at one end (see atOurEndpoints()).
    const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    QList<QByteArray> lines = r.out.trimmed().split('\n');
    lines.removeIf([&](const QByteArray& line) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        return o["local"].toString() != endpoint && o["peer"].toString() != endpoint;
    });
    QCOMPARE(lines.size(), 3);
    int listeners = 0;
    for (const QByteArray& line : lines) {
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        QCOMPARE(o["netid"].toString(), QStringLiteral("tcp"));
        QCOMPARE(o["family"].toString(), QStringLiteral("AF_INET"));
        QVERIFY(o["tcpInfo"].isObject());
        QVERIFY(o["owners"].isArray());
        QCOMPARE(o["owners"].toArray().at(0).toObject()["pid"].toInt(), int(::getpid()));
        if (o["state"].toString() == "LISTEN") {
            ++listeners;
            QCOMPARE(o["local"].toString(), QStringLiteral("127.0.0.1:%1").arg(port));
            QCOMPARE(o["peer"].toString(), QStringLiteral("0.0.0.0:*"));
            QCOMPARE(o["localPort"].toInt(), int(port));
            QCOMPARE(o["sendQ"].toInt(), 5);
            QCOMPARE(o["stateNumber"].toInt(), 10);
        } else {
            QCOMPARE(o["state"].toString(), QStringLiteral("ESTAB"));
            QCOMPARE(o["tcpInfo"].toObject()["state"].toInt(), 1);
            QVERIFY(o["tcpInfo"].toObject()["rttUs"].toInt() > 0);
        }
    }
    QCOMPARE(listeners, 1);
}

void tst_CliSockets::badState() {
    const Result r = run({"sockets", "--state", "sleeping"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("--state") && r.err.contains("'sleeping'") &&
                 r.err.contains("established") && r.err.contains("time-wait") &&
                 r.err.contains("listening"),
             r.err.constData());
    // Good names in either spelling, several at once.
    QCOMPARE(run({"sockets", "--state", "TIME_WAIT,listening", "--state", "ESTAB"}).exitCode, 0);
}

void tst_CliSockets::badPort() {
    for (const char* bad : {"0", "65536", "http"}) {
        const Result r = run({"sockets", "--port", bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("sockwb sockets: ") && r.err.contains("--port"),
                 r.err.constData());
    }
    const Result extra = run({"sockets", "extra"});
    QCOMPARE(extra.exitCode, 2);
    QVERIFY(extra.err.contains("extra"));
}

SOCKWB_TEST_GUILESS_MAIN(tst_CliSockets)
#include "tst_cli_sockets.moc"
