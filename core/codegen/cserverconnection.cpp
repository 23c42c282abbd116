// The per-connection state of an exported C event-driven server and the
// services written for it (cserverparts.h).

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

}  // namespace

std::string connectionState(const ServerPlan& plan) {
    std::string out = kSetNonBlocking;
    if (plan.anyTcp()) out += kConnections;
    bool queues = false;  // a TCP service that answers (not discard, not chargen)
    for (const auto& l : plan.listeners)
        queues = queues || (!l.udp && l.service != "discard" && l.service != "chargen");
    if (queues) out += kQueue;
    if (plan.has("clock")) out += kNowMs;
    return out;
}

std::string serviceHandlers(const ServerPlan& plan) {
    std::string out;
    if (plan.hasTcp("clock")) out += kClockTcp;
    if (plan.hasTcp("chargen")) out += kChargenFill;
    if (plan.hasTcp("chat")) out += kChatRelay;
    if (plan.hasTcp("http")) out += kHttpData;
    if (plan.hasUdp("clock")) out += kClockUdp;
    return out;
}

}  // namespace sockwb::codegen::cserver
