// The errnos that need another identity or another network: EACCES (port
// 80 as an unprivileged user), ENETUNREACH and EHOSTUNREACH (a private
// network namespace where only a down lo exists, plus an "unreachable"
// route). Each runs in a forked child, so nothing changes for the test
// process and no packet can leave the machine.

#include <arpa/inet.h>
#include <grp.h>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <unistd.h>

#include <QtTest>
#include <fstream>

#include "support/testmain.h"
#include "support/tst_errorcheck.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using namespace sockwb::test;

namespace {

// A fresh network namespace where only lo exists, and it is down: nothing
// is routable, and nothing we do there can reach the real network.
// Root gets one directly; otherwise a user namespace gives the capability.
bool enterPrivateNetns() {
    if (::unshare(CLONE_NEWNET) == 0) return true;
    return ::unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0;
}

// Adds "unreachable <net>/<prefix>" to the main table through rtnetlink
// (what `ip route add unreachable` does); true on success.
bool addUnreachableRoute(const char* net, int prefix) {
    int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) return false;
    struct {
        nlmsghdr nh;
        rtmsg rt;
        char attrs[64];
    } req{};
    req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(rtmsg));
    req.nh.nlmsg_type = RTM_NEWROUTE;
    req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK;
    req.nh.nlmsg_seq = 1;
    req.rt.rtm_family = AF_INET;
    req.rt.rtm_dst_len = static_cast<unsigned char>(prefix);
    req.rt.rtm_table = RT_TABLE_MAIN;
    req.rt.rtm_protocol = RTPROT_STATIC;
    req.rt.rtm_scope = RT_SCOPE_UNIVERSE;
    req.rt.rtm_type = RTN_UNREACHABLE;
    auto* rta =
        reinterpret_cast<rtattr*>(reinterpret_cast<char*>(&req) + NLMSG_ALIGN(req.nh.nlmsg_len));
    rta->rta_type = RTA_DST;
    rta->rta_len = RTA_LENGTH(sizeof(in_addr));
    ::inet_pton(AF_INET, net, RTA_DATA(rta));
    req.nh.nlmsg_len = NLMSG_ALIGN(req.nh.nlmsg_len) + RTA_ALIGN(rta->rta_len);
    bool ok = false;
    if (::send(fd, &req, req.nh.nlmsg_len, 0) == static_cast<ssize_t>(req.nh.nlmsg_len)) {
        char buf[512];
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        auto* nh = reinterpret_cast<nlmsghdr*>(buf);
        if (n >= static_cast<ssize_t>(NLMSG_LENGTH(sizeof(nlmsgerr))) &&
            nh->nlmsg_type == NLMSG_ERROR)
            ok = static_cast<nlmsgerr*>(NLMSG_DATA(nh))->error == 0;
    }
    ::close(fd);
    return ok;
}

int readIntFile(const char* path, int fallback) {
    std::ifstream in(path);
    int v = fallback;
    if (!(in >> v)) return fallback;
    return v;
}

}  // namespace

class tst_ErrorsNetns : public QObject {
    Q_OBJECT

private slots:
    void permissionDenied();
    void networkUnreachable();
    void hostUnreachable();
};

void tst_ErrorsNetns::permissionDenied() {
    // We may be root (CI): drop to nobody in a forked child. As root we also
    // take a private network namespace and set its own
    // ip_unprivileged_port_start to 1024, so the result does not depend on
    // how the host configured it, and nothing is bound on the host anyway.
    verifyChild(runInChild([]() -> std::string {
        if (::geteuid() == 0) {
            if (::unshare(CLONE_NEWNET) == 0) {
                std::ofstream("/proc/sys/net/ipv4/ip_unprivileged_port_start") << 1024;
            }
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                return "setuid(65534) failed: " + errnoName(errno);
            if (::geteuid() == 0) return "still root after setuid";
        }
        const int start = readIntFile("/proc/sys/net/ipv4/ip_unprivileged_port_start", 1024);
        if (start <= 80)
            return "SKIP: ip_unprivileged_port_start is " + std::to_string(start) +
                   ": port 80 is not privileged here";
        try {
            ListenOptions o;
            o.reuseAddr = false;
            tcpListen(Address::fromIp("0.0.0.0", 80), 16, o);
        } catch (const Error& e) {
            return mismatch(e, ErrorKind::System, "bind", "EACCES", {"port 80", "privileged"});
        }
        return "bind to port 80 succeeded as an unprivileged user";
    }));
}

void tst_ErrorsNetns::networkUnreachable() {
    verifyChild(runInChild([]() -> std::string {
        if (!enterPrivateNetns())
            return "SKIP: cannot create a network namespace: " + errnoName(errno);
        try {
            tcpConnect(Address::fromIp("10.0.0.1", 80), Millis(1000));
        } catch (const Error& e) {
            return mismatch(e, ErrorKind::System, "connect", "ENETUNREACH",
                            {"10.0.0.1", "no route to the network"});
        }
        return "connect succeeded in an empty network namespace";
    }));
}

void tst_ErrorsNetns::hostUnreachable() {
    // An "unreachable" route makes the kernel answer EHOSTUNREACH at once,
    // without any packet: the route lives in a private namespace.
    verifyChild(runInChild([]() -> std::string {
        if (!enterPrivateNetns())
            return "SKIP: cannot create a network namespace: " + errnoName(errno);
        if (!addUnreachableRoute("10.0.0.0", 8)) {
            // Could not produce it for real: check the words from an
            // ErrorInfo built by hand, the rest is the same code path.
            Error e = Error::fromErrno("connect", EHOSTUNREACH, "10.0.0.1:80");
            return mismatch(e, ErrorKind::System, "connect", "EHOSTUNREACH",
                            {"10.0.0.1", "cannot be reached"});
        }
        std::string out;
        try {
            tcpConnect(Address::fromIp("10.0.0.1", 80), Millis(1000));
            out = "connect succeeded through an unreachable route";
        } catch (const Error& e) {
            out = mismatch(e, ErrorKind::System, "connect", "EHOSTUNREACH",
                           {"10.0.0.1", "cannot be reached"});
        }
        if (!out.empty()) return out;
        // UDP too: sendto through the same route.
        try {
            Socket u = udpSocket(AF_INET);
            u.sendTo("x", Address::fromIp("10.1.2.3", 9));
            return "sendto succeeded through an unreachable route";
        } catch (const Error& e) {
            return mismatch(e, ErrorKind::System, "sendto", "EHOSTUNREACH", {"10.1.2.3"});
        }
    }));
}

SOCKWB_TEST_GUILESS_MAIN(tst_ErrorsNetns)
#include "tst_errors_netns.moc"
