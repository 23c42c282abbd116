#include "core/codegen/cserverwriter.h"

#include "core/codegen/cserverparts.h"

namespace sockwb::codegen {

using namespace cserver;

namespace {

// Lines of at most width columns: the first starts with first, the others
// with rest, each word after a space.
std::string wrap(const std::string& text, const std::string& first, const std::string& rest,
                 size_t width = 78) {
    std::string out;
    std::string line = first;
    bool empty = true;  // no word on this line yet
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(at, end - at);
        if (!empty && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line = rest;
        }
        line += " " + word;
        empty = false;
        at = end + 1;
    }
    return out + line + "\n";
}

std::string wrap(const std::string& text, const std::string& prefix) {
    return wrap(text, prefix, prefix);
}

std::string header(const ServerPlan& plan) {
    std::string out = "/*\n * " + plan.stem + ".c: ";
    if (plan.listeners.size() > 1) {
        out += "a multi-service server, exported by Socket Workbench.\n";
        for (const auto& l : plan.listeners)
            out += " *   " + l.service + " over " + (l.udp ? "UDP" : "TCP") + ", default port " +
                   std::to_string(l.defaultPort) + "\n";
    } else {
        const auto& l = plan.listeners.front();
        out += "the " + l.service + " service over " + (l.udp ? "UDP" : "TCP") +
               ", exported by Socket Workbench.\n";
    }
    out += " *\n" + wrap(modelSentence(plan), " *");
    if (plan.has("clock"))
        out += " *\n" + wrap(
                            "The time service answers each request with the time N times, "
                            "one every INTERVAL_MS, then \"Au Revoir\" (the course's "
                            "service temps).",
                            " *");
    std::string ports;
    for (size_t i = 0; i < plan.listeners.size(); ++i)
        ports += (i ? " " : "") + std::to_string(plan.listeners[i].defaultPort);
    const bool threads = plan.needsThreads();
    out += " *\n * Build: cc -Wall -Wextra -o " + plan.stem + " " + plan.stem + ".c" +
           (threads ? " -pthread" : "") + "\n * Run:   ./" + plan.stem + " " + ports +
           "\n *        (the port" + (plan.listeners.size() > 1 ? "s" : "") +
           " to listen on; without arguments: " + ports + ")\n";
    if (!plan.omissions.empty()) {
        out += " *\n * Left out (the workbench's server does it, this program does not):\n";
        for (const auto& o : plan.omissions) out += wrap(o, " *  -", " *   ");
    }
    out += " */\n";
    return out;
}

std::string includes(const ServerPlan& plan) {
    std::string out =
        "#define _POSIX_C_SOURCE 200809L /* localtime_r, nanosleep, sigaction... */\n\n"
        "#include <arpa/inet.h>\n#include <errno.h>\n";
    if (plan.eventDriven()) out += "#include <fcntl.h>\n";
    out += "#include <netinet/in.h>\n";
    if (plan.model == "poll") out += "#include <poll.h>\n";
    const bool threads = plan.needsThreads();
    if (threads) out += "#include <pthread.h>\n";
    out +=
        "#include <signal.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n"
        "#include <string.h>\n";
    if (plan.model == "epoll") out += "#include <sys/epoll.h>\n";
    if (plan.model == "select") out += "#include <sys/select.h>\n";
    out += "#include <sys/socket.h>\n";
    if (plan.model == "fork") out += "#include <sys/wait.h>\n";
    out += "#include <time.h>\n#include <unistd.h>\n";
    return out;
}

std::string constants(const ServerPlan& plan) {
    std::string out = "\n#define BACKLOG " + std::to_string(plan.backlog) +
                      " /* listen(): connections waiting to be accepted */\n"
                      "#define BUFFER_SIZE 4096\n";
    if (plan.has("clock"))
        out += "#define N " + std::to_string(plan.ticks) +
               " /* times sent for each request */\n#define INTERVAL_MS " +
               std::to_string(plan.intervalMs) + " /* between two (the course: sleep(1)) */\n" +
               "#define TERMINATOR " + cLiteral(plan.terminator) + " /* after each message */\n";
    if (plan.model == "pool")
        out += "#define POOL_SIZE " + std::to_string(plan.poolSize) +
               " /* threads accepting clients */\n";
    std::string usage = plan.stem;
    for (size_t i = 0; i < plan.listeners.size(); ++i)
        usage += " [PORT" + (plan.listeners.size() > 1 ? std::to_string(i + 1) : "") + "]";
    out += "#define USAGE \"usage: " + usage + "\"\n";
    return out;
}

const char* kCommon = R"(
/* A fatal error: perror() prints the call and errno's message, then exit. */
static void die(const char *call)
{
    perror(call);
    exit(EXIT_FAILURE);
}

/* The port from the command line, or the default. */
static int parse_port(const char *text, int default_port)
{
    if (text == NULL)
        return default_port;
    char *end;
    long port = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || port < 1 || port > 65535) {
        fprintf(stderr, "%s\n", USAGE);
        exit(EXIT_FAILURE);
    }
    return (int)port;
}
)";

const char* kSendAll = R"(
/* send() may take fewer bytes than asked (a partial send): loop until all
 * are sent, and start again when a signal interrupted it (EINTR).
 * MSG_NOSIGNAL: a client that left makes send() fail with EPIPE instead of
 * killing the program with SIGPIPE. 0 when everything was sent, -1 on error. */
static int send_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t sent = send(fd, p, len, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += sent;
        len -= (size_t)sent;
    }
    return 0;
}
)";

const char* kRecvSome = R"(
/* recv(): blocks until bytes arrive; > 0 bytes received, 0 the client
 * closed the connection, -1 an error (printed). Starts again on EINTR. */
static ssize_t recv_some(int fd, char *buf, size_t size)
{
    for (;;) {
        ssize_t n = recv(fd, buf, size, 0);
        if (n >= 0)
            return n;
        if (errno != EINTR) {
            perror("recv");
            return -1;
        }
    }
}
)";

std::string openListener(const ServerPlan& plan) {
    bool v6 = false;
    for (const auto& l : plan.listeners) v6 = v6 || l.ipv6;
    std::string out = R"(
/* socket(), setsockopt(SO_REUSEADDR), bind(), and for TCP listen(): the
 * server's socket, ready for clients. type: SOCK_STREAM (TCP) or SOCK_DGRAM
 * (UDP). Any failure ends the program. */
static int open_listener(int type, const char *ip, int port)
{
)";
    if (!v6) {
        out += R"(    /* socket(): AF_INET (IPv4) */
    int fd = socket(AF_INET, type, 0);
    if (fd < 0)
        die("socket");
)";
    } else {
        out += R"(    /* socket(): AF_INET6 for an IPv6 address, AF_INET for IPv4 */
    int family = strchr(ip, ':') != NULL ? AF_INET6 : AF_INET;
    int fd = socket(family, type, 0);
    if (fd < 0)
        die("socket");
)";
    }
    if (plan.reuseAddr)
        out += R"(    /* SO_REUSEADDR: bind again at once to a port left in TIME_WAIT by a
     * previous run (must come before bind) */
    int opt = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &opt, sizeof opt) < 0)
        die("setsockopt SO_REUSEADDR");
)";
    if (!v6) {
        out +=
            R"(    /* bind(): the address and port clients will use (htons: network byte order) */
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, ip, &addr.sin_addr) != 1) {
        fprintf(stderr, "%s: not an IPv4 address\n", ip);
        exit(EXIT_FAILURE);
    }
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0)
        die("bind");
)";
    } else {
        out +=
            R"(    /* bind(): the address and port clients will use (htons: network byte order) */
    struct sockaddr_storage addr;
    socklen_t addr_len;
    memset(&addr, 0, sizeof addr);
    if (family == AF_INET6) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&addr;
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        if (inet_pton(AF_INET6, ip, &a6->sin6_addr) != 1) {
            fprintf(stderr, "%s: not an IPv6 address\n", ip);
            exit(EXIT_FAILURE);
        }
        addr_len = sizeof *a6;
    } else {
        struct sockaddr_in *a4 = (struct sockaddr_in *)&addr;
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
        if (inet_pton(AF_INET, ip, &a4->sin_addr) != 1) {
            fprintf(stderr, "%s: not an IPv4 address\n", ip);
            exit(EXIT_FAILURE);
        }
        addr_len = sizeof *a4;
    }
    if (bind(fd, (struct sockaddr *)&addr, addr_len) < 0)
        die("bind");
)";
    }
    out += R"(    /* listen(): TCP only; the kernel now queues connecting clients */
    if (type == SOCK_STREAM && listen(fd, BACKLOG) < 0)
        die("listen");
    return fd;
}
)";
    return out;
}

}  // namespace

std::string writeCServer(const ServerPlan& plan) {
    std::string out = header(plan) + includes(plan) + constants(plan) + kCommon;
    const bool blockingTcp = !plan.eventDriven() && !plan.listeners.front().udp;
    const std::string& first = plan.listeners.front().service;
    if (blockingTcp && first != "discard") out += kSendAll;
    if (blockingTcp && first != "chargen" && first != "daytime" && first != "time")
        out += kRecvSome;
    out += openListener(plan);
    out += helpers(plan);
    if (plan.eventDriven()) return out + eventMain(plan);
    if (blockingTcp)
        out += blockingService(plan);
    else
        out += datagramServices(plan, true);
    return out + blockingMain(plan);
}

}  // namespace sockwb::codegen
