// The event-driven part of an exported C server: select, poll, epoll
// (cserverparts.h).

#include "core/codegen/cserverparts.h"

namespace sockwb::codegen::cserver {

namespace {

std::string tcpHandlers(const ServerPlan& plan) {
    std::string out = serviceHandlers(plan);

    auto tcpCases = [&](auto&& body) {
        std::string s;
        for (const char* svc :
             {"echo", "discard", "chargen", "daytime", "time", "clock", "chat", "http"}) {
            if (!plan.hasTcp(svc)) continue;
            const std::string b = body(std::string(svc));
            if (!b.empty()) s += "    case " + serviceConstant(svc) + ":\n" + b;
        }
        return s;
    };

    out +=
        "\n/* A client was accepted: services that speak first do it now. */\n"
        "static void on_open(int fd)\n{\n    struct connection *c = &connections[fd];\n"
        "    switch (c->service) {\n";
    out += tcpCases([](const std::string& s) -> std::string {
        if (s == "daytime")
            return "    {\n        char text[256];\n        daytime_text(text, sizeof text);\n"
                   "        queue(c, text, strlen(text));\n        c->closing = 1;\n"
                   "        break;\n    }\n";
        if (s == "time")
            return "    {\n        uint32_t value = time_value();\n"
                   "        queue(c, &value, sizeof value);\n        c->closing = 1;\n"
                   "        break;\n    }\n";
        return "";
    });
    out += "    default:\n        (void)c;\n        break;\n    }\n}\n";

    out +=
        "\n/* Bytes from a client, as one recv() gave them. */\n"
        "static void on_data(int fd, const char *buffer, size_t len)\n{\n"
        "    struct connection *c = &connections[fd];\n    switch (c->service) {\n";
    out += tcpCases([](const std::string& s) -> std::string {
        if (s == "echo")
            return "        queue(c, buffer, len); /* echo: back to the client */\n"
                   "        break;\n";
        if (s == "clock") return "        clock_data(fd, buffer, len);\n        break;\n";
        if (s == "chat") return "        chat_data(fd, buffer, len);\n        break;\n";
        if (s == "http") return "        http_data(fd, buffer, len);\n        break;\n";
        return "";
    });
    out +=
        "    default: /* the others ignore what the client sends */\n"
        "        (void)fd;\n        (void)buffer;\n        (void)len;\n        break;\n"
        "    }\n}\n";

    out +=
        "\n/* recv() returned 0: the client closed its side. A time service still\n"
        " * answering finishes first; the others close once their queue is sent. */\n"
        "static void on_peer_closed(int fd)\n{\n    struct connection *c = &connections[fd];\n"
        "    c->peer_closed = 1;\n";
    if (plan.hasTcp("clock"))
        out += "    if (c->service == SERVICE_CLOCK && c->running)\n        return;\n";
    out += "    c->closing = 1;\n}\n";

    out +=
        "\n/* Read while nothing is queued beyond room for one more read. */\n"
        "static int wants_read(int fd)\n{\n    const struct connection *c = &connections[fd];\n"
        "    return !c->closing && !c->peer_closed && OUT_SIZE - c->out_len >= BUFFER_SIZE;\n"
        "}\n\n/* Write while something waits (chargen: always, it refills). */\n"
        "static int wants_write(int fd)\n{\n    const struct connection *c = &connections[fd];\n";
    if (plan.hasTcp("chargen"))
        out += "    if (c->service == SERVICE_CHARGEN && !c->closing)\n        return 1;\n";
    out += "    return c->out_len > 0;\n}\n";
    return out;
}

}  // namespace

std::string eventLoop(const ServerPlan& plan) {
    const bool tcp = plan.anyTcp();
    const bool clock = plan.has("clock");
    const std::string& m = plan.model;
    std::string out;
    out += connectionState(plan);
    out += tcp ? tcpHandlers(plan) : serviceHandlers(plan);
    out += datagramServices(plan, false);
    if (clock) {
        out +=
            "\n/* How long the loop may wait: until the earliest timer, -1 for none. */\n"
            "static long long next_timeout(void)\n{\n    long long next = -1;\n";
        if (plan.hasTcp("clock"))
            out +=
                "    for (int fd = 0; fd < MAX_FDS; fd++)\n"
                "        if (connections[fd].open && connections[fd].running &&\n"
                "            (next < 0 || connections[fd].next_tick < next))\n"
                "            next = connections[fd].next_tick;\n";
        if (plan.hasUdp("clock"))
            out +=
                "    for (int i = 0; i < MAX_PEERS; i++)\n"
                "        if (peers[i].used && (next < 0 || peers[i].next_tick < next))\n"
                "            next = peers[i].next_tick;\n";
        out +=
            "    if (next < 0)\n        return -1;\n    next -= now_ms();\n"
            "    return next < 0 ? 0 : next;\n}\n";
    }
    if (tcp) {
        out += R"(
/* After an event: refill chargen, send what is queued, close a connection
 * that is done)";
        out += m == "epoll" ? ", update what epoll watches. */\n" : ". */\n";
        out +=
            "static void settle(int fd)\n{\n    struct connection *c = &connections[fd];\n"
            "    if (!c->open)\n        return;\n";
        if (plan.hasTcp("chargen"))
            out +=
                "    if (c->service == SERVICE_CHARGEN && !c->closing)\n"
                "        chargen_fill(fd);\n";
        out +=
            "    if (flush(fd) < 0) {\n        close_connection(fd);\n        return;\n    }\n"
            "    if (c->closing && c->out_len == 0) {\n        close_connection(fd);\n"
            "        return;\n    }\n";
        if (m == "epoll")
            out +=
                "    unsigned events = (wants_read(fd) ? EPOLLIN : 0) | (wants_write(fd) ? "
                "EPOLLOUT : 0);\n"
                "    if (events != c->watched) {\n        struct epoll_event ev;\n"
                "        memset(&ev, 0, sizeof ev);\n        ev.events = events;\n"
                "        ev.data.fd = fd;\n"
                "        if (epoll_ctl(epoll_fd, EPOLL_CTL_MOD, fd, &ev) < 0)\n"
                "            die(\"epoll_ctl MOD\");\n        c->watched = events;\n    }\n";
        out += "}\n";
    }
    if (clock) {
        out +=
            "\n/* Send what the timers that are due have to send. */\n"
            "static void run_timers(void)\n{\n    long long now = now_ms();\n";
        if (plan.hasTcp("clock"))
            out +=
                "    for (int fd = 0; fd < MAX_FDS; fd++) {\n"
                "        struct connection *c = &connections[fd];\n"
                "        if (c->open && c->running && c->next_tick <= now) {\n"
                "            clock_tick(fd);\n            settle(fd);\n        }\n    }\n";
        if (plan.hasUdp("clock"))
            out +=
                "    for (int i = 0; i < MAX_PEERS; i++)\n"
                "        if (peers[i].used && peers[i].next_tick <= now)\n"
                "            peer_tick(&peers[i]);\n";
        out += "}\n";
    }
    if (tcp) {
        out += R"(
/* The listening socket is readable: accept() every client waiting (it is
 * non-blocking, so EAGAIN says the queue is empty). */
static void accept_clients(int index)
{
    for (;;) {
        int fd = accept(listeners[index].fd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                perror("accept");
            return;
        }
        if (fd >= MAX_FDS) {
            fprintf(stderr, "too many clients: socket %d closed\n", fd);
            close(fd);
            continue;
        }
        set_nonblocking(fd);
        struct connection *c = &connections[fd];
        c->open = 1;
        c->service = listeners[index].service;
        c->listener = index;
        c->out_len = 0;
        c->closing = 0;
        c->peer_closed = 0;
        c->running = 0;
        c->pending = 0;
        c->offset = 0;
        c->request_len = 0;
)";
        if (m == "epoll")
            out += R"(        struct epoll_event ev;
        memset(&ev, 0, sizeof ev);
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0)
            die("epoll_ctl ADD");
        c->watched = EPOLLIN;
)";
        out += R"(        on_open(fd);
        settle(fd);
    }
}

/* A client's socket is readable: one recv(), never blocking. */
static void read_client(int fd)
{
    char buffer[BUFFER_SIZE];
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        perror("recv");
        close_connection(fd);
        return;
    }
    if (n == 0)
        on_peer_closed(fd);
    else
        on_data(fd, buffer, (size_t)n);
}
)";
    }
    if (plan.anyUdp()) {
        out += R"(
/* A UDP socket is readable: one datagram, recvfrom() says who sent it. */
static void read_datagram(int index)
{
    char buffer[BUFFER_SIZE];
    struct sockaddr_storage from;
    socklen_t from_len = sizeof from;
    ssize_t n = recvfrom(listeners[index].fd, buffer, sizeof buffer, 0, (struct sockaddr *)&from,
                         &from_len);
    if (n < 0) {
        if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)
            perror("recvfrom");
        return;
    }
    switch (listeners[index].service) {
)";
        for (const char* svc : {"echo", "discard", "chargen", "daytime", "time", "clock"})
            if (plan.hasUdp(svc))
                out += "    case " + serviceConstant(svc) + ":\n        " + svc +
                       "_datagram(listeners[index].fd, buffer, (size_t)n, (struct sockaddr "
                       "*)&from, from_len);\n        break;\n";
        out += "    default:\n        break;\n    }\n}\n";
    }
    out +=
        "\n/* A listener is readable: a client to accept (TCP) or a datagram (UDP). */\n"
        "static void listener_ready(int index)\n{\n";
    if (tcp && plan.anyUdp())
        out +=
            "    if (listeners[index].type == SOCK_STREAM)\n        accept_clients(index);\n"
            "    else\n        read_datagram(index);\n";
    else if (tcp)
        out += "    accept_clients(index);\n";
    else
        out += "    read_datagram(index);\n";
    out += "}\n";
    return out;
}

}  // namespace sockwb::codegen::cserver
