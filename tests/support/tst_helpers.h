#pragma once
// Small helpers shared by the tests/core suites: a connected loopback TCP
// pair, reading a socket until a marker or the peer's close, /proc/self/fd
// counting, and running a function in a forked child
// (for the privilege drop and the private network namespaces) with its
// answer sent back through a pipe. Header-only, test code only.

#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "core/net/error.h"
#include "core/net/socket.h"

namespace sockwb::test {

// A listener on 127.0.0.1:0, a client connected to it and the accepted side.
// A blocking connect on loopback completes from the listen queue, so no
// thread is needed to build the pair.
struct TcpPair {
    Socket listener;
    Socket client;
    Socket server;
};

inline TcpPair makeTcpPair(const char* host = "127.0.0.1") {
    TcpPair p;
    p.listener = tcpListen(Address::fromIp(host, 0));
    p.client = tcpConnect(p.listener.localAddress(), Millis(5000));
    p.server = p.listener.accept().socket;
    return p;
}

// Reads until the peer closes, an error, or timeout; returns what came.
inline std::string readToEof(Socket& s, Millis timeout = Millis(5000)) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<Millis>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        if (s.recvSome(out, 65536, left).status != IoResult::Ok) break;
    }
    return out;
}

// Reads until `marker` has arrived (or timeout, EOF or an error); returns
// everything read, the marker and what came with it included.
inline std::string readUntil(Socket& s, std::string_view marker, Millis timeout = Millis(5000)) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (out.find(marker) == std::string::npos) {
        auto left = std::chrono::duration_cast<Millis>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        try {
            if (s.recvSome(out, 65536, left).status != IoResult::Ok) break;
        } catch (const Error&) {
            break;
        }
    }
    return out;
}

// Number of open descriptors of this process (the directory's own fd excluded).
inline int countOpenFds() {
    int n = 0;
    DIR* d = ::opendir("/proc/self/fd");
    if (!d) return -1;
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') ++n;
    ::closedir(d);
    return n - 1;
}

// Random bytes, with NULs guaranteed at a few places.
inline std::string randomBytes(size_t n, unsigned seed = 12345) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xff);
    for (size_t i = 0; i < n; i += 4099) s[i] = '\0';
    return s;
}

inline bool hasCloexec(int fd) {
    int f = ::fcntl(fd, F_GETFD);
    return f >= 0 && (f & FD_CLOEXEC);
}

// Runs fn in a forked child and returns what it returned. The child never returns into the test
// framework: it writes its answer and _exits. Returns "CHILD-FAILED: ..." when the child died
// without answering.
inline std::string runInChild(const std::function<std::string()>& fn) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return "CHILD-FAILED: pipe";
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return "CHILD-FAILED: fork";
    }
    if (pid == 0) {
        ::close(fds[0]);
        std::string out = "=";  // marks a real answer, even an empty one
        try {
            out += fn();
        } catch (const std::exception& e) {
            out = std::string("CHILD-FAILED: exception ") + e.what();
        }
        const char* p = out.data();
        size_t left = out.size();
        while (left > 0) {
            ssize_t w = ::write(fds[1], p, left);
            if (w <= 0) break;
            p += w;
            left -= static_cast<size_t>(w);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    for (;;) {
        ssize_t r = ::read(fds[0], buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        out.append(buf, static_cast<size_t>(r));
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (out.empty() || out[0] != '=')
        return "CHILD-FAILED: no answer, status " + std::to_string(status);
    return out.substr(1);
}

}  // namespace sockwb::test
