// The client's program in C: the course's calls (socket, inet_pton or
// getaddrinfo, connect, send, recv / sendto, recvfrom, close), each checked
// with perror; the script's steps written out one after the other in main().

#include <string>

#include "core/codegen/clientexportctext.h"
#include "core/codegen/clientexportparts.h"
#include "core/codegen/codeliterals.h"

namespace sockwb::codegen::detail {

namespace {

using namespace ctext;

// What main() calls: only those helpers are written (-Wall -Werror
// refuses an unused static function).
struct Needs {
    bool pause = false, send = false, expect = false, expectClose = false, readToEnd = false;
    bool receive() const { return expect || expectClose || readToEnd; }
};

Needs needsOf(const ClientPlan& plan) {
    Needs n;
    for (const ScriptStep& s : plan.steps) {
        using K = ScriptStep::Kind;
        if ((s.kind == K::Send || s.kind == K::Close) && s.delayMs > 0) n.pause = true;
        if (s.kind == K::Wait) n.pause = true;
        if (s.kind == K::Send) n.send = true;
        if (s.kind == K::Expect) n.expect = true;
        if (s.kind == K::ExpectClose) n.expectClose = true;
    }
    n.readToEnd = plan.defaultScript;
    return n;
}

std::string protoWord(const ClientPlan& plan) {
    switch (plan.config.protocol) {
        case Protocol::Udp:
            return "UDP";
        case Protocol::Unix:
            return "Unix-domain stream";
        default:
            return "TCP";
    }
}

// The address part of main(): the socket, the server's address, the
// optional bind and (stream) the connect.
std::string openingC(const ClientPlan& plan) {
    const ClientConfig& c = plan.config;
    const bool dgram = isDatagram(c.protocol);
    const char* type = dgram ? "SOCK_DGRAM" : "SOCK_STREAM";
    std::string out;
    if (c.protocol == Protocol::Unix) {
        out += fill(R"(    /* 1. Create the socket: Unix domain (AF_UNIX), stream (SOCK_STREAM). */
    sockfd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (sockfd < 0) {
        perror("socket");
        exit(EXIT_FAILURE);
    }

    /* 2. The server's address: a path in the file system. */
    memset(&server_addr, 0, sizeof server_addr);
    server_addr.sun_family = AF_UNIX;
    if (strlen(server_path) >= sizeof server_addr.sun_path) {
        fprintf(stderr, "%s: path too long\n", server_path);
        exit(EXIT_FAILURE);
    }
    strcpy(server_addr.sun_path, server_path);

    /* 3. Connect to the server, which accept()s the connection. */
    if (connect(sockfd, (struct sockaddr *)&server_addr, sizeof server_addr) < 0) {
        perror("connect");
        close(sockfd);
        exit(EXIT_FAILURE);
    }
    fprintf(stderr, "connected to %s\n", server_path);
)",
                    {});
        return out;
    }
    if (plan.ipv4Literal) {
        out += fill(R"(    /* 1. Create the socket: IPv4 (AF_INET), @PROTO@ (@TYPE@). */
    sockfd = socket(AF_INET, @TYPE@, 0);
    if (sockfd < 0) {
        perror("socket");
        exit(EXIT_FAILURE);
    }

    /* 2. The server's address: the family, the port in network byte order
     * (htons), the IP address converted from its text (inet_pton). */
    memset(&server_addr, 0, sizeof server_addr);
    server_addr.sin_family = AF_INET;
    server_addr.sin_port = htons((uint16_t)atoi(server_port));
    if (inet_pton(AF_INET, server_host, &server_addr.sin_addr) <= 0) {
        fprintf(stderr, "inet_pton: %s is not an IPv4 address\n", server_host);
        close(sockfd);
        exit(EXIT_FAILURE);
    }
)",
                    {{"@PROTO@", dgram ? "UDP" : "TCP"}, {"@TYPE@", type}});
    } else {
        out += fill(R"(    /* 1. The server's addresses: getaddrinfo() turns the name into IPv4 or
     * IPv6 addresses; 2. the socket for the first one (its family, @TYPE@). */
    struct addrinfo hints, *found;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = @TYPE@;
    int rc = getaddrinfo(server_host, server_port, &hints, &found);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
        exit(EXIT_FAILURE);
    }
    sockfd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
    if (sockfd < 0) {
        perror("socket");
        freeaddrinfo(found);
        exit(EXIT_FAILURE);
    }
    memcpy(&server_addr, found->ai_addr, found->ai_addrlen);
    server_len = found->ai_addrlen;
    freeaddrinfo(found);
)",
                    {{"@TYPE@", type}});
    }
    if (plan.bind) {
        const ClientBind& b = *c.bind;
        out += fill(
            R"(
    /* The client names its own socket (bind) with @LOCAL@; without it the
     * kernel chooses at @WHEN@. */
    struct sockaddr_in local_addr;
    memset(&local_addr, 0, sizeof local_addr);
    local_addr.sin_family = AF_INET;
    local_addr.sin_port = htons(@LPORT@);
    @LADDR@
    if (bind(sockfd, (struct sockaddr *)&local_addr, sizeof local_addr) < 0) {
        perror("bind");
        close(sockfd);
        exit(EXIT_FAILURE);
    }
)",
            {{"@LOCAL@", (b.host.empty() ? std::string("any address") : b.host) + " port " +
                             std::to_string(b.port)},
             {"@WHEN@", dgram ? "the first sendto()" : "connect()"},
             {"@LPORT@", std::to_string(b.port)},
             {"@LADDR@", b.host.empty()
                             ? std::string("local_addr.sin_addr.s_addr = htonl(INADDR_ANY);")
                             : "inet_pton(AF_INET, \"" + b.host + "\", &local_addr.sin_addr);"}});
    }
    if (dgram) {
        out += R"(
    /* 3. No connection in UDP: the kernel names the socket at the first
     * sendto(), and every datagram carries the server's address. */
)";
    } else {
        const char* len = plan.ipv4Literal ? "sizeof server_addr" : "server_len";
        out += fill(R"(
    /* 3. Connect to the server (the three-way handshake): connect() waits
     * until the server's kernel accepts. */
    if (connect(sockfd, (struct sockaddr *)&server_addr, @LEN@) < 0) {
        perror("connect");
        close(sockfd);
        exit(EXIT_FAILURE);
    }
    fprintf(stderr, "connected to %s port %s\n", server_host, server_port);
)",
                    {{"@LEN@", len}});
    }
    return out;
}

const char* kFail = "        close(sockfd);\n        return EXIT_FAILURE;\n    }\n";

// The script's steps, in main().
std::string stepsC(const ClientPlan& plan) {
    std::string out = "\n    /* 4. The script, step by step. */\n";
    if (plan.steps.empty()) out = "\n    /* 4. The script has no steps. */\n";
    int n = 0;
    const bool dgram = isDatagram(plan.config.protocol);
    for (const ScriptStep& s : plan.steps) {
        ++n;
        const std::string num = std::to_string(n);
        using K = ScriptStep::Kind;
        switch (s.kind) {
            case K::Send: {
                out += "    /* Step " + num + ": send \"" + commentText(s.bytes) + "\" (" +
                       std::to_string(s.bytes.size()) + " bytes)" +
                       (s.delayMs > 0
                            ? ", " + std::to_string(s.delayMs) + " ms after the previous step"
                            : "") +
                       ". */\n";
                if (s.delayMs > 0) out += "    pause_ms(" + std::to_string(s.delayMs) + ");\n";
                out += "    static const char message" + num +
                       "[] = " + cLiteral(s.bytes, "        ") + ";\n";
                out += "    if (send_message(message" + num + ", sizeof message" + num +
                       " - 1) < 0) {\n        perror(\"" + (dgram ? "sendto" : "send") + "\");\n" +
                       kFail;
                break;
            }
            case K::Expect:
                out += "    /* Step " + num + ": expect \"" + commentText(s.bytes) + "\" within " +
                       std::to_string(s.withinMs) + " ms" +
                       (s.minAfterMs >= 0 ? ", not before " + std::to_string(s.minAfterMs) + " ms"
                                          : "") +
                       ". */\n";
                out += "    static const char expected" + num +
                       "[] = " + cLiteral(s.bytes, "        ") + ";\n";
                out += "    if (expect_text(expected" + num + ", sizeof expected" + num + " - 1, " +
                       std::to_string(s.withinMs) + ", " + std::to_string(s.minAfterMs) +
                       ") < 0) {\n" + kFail;
                break;
            case K::ExpectClose:
                out += "    /* Step " + num + ": expect the server to close within " +
                       std::to_string(s.withinMs) + " ms. */\n";
                out += "    if (expect_close(" + std::to_string(s.withinMs) + ", " +
                       std::to_string(s.minAfterMs) + ") < 0) {\n" + kFail;
                break;
            case K::Wait:
                out += "    /* Step " + num + ": wait " + std::to_string(s.delayMs) + " ms. */\n";
                out += "    pause_ms(" + std::to_string(s.delayMs) + ");\n";
                break;
            case K::Close:
                out += "    /* Step " + num + ": close the connection";
                out += s.delayMs > 0
                           ? ", " + std::to_string(s.delayMs) + " ms after the previous step. */\n"
                           : ". */\n";
                if (s.delayMs > 0) out += "    pause_ms(" + std::to_string(s.delayMs) + ");\n";
                break;
        }
        if (s.kind == K::Close) break;
    }
    if (plan.defaultScript)
        out += std::string("    /* Then print what the server sends until ") +
               (dgram ? "\"Au Revoir\" or 5 s of silence" : "it closes the connection") +
               ". */\n    if (read_until_close() < 0) {\n" + kFail;
    return out;
}

}  // namespace

std::string clientSourceC(const ClientPlan& plan, const std::string& fileName) {
    const ClientConfig& c = plan.config;
    const Needs needs = needsOf(plan);
    const bool dgram = isDatagram(c.protocol);
    const bool unixDomain = isUnixDomain(c.protocol);
    const std::string bin = fileName.substr(0, fileName.rfind('.'));

    std::string globals;
    if (unixDomain) {
        globals += "static struct sockaddr_un server_addr; /* the server's address */\n";
    } else if (plan.ipv4Literal) {
        globals += "static struct sockaddr_in server_addr; /* the server's address */\n";
        if (dgram && needs.send)
            globals += "static const socklen_t server_len = sizeof server_addr;\n";
    } else {
        globals +=
            "static struct sockaddr_storage server_addr; /* the server's address */\n"
            "static socklen_t server_len;\n";
    }
    if (needs.expect || needs.expectClose)
        globals += "static struct timespec connected_at; /* when the connection opened */\n";
    if (needs.receive())
        globals +=
            "#define HELD_SIZE (1 << 20)\n"
            "static char held[HELD_SIZE]; /* received, not yet matched by an expectation */\n"
            "static size_t held_len;\n";

    std::string steps;
    int n = 0;
    for (const ScriptStep& s : plan.steps) {
        steps += " *   " + std::to_string(++n) + ". " + scriptStepKindName(s.kind);
        if (s.kind == ScriptStep::Kind::Send || s.kind == ScriptStep::Kind::Expect)
            steps += " \"" + commentText(s.bytes) + "\"";
        steps += "\n";
    }
    const std::string what =
        plan.defaultScript
            ? std::string(
                  "it connects, sends \"Bonjour\",\n * then prints what the server sends until ") +
                  (dgram ? "\"Au Revoir\" or 5 s of silence." : "the server closes the connection.")
            : "it connects, plays the window's script\n * (sends with their delays, "
              "expectations with their bounds), then closes:";

    std::string defines = "#define SERVER_HOST " + std::string(cLiteral(c.host)) + "\n";
    if (!unixDomain) defines += "#define SERVER_PORT \"" + std::to_string(c.port) + "\"\n";
    std::string src =
        fill(kHeader,
             {{"@FILE@", fileName},
              {"@PROTO@", protoWord(plan)},
              {"@TARGET@", unixDomain ? commentText(c.host)
                                      : commentText(c.host) + " port " + std::to_string(c.port)},
              {"@WHAT@", what},
              {"@STEPS@", plan.defaultScript ? std::string() : steps},
              {"@OMISSIONS@", omissionLines(plan.omissions, " *   - ")},
              {"@BIN@", bin},
              {"@RUNARGS@", unixDomain ? c.host : c.host + " " + std::to_string(c.port)},
              {"@ARGWORDS@", unixDomain ? "socket path" : "address and port"},
              {"@UNIXINCLUDE@", unixDomain ? "#include <sys/un.h>\n" : ""},
              {"@DEFINES@", defines},
              {"@BUFSIZE@", std::to_string(c.recvSize)},
              {"@GLOBALS@", globals}});
    if (needs.pause) src += kPause;
    if (needs.expect || needs.expectClose) src += kElapsed;
    if (needs.send) {
        if (!dgram) src += kSendAllStream;
        // A script's bytes go out as written, as the window sends them: its
        // framing only cuts what is received into messages.
        src += dgram ? kSendDgramRaw : kSendStreamRaw;
    }
    if (needs.receive()) {
        src += fill(kReceive,
                    {{"@RECVCALL@", dgram ? "recvfrom()" : "recv()"},
                     {"@ZERO@", dgram ? "" : ": 0 when the server closed\n * the connection"},
                     {"@RECV@", dgram ? "recvfrom(sockfd, buffer, sizeof buffer, 0, NULL, NULL)"
                                      : "recv(sockfd, buffer, sizeof buffer, 0)"}});
    }
    if (needs.expect)
        src += fill(kExpect, {{"@RECVNAME@", dgram ? "recvfrom" : "recv"},
                              {"@CLOSED@", dgram ? "" : kExpectClosed}});
    if (needs.expectClose) src += kExpectClose;
    if (needs.readToEnd) src += dgram ? kReadToEndDgram : kReadToEndStream;

    src += "\nint main(int argc, char *argv[]) {\n";
    if (unixDomain) {
        src += "    const char *server_path = argc > 1 ? argv[1] : SERVER_HOST;\n\n";
    } else {
        src +=
            "    const char *server_host = argc > 1 ? argv[1] : SERVER_HOST;\n"
            "    const char *server_port = argc > 2 ? argv[2] : SERVER_PORT;\n\n";
    }
    src += openingC(plan);
    if (needs.expect || needs.expectClose)
        src += "    clock_gettime(CLOCK_MONOTONIC, &connected_at);\n";
    src += stepsC(plan);
    src += "\n    /* 5. Close the socket";
    src += dgram ? ". */\n" : " (TCP: the FIN tells the server the client is done). */\n";
    src += "    close(sockfd);\n    return 0;\n}\n";
    return src;
}

}  // namespace sockwb::codegen::detail
