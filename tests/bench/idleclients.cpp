// sockwb_idleclients: opens N TCP connections to HOST:PORT and holds them
// idle, for tests/bench/run's scale rows (RSS per connection of a server,
// and the C100K row: how long until a server has accepted them all).
// Prints "connected N sources S procs P secs T" on stdout once done (N
// actually open, T the seconds the connects took), then waits until stdin
// closes or SIGTERM/SIGINT, or at most HOLD_S seconds.
//
// One source address has one ephemeral port range (about 28,000 ports
// here): --sources S binds connection i, before its connect, to
// 127.0.0.(2 + i % S) (IP_BIND_ADDRESS_NO_PORT: the port is still chosen by
// connect), so N may exceed the range. One process holds at most its
// RLIMIT_NOFILE (raised to the hard limit) of sockets: past that the work
// is split over forked children, each with its share, which die with the
// parent. Single-threaded; the children only connect and wait.
//
// Usage: sockwb_idleclients HOST PORT N [HOLD_S=60] [--sources S]

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/net/address.h"
#include "core/net/error.h"

namespace {

// Connects the connections first, first + step, ... < n; returns their fds.
std::vector<int> connectShare(const sockwb::Address& to, long first, long n, long step,
                              int sources) {
    std::vector<int> fds;
    fds.reserve(static_cast<size_t>((n - first + step - 1) / step));
    int failures = 0;
    for (long i = first; i < n; i += step) {
        const int fd = ::socket(to.family(), SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            std::fprintf(stderr, "sockwb_idleclients: socket: %s\n", std::strerror(errno));
            break;
        }
        bool ok = true;
        const char* call = "connect";
        if (sources > 0) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
            sockaddr_in src{};
            src.sin_family = AF_INET;
            src.sin_addr.s_addr = htonl((127u << 24) | unsigned(2 + i % sources));
            ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&src), sizeof src) == 0;
            if (!ok) call = "bind";
        }
        if (ok) ok = ::connect(fd, to.sockaddrPtr(), to.length()) == 0;
        if (!ok) {
            const int err = errno;
            ::close(fd);
            if (++failures == 1)
                std::fprintf(stderr, "sockwb_idleclients: %s (connection %ld): %s\n", call, i,
                             std::strerror(err));
            if (failures > 20) break;
            continue;
        }
        fds.push_back(fd);
    }
    return fds;
}

// Waits until stdin closes or hold seconds pass (a signal ends us anyway).
void holdUntilStdinCloses(int hold) {
    pollfd p{0, POLLIN, 0};
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(hold);
    while (std::chrono::steady_clock::now() < end) {
        if (::poll(&p, 1, 200) > 0) {
            char c;
            if (::read(0, &c, 1) <= 0) break;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args;
    int sources = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--sources" && i + 1 < argc)
            sources = std::atoi(argv[++i]);
        else
            args.emplace_back(argv[i]);
    }
    if (args.size() < 3 || sources < 0 || sources > 250) {
        std::fprintf(stderr,
                     "usage: sockwb_idleclients HOST PORT N [HOLD_S] [--sources S (1-250)]\n");
        return 2;
    }
    const long n = std::strtol(args[2].c_str(), nullptr, 10);
    const int hold = args.size() > 3 ? std::atoi(args[3].c_str()) : 60;
    rlimit rl{};
    ::getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &rl);
    std::signal(SIGPIPE, SIG_IGN);

    sockwb::Address to;
    try {
        to = sockwb::Address::parse(args[0] + ":" + args[1]);
    } catch (const sockwb::Error& e) {
        std::fprintf(stderr, "sockwb_idleclients: %s\n", e.what());
        return 1;
    }
    if (sources > 0 && to.family() != AF_INET) {
        std::fprintf(stderr, "sockwb_idleclients: --sources needs an IPv4 HOST\n");
        return 2;
    }
    // Each process keeps a few fds for itself (stdio, the pipe).
    const long perProc = std::max<long>(1, static_cast<long>(rl.rlim_cur) - 16);
    const long procs = n <= perProc ? 1 : (n + perProc - 1) / perProc;

    const auto start = std::chrono::steady_clock::now();
    long total = 0;
    std::vector<int> mine;
    std::vector<pid_t> children;
    if (procs == 1) {
        mine = connectShare(to, 0, n, 1, sources);
        total = static_cast<long>(mine.size());
    } else {
        // Child k connects k, k + procs, ...: every process uses every source.
        std::vector<int> reports;
        for (long k = 0; k < procs; ++k) {
            int p[2];
            if (::pipe2(p, O_CLOEXEC) != 0) break;
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::prctl(PR_SET_PDEATHSIG, SIGKILL);
                ::close(p[0]);
                const long got = static_cast<long>(connectShare(to, k, n, procs, sources).size());
                if (::write(p[1], &got, sizeof got) != sizeof got) _exit(1);
                ::close(p[1]);
                for (;;) ::pause();  // until the parent's SIGTERM
            }
            ::close(p[1]);
            if (pid < 0) {
                ::close(p[0]);
                break;
            }
            children.push_back(pid);
            reports.push_back(p[0]);
        }
        for (int r : reports) {
            long got = 0;
            if (::read(r, &got, sizeof got) == sizeof got) total += got;
            ::close(r);
        }
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("connected %ld sources %d procs %zu secs %.2f\n", total, std::max(sources, 1),
                std::max<size_t>(children.size(), 1), secs);
    std::fflush(stdout);
    holdUntilStdinCloses(hold);
    for (pid_t c : children) ::kill(c, SIGTERM);
    for (pid_t c : children) ::waitpid(c, nullptr, 0);
    for (int fd : mine) ::close(fd);
    return 0;
}
