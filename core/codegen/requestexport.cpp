// exportHttpRequest: the composer's request as a program that sends its
// exact bytes and reads the response to its end (Content-Length, the last
// chunk of a chunked body, or the server's close), in C or Python.

#include <string>

#include "core/codegen/clientexportparts.h"
#include "core/codegen/codeexport.h"
#include "core/codegen/codeliterals.h"
#include "core/net/error.h"

namespace sockwb::codegen {

namespace {

const char* kC = R"(/* @FILE@: an HTTP request to @HOST@ port @PORT@, exported by Socket Workbench.
 *
 * It does what the composer does: it connects, sends the request exactly as
 * the composer prepared it (@SIZE@ bytes), reads the response to its end
 * (Content-Length bytes of body, the chunked body's last chunk, or the
 * server's close), and prints it on standard output as it came.
 * Exit status: 0 when a whole response arrived, 1 otherwise.
 *
 * Left out of what the composer does:
@OMISSIONS@ *
 * Build: cc -Wall -Wextra -o @BIN@ @FILE@
 * Run:   ./@BIN@ @HOST@ @PORT@   (the server's name and port: these are the defaults)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define SERVER_HOST @HOSTLITERAL@
#define SERVER_PORT "@PORT@"
#define BUFFER_SIZE 4096
#define HEAD_REQUEST @HEAD@ /* 1: a HEAD request, whose response has no body */

/* The request, byte for byte. sizeof gives its length (the final NUL of the
 * literal left out), so it may hold any byte, NUL included. */
static const char request[] =
    @REQUEST@;

static char *response;      /* the response so far (it grows with realloc) */
static size_t response_len; /* its length */

/* send() may deposit fewer bytes than asked in the socket's buffer: send
 * again what is left until every byte went. */
static int send_all(int sockfd, const char *buf, size_t len) {
    size_t total_sent = 0;
    while (total_sent < len) {
        ssize_t sent = send(sockfd, buf + total_sent, len - total_sent, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        total_sent += (size_t)sent;
    }
    return 0;
}

/* The length of the header (up to the empty line "\r\n\r\n" included), 0
 * while it has not all come. */
static size_t header_length(void) {
    for (size_t i = 0; i + 4 <= response_len; i++)
        if (memcmp(response + i, "\r\n\r\n", 4) == 0) return i + 4;
    return 0;
}

/* The value of a header field (its name in any case), or NULL. */
static const char *header_value(const char *name, size_t head) {
    size_t name_len = strlen(name);
    for (size_t i = 0; i + name_len + 1 < head; i++) {
        if (response[i] != '\n' || strncasecmp(response + i + 1, name, name_len) != 0 ||
            response[i + 1 + name_len] != ':')
            continue;
        const char *value = response + i + 2 + name_len;
        while (*value == ' ' || *value == '\t') value++;
        return value;
    }
    return NULL;
}

/* A chunked body (from `body`) is complete: the last chunk (size 0) and the
 * empty line that ends the trailer fields have come. */
static int chunked_complete(size_t body) {
    size_t at = body;
    for (;;) {
        char *line_end = NULL;
        for (size_t i = at; i + 1 < response_len; i++)
            if (response[i] == '\r' && response[i + 1] == '\n') {
                line_end = response + i;
                break;
            }
        if (line_end == NULL) return 0;
        unsigned long size = strtoul(response + at, NULL, 16); /* the chunk's size, in hex */
        at = (size_t)(line_end - response) + 2;
        if (size == 0) { /* the trailer: fields, then an empty line */
            for (size_t i = at; i + 1 < response_len; i++) {
                if (response[i] != '\r' || response[i + 1] != '\n') continue;
                if (i == at) return 1;
                at = i + 2;
                i = at - 1;
            }
            return 0;
        }
        at += size + 2; /* the chunk's bytes and their "\r\n" */
        if (at > response_len) return 0;
    }
}

/* 1: the response is complete; 0: more is to come; -1: it ends when the
 * server closes (no Content-Length, not chunked). */
static int response_complete(void) {
    size_t head = header_length();
    if (head == 0) return 0;
    int status = atoi(response + 9); /* "HTTP/1.1 200 OK" */
    if (HEAD_REQUEST || status == 204 || status == 304 || (status >= 100 && status < 200))
        return 1;
    const char *coding = header_value("Transfer-Encoding", head);
    if (coding != NULL && strncasecmp(coding, "chunked", 7) == 0) return chunked_complete(head);
    const char *length = header_value("Content-Length", head);
    if (length != NULL) return response_len - head >= strtoul(length, NULL, 10);
    return -1;
}

int main(int argc, char *argv[]) {
    const char *host = argc > 1 ? argv[1] : SERVER_HOST;
    const char *port = argc > 2 ? argv[2] : SERVER_PORT;

    /* 1. The server's addresses: getaddrinfo() turns the name into IPv4 or
     * IPv6 addresses, for a TCP socket (SOCK_STREAM). */
    struct addrinfo hints, *found;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(host, port, &hints, &found);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(rc));
        return EXIT_FAILURE;
    }

    /* 2. socket() and connect() to each address in turn, until one accepts. */
    int sockfd = -1;
    for (struct addrinfo *a = found; a != NULL; a = a->ai_next) {
        sockfd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (sockfd < 0) {
            perror("socket");
            continue;
        }
        if (connect(sockfd, a->ai_addr, a->ai_addrlen) == 0) break;
        perror("connect");
        close(sockfd);
        sockfd = -1;
    }
    freeaddrinfo(found);
    if (sockfd < 0) return EXIT_FAILURE;

    /* recv() gives up after 10 s of silence (SO_RCVTIMEO): the program never
     * waits forever for a server that does not answer. */
    struct timeval timeout = {10, 0};
    if (setsockopt(sockfd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) < 0) {
        perror("setsockopt");
        close(sockfd);
        return EXIT_FAILURE;
    }

    /* 3. Send the request, every byte of it. */
    if (send_all(sockfd, request, sizeof request - 1) < 0) {
        perror("send");
        close(sockfd);
        return EXIT_FAILURE;
    }

    /* 4. Read the response until it is complete, printing it as it comes. */
    char buffer[BUFFER_SIZE];
    int complete = 0;
    while ((complete = response_complete()) != 1) {
        ssize_t received = recv(sockfd, buffer, sizeof buffer, 0);
        if (received < 0) {
            if (errno == EINTR) continue;
            perror("recv");
            break;
        }
        if (received == 0) break; /* recv() returns 0: the server closed the connection */
        fwrite(buffer, 1, (size_t)received, stdout);
        char *grown = realloc(response, response_len + (size_t)received + 1);
        if (grown == NULL) {
            perror("realloc");
            break;
        }
        response = grown;
        memcpy(response + response_len, buffer, (size_t)received);
        response_len += (size_t)received;
        response[response_len] = '\0';
    }
    fflush(stdout);

    /* 5. Close the socket. */
    close(sockfd);
    complete = response_complete();
    free(response);
    if (complete == 0) {
        fprintf(stderr, "the response is incomplete: the server closed the connection before its end\n");
        return EXIT_FAILURE;
    }
    return 0;
}
)";

const char* kPython = R"PY(#!/usr/bin/env python3
r"""@FILE@: an HTTP request to @HOST@ port @PORT@, exported by Socket Workbench.

It does what the composer does: it connects, sends the request exactly as
the composer prepared it (@SIZE@ bytes), reads the response to its end
(Content-Length bytes of body, the chunked body's last chunk, or the
server's close), and prints it on standard output as it came.
Exit status: 0 when a whole response arrived, 1 otherwise.

Left out of what the composer does:
@OMISSIONS@
Run: python3 @FILE@ @HOST@ @PORT@   (the server's name and port: these are the defaults)
"""
import re
import socket
import sys

HEAD_REQUEST = @HEADPY@  # a HEAD request's response has no body

# The request, byte for byte.
REQUEST = (
    @REQUEST@
)


def chunked_complete(body):
    """The last chunk (size 0) and the empty line after the trailer came."""
    at = 0
    while True:
        end = body.find(b"\r\n", at)
        if end < 0:
            return False
        size = int(body[at:end].split(b";")[0] or b"0", 16)  # the chunk's size, in hex
        at = end + 2
        if size == 0:
            while True:
                end = body.find(b"\r\n", at)
                if end < 0:
                    return False
                if end == at:
                    return True
                at = end + 2
        at += size + 2  # the chunk's bytes and their "\r\n"
        if at > len(body):
            return False


def response_complete(response):
    """True: complete; False: more is to come; None: it ends when the server
    closes (no Content-Length, not chunked)."""
    head_end = response.find(b"\r\n\r\n")
    if head_end < 0:
        return False
    head, body = response[:head_end], response[head_end + 4:]
    status = int(head[9:12] or b"0")  # "HTTP/1.1 200 OK"
    if HEAD_REQUEST or status in (204, 304) or 100 <= status < 200:
        return True
    if re.search(rb"\r\ntransfer-encoding:[ \t]*chunked", head, re.I):
        return chunked_complete(body)
    length = re.search(rb"\r\ncontent-length:[ \t]*(\d+)", head, re.I)
    if length:
        return len(body) >= int(length.group(1))
    return None


def main():
    host = sys.argv[1] if len(sys.argv) > 1 else "@HOST@"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else @PORT@
    # 1-2. getaddrinfo(), then socket() and connect() to each address in turn
    # until one accepts; recv() gives up after 10 s of silence.
    try:
        sock = socket.create_connection((host, port), timeout=10)
    except OSError as e:
        print("connect: %s" % e, file=sys.stderr)
        return 1
    # 3. Send the request, every byte of it (sendall loops over send).
    sock.sendall(REQUEST)
    # 4. Read the response until it is complete, printing it as it comes.
    response = b""
    while response_complete(response) is not True:
        data = sock.recv(4096)
        if not data:  # the server closed the connection
            break
        sys.stdout.buffer.write(data)
        response += data
    sys.stdout.buffer.flush()
    # 5. Close the socket.
    sock.close()
    if response_complete(response) is False:
        print("the response is incomplete: the server closed the connection before its end",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OSError as e:  # a failed call: send, recv (timed out)...
        print("error: %s" % e, file=sys.stderr)
        sys.exit(1)
)PY";

}  // namespace

ExportedProgram exportHttpRequest(const std::string& host, uint16_t port, bool https,
                                  const std::string& requestBytes, Language language) {
    if (https)
        throw Error::invalid(
            "an https request is not exported: TLS needs a library (OpenSSL) beyond the socket "
            "API (use `sockwb http` or curl for it, or an http:// URL)");
    if (requestBytes.empty()) throw Error::invalid("the request is empty: nothing to export");
    const bool head = requestBytes.rfind("HEAD ", 0) == 0;
    // What the program leaves out: the composer's own features.
    const std::vector<std::string> omissions = {
        "Redirects: the response is printed as it is, never followed.",
        "Compressed bodies are printed as they came (not decompressed).",
    };
    ExportedProgram out;
    out.language = language;
    out.omissions = omissions;
    const std::string portText = std::to_string(port);
    const std::string base = "http_request";
    if (language == Language::C) {
        out.fileName = base + ".c";
        out.source = detail::fill(kC, {{"@FILE@", out.fileName},
                                       {"@HOSTLITERAL@", cLiteral(host)},
                                       {"@HOST@", commentText(host)},
                                       {"@PORT@", portText},
                                       {"@SIZE@", std::to_string(requestBytes.size())},
                                       {"@OMISSIONS@", detail::omissionLines(omissions, " *   - ")},
                                       {"@BIN@", base},
                                       {"@HEAD@", head ? "1" : "0"},
                                       {"@REQUEST@", cLiteral(requestBytes, "    ")}});
        out.buildCommand = "cc -Wall -Wextra -o " + base + " " + out.fileName;
        out.runCommand = "./" + base + " " + host + " " + portText;
    } else {
        out.fileName = base + ".py";
        out.source =
            detail::fill(kPython, {{"@FILE@", out.fileName},
                                   {"@HOSTLITERAL@", cLiteral(host)},
                                   {"@HOST@", commentText(host)},
                                   {"@PORT@", portText},
                                   {"@SIZE@", std::to_string(requestBytes.size())},
                                   {"@OMISSIONS@", detail::omissionLines(omissions, "  - ")},
                                   {"@HEADPY@", head ? "True" : "False"},
                                   {"@REQUEST@", pythonLiteral(requestBytes, "    ")}});
        out.runCommand = "python3 " + out.fileName + " " + host + " " + portText;
    }
    return out;
}

}  // namespace sockwb::codegen
