// The event-driven part of an exported C server: select, poll, epoll
// (cserverparts.h).

#include "core/codegen/cserverparts.h"

namespace sockwb::codegen::cserver {

namespace {

const char* kConnections = R"(
/* What the server keeps for each connected client, indexed by the number
 * of its socket: the loop never blocks in send(), so what the kernel does
 * not take at once waits in out[] until the socket is writable again. */
#define MAX_FDS 1024       /* also select()'s FD_SETSIZE */
#define OUT_SIZE 16384     /* bytes waiting for a client that reads slowly */
#define REQUEST_SIZE 8192  /* http: the longest request head */

struct connection {
    int open;
    int service;         /* the service of the listener that accepted it */
    int listener;        /* which listener: chat relays within one */
    char out[OUT_SIZE];  /* queued for the client */
    size_t out_len;
    int closing;         /* close once out[] is sent */
    int peer_closed;     /* recv() returned 0: the client will send no more */
    unsigned watched;    /* epoll: the events registered */
    int running;         /* clock: a request is being answered */
    int ticks_left;      /* clock: times still to send */
    int pending;         /* clock: requests waiting for the current one */
    long long next_tick; /* clock: when the next message is due (ms) */
    unsigned long long offset; /* chargen: where in the pattern */
    char request[REQUEST_SIZE]; /* http: the request head so far */
    size_t request_len;
};
static struct connection connections[MAX_FDS];

/* send() what is queued, as much as the kernel takes now: a partial send
 * keeps the rest for the next time the socket is writable. MSG_NOSIGNAL: a
 * client that left gives EPIPE, not SIGPIPE. -1 when the connection failed. */
static int flush(int fd)
{
    struct connection *c = &connections[fd];
    while (c->out_len > 0) {
        ssize_t n = send(fd, c->out, c->out_len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return 0;
            return -1;
        }
        memmove(c->out, c->out + n, c->out_len - (size_t)n);
        c->out_len -= (size_t)n;
    }
    return 0;
}

/* close(): the connection ends (close also takes it out of an epoll set). */
static void close_connection(int fd)
{
    connections[fd].open = 0;
    connections[fd].out_len = 0;
    close(fd);
}
)";

const char* kSetNonBlocking = R"(
/* fcntl(O_NONBLOCK): accept(), recv() and send() return at once (EAGAIN)
 * instead of waiting; only select/poll/epoll wait. */
static void set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
        die("fcntl O_NONBLOCK");
}
)";

const char* kQueue = R"(
/* Queue bytes for a client: -1 when they do not fit (it does not read). */
static int queue(struct connection *c, const void *data, size_t len)
{
    if (len > OUT_SIZE - c->out_len)
        return -1;
    memcpy(c->out + c->out_len, data, len);
    c->out_len += len;
    return 0;
}
)";

const char* kNowMs = R"(
/* A clock for timers that the time of day cannot move (ms). */
static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}
)";

const char* kClockTcp = R"(
/* The time service without sleeping: each connection has its own timer
 * (next_tick), and the loop's wait ends when the earliest is due. */
static void clock_start(int fd);

static void clock_tick(int fd)
{
    struct connection *c = &connections[fd];
    char message[64];
    if (c->ticks_left > 0) {
        char now[32];
        now_text(now, sizeof now);
        int len = format_message(message, sizeof message, now);
        queue(c, message, (size_t)len);
        c->ticks_left--;
        c->next_tick = now_ms() + INTERVAL_MS;
        return;
    }
    int len = format_message(message, sizeof message, "Au Revoir");
    queue(c, message, (size_t)len);
    c->running = 0;
    if (c->pending > 0)
        clock_start(fd);
    else
        c->closing = 1; /* the course's server closes after "Au Revoir" */
}

static void clock_start(int fd)
{
    struct connection *c = &connections[fd];
    c->pending--;
    c->running = 1;
    c->ticks_left = N;
    clock_tick(fd);
}

/* A request (one read, as the course's client sends "Bonjour" without
 * '\n'): answered at once, or after the one being answered. */
static void clock_data(int fd, const char *buffer, size_t len)
{
    struct connection *c = &connections[fd];
    printf("Client said: %.*s\n", (int)len, buffer);
    fflush(stdout);
    if (c->pending < 64)
        c->pending++;
    if (!c->running)
        clock_start(fd);
}
)";

const char* kChargenFill = R"(
/* chargen: top the queue up with the pattern each time the socket is
 * writable: the program sends lines while the client reads, and never
 * queues more than OUT_SIZE bytes for it. */
static void chargen_fill(int fd)
{
    struct connection *c = &connections[fd];
    while (c->out_len < OUT_SIZE) {
        c->out[c->out_len++] = chargen_byte(c->offset);
        c->offset = (c->offset + 1) % (74 * 95);
    }
}
)";

const char* kChatRelay = R"(
/* chat: relay what one client sent, as it is, to every other client of the
 * same listener; a client whose queue is full (it does not read) is
 * disconnected rather than holding the others back. */
static void chat_data(int fd, const char *buffer, size_t len)
{
    for (int other = 0; other < MAX_FDS; other++) {
        struct connection *o = &connections[other];
        if (other == fd || !o->open || o->listener != connections[fd].listener)
            continue;
        if (queue(o, buffer, len) < 0 || flush(other) < 0) {
            fprintf(stderr, "chat: client %d does not read, disconnected\n", other);
            close_connection(other);
        }
    }
}
)";

const char* kHttpData = R"(
/* http: gather the request head up to its blank line, then queue the
 * answer and close once it is sent. */
static void http_data(int fd, const char *buffer, size_t len)
{
    struct connection *c = &connections[fd];
    size_t room = REQUEST_SIZE - 1 - c->request_len;
    if (len > room)
        len = room;
    memcpy(c->request + c->request_len, buffer, len);
    c->request_len += len;
    c->request[c->request_len] = '\0';
    if (strstr(c->request, "\r\n\r\n") == NULL && strstr(c->request, "\n\n") == NULL &&
        c->request_len < REQUEST_SIZE - 1)
        return;
    char head[256];
    int head_len = http_head(head, sizeof head);
    queue(c, head, (size_t)head_len);
    queue(c, PAGE, sizeof PAGE - 1);
    c->closing = 1;
}
)";

const char* kClockUdp = R"(
/* The time service over UDP: one state per client address, each with its
 * own timer, so one loop answers many clients at once. */
#define MAX_PEERS 1024
struct peer {
    int used;
    int fd; /* the listener it wrote to */
    struct sockaddr_storage address;
    socklen_t address_len;
    int ticks_left;
    int pending;
    long long next_tick;
};
static struct peer peers[MAX_PEERS];

static void peer_tick(struct peer *p)
{
    char message[64];
    if (p->ticks_left > 0) {
        char now[32];
        now_text(now, sizeof now);
        int len = format_message(message, sizeof message, now);
        reply(p->fd, message, (size_t)len, (struct sockaddr *)&p->address, p->address_len);
        p->ticks_left--;
        p->next_tick = now_ms() + INTERVAL_MS;
        return;
    }
    int len = format_message(message, sizeof message, "Au Revoir");
    reply(p->fd, message, (size_t)len, (struct sockaddr *)&p->address, p->address_len);
    if (p->pending > 0) {
        p->pending--;
        p->ticks_left = N;
        peer_tick(p);
    } else {
        p->used = 0;
    }
}

static void clock_datagram(int fd, const char *buffer, size_t len, const struct sockaddr *from,
                           socklen_t from_len)
{
    struct peer *free_slot = NULL;
    printf("Client said: %.*s\n", (int)len, buffer);
    fflush(stdout);
    for (int i = 0; i < MAX_PEERS; i++) {
        struct peer *p = &peers[i];
        if (!p->used) {
            if (free_slot == NULL)
                free_slot = p;
            continue;
        }
        if (p->fd == fd && p->address_len == from_len && memcmp(&p->address, from, from_len) == 0) {
            if (p->pending < 64)
                p->pending++;
            return;
        }
    }
    if (free_slot == NULL) {
        fprintf(stderr, "clock: %d clients served already, request ignored\n", MAX_PEERS);
        return;
    }
    free_slot->used = 1;
    free_slot->fd = fd;
    memcpy(&free_slot->address, from, from_len);
    free_slot->address_len = from_len;
    free_slot->pending = 0;
    free_slot->ticks_left = N;
    peer_tick(free_slot);
}
)";

std::string tcpHandlers(const ServerPlan& plan) {
    std::string out;
    if (plan.hasTcp("clock")) out += kClockTcp;
    if (plan.hasTcp("chargen")) out += kChargenFill;
    if (plan.hasTcp("chat")) out += kChatRelay;
    if (plan.hasTcp("http")) out += kHttpData;

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

    out += "\n/* A client was accepted: services that speak first do it now. */\n"
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

    out += "\n/* Bytes from a client, as one recv() gave them. */\n"
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
    out += "    default: /* the others ignore what the client sends */\n"
           "        (void)fd;\n        (void)buffer;\n        (void)len;\n        break;\n"
           "    }\n}\n";

    out += "\n/* recv() returned 0: the client closed its side. A time service still\n"
           " * answering finishes first; the others close once their queue is sent. */\n"
           "static void on_peer_closed(int fd)\n{\n    struct connection *c = &connections[fd];\n"
           "    c->peer_closed = 1;\n";
    if (plan.hasTcp("clock"))
        out += "    if (c->service == SERVICE_CLOCK && c->running)\n        return;\n";
    out += "    c->closing = 1;\n}\n";

    out += "\n/* Read while nothing is queued beyond room for one more read. */\n"
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
    out += kSetNonBlocking;
    if (tcp) out += kConnections;
    bool queues = false;  // a TCP service that answers (not discard, not chargen)
    for (const auto& l : plan.listeners)
        queues = queues || (!l.udp && l.service != "discard" && l.service != "chargen");
    if (queues) out += kQueue;
    if (clock) out += kNowMs;
    if (tcp) out += tcpHandlers(plan);
    if (plan.hasUdp("clock")) out += kClockUdp;
    out += datagramServices(plan, false);
    if (clock) {
        out += "\n/* How long the loop may wait: until the earliest timer, -1 for none. */\n"
               "static long long next_timeout(void)\n{\n    long long next = -1;\n";
        if (plan.hasTcp("clock"))
            out += "    for (int fd = 0; fd < MAX_FDS; fd++)\n"
                   "        if (connections[fd].open && connections[fd].running &&\n"
                   "            (next < 0 || connections[fd].next_tick < next))\n"
                   "            next = connections[fd].next_tick;\n";
        if (plan.hasUdp("clock"))
            out += "    for (int i = 0; i < MAX_PEERS; i++)\n"
                   "        if (peers[i].used && (next < 0 || peers[i].next_tick < next))\n"
                   "            next = peers[i].next_tick;\n";
        out += "    if (next < 0)\n        return -1;\n    next -= now_ms();\n"
               "    return next < 0 ? 0 : next;\n}\n";
    }
    if (tcp) {
        out += R"(
/* After an event: refill chargen, send what is queued, close a connection
 * that is done)";
        out += m == "epoll" ? ", update what epoll watches. */\n" : ". */\n";
        out += "static void settle(int fd)\n{\n    struct connection *c = &connections[fd];\n"
               "    if (!c->open)\n        return;\n";
        if (plan.hasTcp("chargen"))
            out += "    if (c->service == SERVICE_CHARGEN && !c->closing)\n"
                   "        chargen_fill(fd);\n";
        out += "    if (flush(fd) < 0) {\n        close_connection(fd);\n        return;\n    }\n"
               "    if (c->closing && c->out_len == 0) {\n        close_connection(fd);\n"
               "        return;\n    }\n";
        if (m == "epoll")
            out += "    unsigned events = (wants_read(fd) ? EPOLLIN : 0) | (wants_write(fd) ? "
                   "EPOLLOUT : 0);\n"
                   "    if (events != c->watched) {\n        struct epoll_event ev;\n"
                   "        memset(&ev, 0, sizeof ev);\n        ev.events = events;\n"
                   "        ev.data.fd = fd;\n"
                   "        if (epoll_ctl(epoll_fd, EPOLL_CTL_MOD, fd, &ev) < 0)\n"
                   "            die(\"epoll_ctl MOD\");\n        c->watched = events;\n    }\n";
        out += "}\n";
    }
    if (clock) {
        out += "\n/* Send what the timers that are due have to send. */\n"
               "static void run_timers(void)\n{\n    long long now = now_ms();\n";
        if (plan.hasTcp("clock"))
            out += "    for (int fd = 0; fd < MAX_FDS; fd++) {\n"
                   "        struct connection *c = &connections[fd];\n"
                   "        if (c->open && c->running && c->next_tick <= now) {\n"
                   "            clock_tick(fd);\n            settle(fd);\n        }\n    }\n";
        if (plan.hasUdp("clock"))
            out += "    for (int i = 0; i < MAX_PEERS; i++)\n"
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
    out += "\n/* A listener is readable: a client to accept (TCP) or a datagram (UDP). */\n"
           "static void listener_ready(int index)\n{\n";
    if (tcp && plan.anyUdp())
        out += "    if (listeners[index].type == SOCK_STREAM)\n        accept_clients(index);\n"
               "    else\n        read_datagram(index);\n";
    else if (tcp)
        out += "    accept_clients(index);\n";
    else
        out += "    read_datagram(index);\n";
    out += "}\n";
    return out;
}

}  // namespace sockwb::codegen::cserver
