// The service functions of an exported C server (cserverparts.h).

#include "core/codegen/cserverparts.h"

namespace sockwb::codegen::cserver {

namespace {

const char* kNowText = R"(
/* The local time as the course's get_current_time() writes it:
 * "YYYY-MM-DD HH:MM:SS". */
static void now_text(char *text, size_t size)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(text, size, "%Y-%m-%d %H:%M:%S", &tm);
}

/* One message of the time service: its text then TERMINATOR (nothing by
 * default: the course's send_to() sends strlen() bytes, no '\n', and its
 * client stops when strcmp(response, "Au Revoir") == 0). */
static int format_message(char *message, size_t size, const char *text)
{
    return snprintf(message, size, "%s%s", text, TERMINATOR);
}
)";

const char* kPause = R"(
/* The pause between two times (the course's sleep(1)): nanosleep() goes on
 * sleeping for what is left when a signal interrupts it (EINTR). */
static void pause_ms(int ms)
{
    struct timespec left;
    left.tv_sec = ms / 1000;
    left.tv_nsec = (long)(ms % 1000) * 1000000L;
    while (nanosleep(&left, &left) < 0 && errno == EINTR) {
    }
}
)";

const char* kDaytime = R"(
/* daytime (RFC 867): one line of text, "Weekday, Month DD, YYYY HH:MM:SS-ZONE",
 * ended by CR LF. English names from our own tables (strftime would follow
 * the locale). */
static void daytime_text(char *text, size_t size)
{
    static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    static const char *const months[] = {"January", "February", "March", "April",
                                         "May", "June", "July", "August",
                                         "September", "October", "November", "December"};
    time_t now = time(NULL);
    struct tm tm;
    char zone[32];
    localtime_r(&now, &tm);
    strftime(zone, sizeof zone, "%Z", &tm);
    snprintf(text, size, "%s, %s %02d, %04d %02d:%02d:%02d-%s\r\n", days[tm.tm_wday % 7],
             months[tm.tm_mon % 12], tm.tm_mday, tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
             tm.tm_sec, zone);
}
)";

const char* kTime = R"(
/* time (RFC 868): the seconds since 1900-01-01 00:00 UTC as a 32-bit number
 * in network byte order (htonl: big-endian). */
static uint32_t time_value(void)
{
    unsigned long long since_1900 = (unsigned long long)time(NULL) + 2208988800ULL;
    return htonl((uint32_t)since_1900);
}
)";

const char* kChargen = R"(
/* chargen (RFC 864): lines of 72 printable characters, each starting one
 * character further than the one before, ended by CR LF; the pattern repeats
 * after 95 lines. The byte at a given offset of that endless stream: */
static char chargen_byte(unsigned long long offset)
{
    unsigned long long line = (offset / 74) % 95;
    unsigned long long column = offset % 74;
    if (column == 72)
        return '\r';
    if (column == 73)
        return '\n';
    return (char)(' ' + (line + column) % 95);
}
)";

const char* kReply = R"(
/* sendto(): one datagram back to the client that sent the request (UDP has
 * no connection: every answer names its destination). */
static void reply(int fd, const void *data, size_t len, const struct sockaddr *to, socklen_t to_len)
{
    while (sendto(fd, data, len, 0, to, to_len) < 0) {
        if (errno != EINTR) {
            perror("sendto");
            return;
        }
    }
}
)";

const char* kHttpPage = R"(
/* http: the workbench's hello page, whatever the request asks for. */
static const char PAGE[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
    "<title>Socket Workbench</title></head>\n<body>\n"
    "<h1>Hello from Socket Workbench</h1>\n"
    "<p>This page was served by the <strong>@MODEL@</strong> model.</p>\n"
    "</body>\n</html>\n";

/* The answer's head: status line, fields, blank line (HTTP/1.1, RFC 9112);
 * Connection: close, the server closes after the page. */
static int http_head(char *head, size_t size)
{
    return snprintf(head, size,
                    "HTTP/1.1 200 OK\r\n"
                    "Content-Type: text/html; charset=utf-8\r\n"
                    "Content-Length: %zu\r\n"
                    "Connection: close\r\n"
                    "\r\n",
                    sizeof PAGE - 1);
}
)";

std::string blockingEcho() {
    return R"(
/* echo (RFC 862): every byte received goes back to the client, until it
 * closes (recv() returns 0). */
static void serve_client(int client_fd)
{
    char buffer[BUFFER_SIZE];
    ssize_t n;
    while ((n = recv_some(client_fd, buffer, sizeof buffer)) > 0) {
        if (send_all(client_fd, buffer, (size_t)n) < 0) {
            perror("send");
            return;
        }
    }
}
)";
}

std::string blockingDiscard() {
    return R"(
/* discard (RFC 863): read everything the client sends and drop it, until
 * it closes. */
static void serve_client(int client_fd)
{
    char buffer[BUFFER_SIZE];
    while (recv_some(client_fd, buffer, sizeof buffer) > 0) {
        /* dropped */
    }
}
)";
}

std::string blockingChargen() {
    return R"(
/* chargen (RFC 864): send the pattern for as long as the client reads.
 * send() blocks while the client's receive window is full, so the program
 * never gets ahead of a slow reader; when the client closes, send() fails
 * (EPIPE or ECONNRESET) and the service ends. What the client sends is
 * ignored. */
static void serve_client(int client_fd)
{
    char chunk[74 * 16];
    unsigned long long offset = 0;
    for (;;) {
        for (size_t k = 0; k < sizeof chunk; k++)
            chunk[k] = chargen_byte(offset + k);
        if (send_all(client_fd, chunk, sizeof chunk) < 0)
            return;
        offset = (offset + sizeof chunk) % (74 * 95);
    }
}
)";
}

std::string blockingDaytime() {
    return R"(
/* daytime: one line, then the server closes the connection. */
static void serve_client(int client_fd)
{
    char text[256];
    daytime_text(text, sizeof text);
    if (send_all(client_fd, text, strlen(text)) < 0)
        perror("send");
}
)";
}

std::string blockingTime() {
    return R"(
/* time: four bytes, then the server closes the connection. */
static void serve_client(int client_fd)
{
    uint32_t value = time_value();
    if (send_all(client_fd, &value, sizeof value) < 0)
        perror("send");
}
)";
}

std::string blockingClock() {
    return R"(
/* The course's time service ("service temps"): wait for the client's
 * request (its client sends "Bonjour"), send the time N times, one every
 * INTERVAL_MS, then "Au Revoir"; the caller then closes the connection. */
static void serve_client(int client_fd)
{
    char request[BUFFER_SIZE];
    char now[32];
    char message[64];
    /* recv(): blocks until the request arrives */
    ssize_t n = recv_some(client_fd, request, sizeof request - 1);
    if (n <= 0)
        return;
    request[n] = '\0';
    printf("Client said: %s\n", request);
    fflush(stdout);
    for (int i = 0; i < N; i++) {
        now_text(now, sizeof now);
        int len = format_message(message, sizeof message, now);
        if (send_all(client_fd, message, (size_t)len) < 0) {
            perror("send");
            return;
        }
        pause_ms(INTERVAL_MS);
    }
    int len = format_message(message, sizeof message, "Au Revoir");
    if (send_all(client_fd, message, (size_t)len) < 0)
        perror("send");
}
)";
}

std::string blockingHttp() {
    return R"(
/* http: read the request's head (up to its blank line), answer with the
 * hello page, and the caller closes the connection. */
static void serve_client(int client_fd)
{
    char request[BUFFER_SIZE];
    size_t len = 0;
    while (len < sizeof request - 1) {
        ssize_t n = recv_some(client_fd, request + len, sizeof request - 1 - len);
        if (n <= 0)
            return;
        len += (size_t)n;
        request[len] = '\0';
        if (strstr(request, "\r\n\r\n") != NULL || strstr(request, "\n\n") != NULL)
            break;
    }
    char head[256];
    int head_len = http_head(head, sizeof head);
    if (send_all(client_fd, head, (size_t)head_len) < 0 ||
        send_all(client_fd, PAGE, sizeof PAGE - 1) < 0)
        perror("send");
}
)";
}

std::string blockingChat() {
    return R"(
/* chat: what one client sends is relayed, as it is, to every other
 * connected client (never back to the sender). The threads share the table
 * of connected clients, so a mutex guards it. */
#define MAX_CLIENTS 256
static int clients[MAX_CLIENTS];
static int client_count = 0;
static pthread_mutex_t clients_lock = PTHREAD_MUTEX_INITIALIZER;

static int add_client(int fd)
{
    int added = 0;
    pthread_mutex_lock(&clients_lock);
    if (client_count < MAX_CLIENTS) {
        clients[client_count++] = fd;
        added = 1;
    }
    pthread_mutex_unlock(&clients_lock);
    return added;
}

static void remove_client(int fd)
{
    pthread_mutex_lock(&clients_lock);
    for (int i = 0; i < client_count; i++) {
        if (clients[i] == fd) {
            clients[i] = clients[--client_count];
            break;
        }
    }
    pthread_mutex_unlock(&clients_lock);
}

static void relay(int from, const char *buffer, size_t len)
{
    pthread_mutex_lock(&clients_lock);
    for (int i = 0; i < client_count; i++) {
        /* a client that left fails here; its own thread removes it */
        if (clients[i] != from && send_all(clients[i], buffer, len) < 0)
            perror("send");
    }
    pthread_mutex_unlock(&clients_lock);
}

static void serve_client(int client_fd)
{
    char buffer[BUFFER_SIZE];
    ssize_t n;
    if (!add_client(client_fd)) {
        fprintf(stderr, "chat: %d clients already, one refused\n", MAX_CLIENTS);
        return;
    }
    while ((n = recv_some(client_fd, buffer, sizeof buffer)) > 0)
        relay(client_fd, buffer, (size_t)n);
    remove_client(client_fd);
}
)";
}

}  // namespace

std::string serviceConstant(const std::string& service) {
    std::string out = "SERVICE_";
    for (char c : service) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return out;
}

std::string helpers(const ServerPlan& plan) {
    std::string out;
    if (plan.has("clock")) out += kNowText;
    // The blocking clock (TCP under a blocking model, UDP under iterative) sleeps.
    if (plan.has("clock") && !plan.eventDriven()) out += kPause;
    if (plan.has("daytime")) out += kDaytime;
    if (plan.has("time")) out += kTime;
    if (plan.has("chargen")) out += kChargen;
    if (plan.hasTcp("http")) out += fill(kHttpPage, {{"MODEL", plan.model}});
    bool replies = false;  // a UDP service that answers (every one but discard)
    for (const auto& l : plan.listeners) replies = replies || (l.udp && l.service != "discard");
    if (replies) out += kReply;
    return out;
}

std::string blockingService(const ServerPlan& plan) {
    const std::string& s = plan.listeners.front().service;
    if (s == "echo") return blockingEcho();
    if (s == "discard") return blockingDiscard();
    if (s == "chargen") return blockingChargen();
    if (s == "daytime") return blockingDaytime();
    if (s == "time") return blockingTime();
    if (s == "clock") return blockingClock();
    if (s == "http") return blockingHttp();
    return blockingChat();
}

std::string datagramServices(const ServerPlan& plan, bool blockingClock) {
    const char* params =
        "(int fd, const char *buffer, size_t len, const struct sockaddr *from, "
        "socklen_t from_len)\n";
    std::string out;
    if (plan.hasUdp("echo"))
        out += std::string("\n/* echo over UDP: the datagram goes back to its sender. */\n") +
               "static void echo_datagram" + params +
               "{\n    reply(fd, buffer, len, from, from_len);\n}\n";
    if (plan.hasUdp("discard"))
        out += std::string("\n/* discard over UDP: the datagram is dropped. */\n") +
               "static void discard_datagram" + params +
               "{\n    (void)fd;\n    (void)buffer;\n    (void)len;\n    (void)from;\n"
               "    (void)from_len;\n}\n";
    if (plan.hasUdp("daytime"))
        out += std::string("\n/* daytime over UDP: one datagram with the line. */\n") +
               "static void daytime_datagram" + params +
               "{\n    char text[256];\n    (void)buffer;\n    (void)len;\n"
               "    daytime_text(text, sizeof text);\n"
               "    reply(fd, text, strlen(text), from, from_len);\n}\n";
    if (plan.hasUdp("time"))
        out += std::string("\n/* time over UDP: one datagram with the four bytes. */\n") +
               "static void time_datagram" + params +
               "{\n    uint32_t value = time_value();\n    (void)buffer;\n    (void)len;\n"
               "    reply(fd, &value, sizeof value, from, from_len);\n}\n";
    if (plan.hasUdp("chargen"))
        out += std::string(
                   "\n/* chargen over UDP: one datagram of 0 to 512 bytes of the pattern, each\n"
                   " * answer starting one line further. */\n") +
               "static void chargen_datagram" + params +
               "{\n    static unsigned long long line = 0;\n    char data[512];\n"
               "    size_t size = (size_t)(rand() % 513);\n    (void)buffer;\n    (void)len;\n"
               "    for (size_t k = 0; k < size; k++)\n"
               "        data[k] = chargen_byte(line * 74 + k);\n"
               "    line = (line + 1) % 95;\n    reply(fd, data, size, from, from_len);\n}\n";
    if (plan.hasUdp("clock") && blockingClock)
        out += std::string(
                   "\n/* The course's UDP time server: for each request, the time N times,\n"
                   " * one every INTERVAL_MS, then \"Au Revoir\", each a datagram to the\n"
                   " * sender. One client at a time: the next request waits in the socket. */\n") +
               "static void clock_datagram" + params +
               "{\n    char now[32];\n    char message[64];\n"
               "    printf(\"Client said: %.*s\\n\", (int)len, buffer);\n    fflush(stdout);\n"
               "    for (int i = 0; i < N; i++) {\n        now_text(now, sizeof now);\n"
               "        int size = format_message(message, sizeof message, now);\n"
               "        reply(fd, message, (size_t)size, from, from_len);\n"
               "        pause_ms(INTERVAL_MS);\n    }\n"
               "    int size = format_message(message, sizeof message, \"Au Revoir\");\n"
               "    reply(fd, message, (size_t)size, from, from_len);\n}\n";
    return out;
}

}  // namespace sockwb::codegen::cserver
