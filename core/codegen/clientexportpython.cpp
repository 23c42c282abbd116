// The client's program in Python: the socket module's calls in the
// course's order (socket, connect, sendall, recv / sendto, recvfrom,
// close), the script's steps one after the other.

#include <string>

#include "core/codegen/clientexportparts.h"
#include "core/codegen/codeliterals.h"

namespace sockwb::codegen::detail {

namespace {

const char* kHeader = R"PY(#!/usr/bin/env python3
r"""@FILE@: a @PROTO@ client of @TARGET@, exported by Socket Workbench.

It does what the client window does: @WHAT@
@STEPS@Everything received is printed on standard output as it came (bytes as
they are); messages about the exchange go to standard error.
Exit status: 0 when every expectation was met, 1 otherwise (standard error
says which), so that the program can be graded as the window is.

Left out of what the window does:
@OMISSIONS@
Run: python3 @FILE@ @RUNARGS@   (the server's @ARGWORDS@: these are the defaults)
"""
import select
import socket
import sys
import time

SERVER = @SERVER@
BUFFER_SIZE = @BUFSIZE@  # the most one recv() takes

held = b""  # received, not yet matched by an expectation
connected_at = 0.0  # when the connection opened (time.monotonic())
server_address = None  # UDP: where every datagram goes


def say(text):
    print(text, file=sys.stderr, flush=True)


def receive_some(sock):
    """One @RECVCALL@: prints what came and keeps it for the expectations.
    Returns the bytes (b"" when the server closed the connection)."""
    global held
    data = @RECV@
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    held = (held + data)[-(1 << 20):]
    return data


def send_message(sock, message):
    """One message of the script@SENDWORDS@."""
@SEND@

def expect_text(sock, text, within_ms, min_after_ms):
    """Reads (and prints) until text is among what came since the last
    expectation met, within within_ms of the previous step's end, and not
    before min_after_ms after the connection opened (when >= 0)."""
    global held
    step_start = time.monotonic()
    while True:
        at = held.find(text)
        if at >= 0:
            held = held[at + len(text):]
            after = int((time.monotonic() - connected_at) * 1000)
            if after < min_after_ms:
                say("expectation failed: %r received after %d ms, expected after at least %d ms"
                    % (text, after, min_after_ms))
                return False
            say("expectation met: %r received after %d ms" % (text, after))
            return True
        left = within_ms / 1000 - (time.monotonic() - step_start)
        if left <= 0:
            say("expectation failed: %r not received within %d ms" % (text, within_ms))
            return False
        ready, _, _ = select.select([sock], [], [], left)
@READ@

def expect_close(sock, within_ms, min_after_ms):
    """The server closes the connection (recv() returns b"") within within_ms
    of the previous step's end, not before min_after_ms after it opened."""
    step_start = time.monotonic()
    while True:
        left = within_ms / 1000 - (time.monotonic() - step_start)
        if left <= 0:
            say("expectation failed: the server did not close within %d ms" % within_ms)
            return False
        ready, _, _ = select.select([sock], [], [], left)
        if ready and not receive_some(sock):
            after = int((time.monotonic() - connected_at) * 1000)
            if after < min_after_ms:
                say("expectation failed: the server closed after %d ms, expected after at least %d ms"
                    % (after, min_after_ms))
                return False
            say("expectation met: the server closed the connection after %d ms" % after)
            return True


def main():
    global connected_at, server_address
@OPEN@
    connected_at = time.monotonic()

    # 4. The script, step by step.
@STEPS_CODE@
    # 5. Close the socket.
    sock.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OSError as e:  # a failed call: send, recv, sendto...
        say("error: %s" % e)
        sys.exit(1)
)PY";

std::string steps(const ClientPlan& plan) {
    const bool dgram = isDatagram(plan.config.protocol);
    std::string out;
    int n = 0;
    const std::string fail = "        sock.close()\n        return 1\n";
    for (const ScriptStep& s : plan.steps) {
        const std::string num = std::to_string(++n);
        using K = ScriptStep::Kind;
        switch (s.kind) {
            case K::Send:
                out += "    # Step " + num + ": send " + std::to_string(s.bytes.size()) + " bytes" +
                       (s.delayMs > 0
                            ? ", " + std::to_string(s.delayMs) + " ms after the previous step"
                            : "") +
                       ".\n";
                if (s.delayMs > 0)
                    out += "    time.sleep(" + std::to_string(s.delayMs) + " / 1000)\n";
                out += "    send_message(sock, " +
                       pythonLiteral(s.bytes, "                       ") + ")\n";
                break;
            case K::Expect:
                out += "    # Step " + num + ": expect, within " + std::to_string(s.withinMs) +
                       " ms.\n";
                out += "    if not expect_text(sock, " +
                       pythonLiteral(s.bytes, "                       ") + ", " +
                       std::to_string(s.withinMs) + ", " + std::to_string(s.minAfterMs) + "):\n" +
                       fail;
                break;
            case K::ExpectClose:
                out += "    # Step " + num + ": expect the server to close.\n";
                out += "    if not expect_close(sock, " + std::to_string(s.withinMs) + ", " +
                       std::to_string(s.minAfterMs) + "):\n" + fail;
                break;
            case K::Wait:
                out += "    # Step " + num + ": wait.\n    time.sleep(" +
                       std::to_string(s.delayMs) + " / 1000)\n";
                break;
            case K::Close:
                out += "    # Step " + num + ": close the connection.\n";
                if (s.delayMs > 0)
                    out += "    time.sleep(" + std::to_string(s.delayMs) + " / 1000)\n";
                break;
        }
    }
    if (plan.defaultScript) {
        if (dgram)
            out +=
                R"PY(    # Then print the datagrams until "Au Revoir" (the course's time service's
    # last message) or 5 s without any: UDP has no connection to close.
    while select.select([sock], [], [], 5)[0]:
        if receive_some(sock) == b"Au Revoir":
            break
)PY";
        else
            out += R"PY(    # Then print what the server sends until it closes the connection.
    while receive_some(sock):
        pass
)PY";
    }
    return out;
}

std::string opening(const ClientPlan& plan) {
    const ClientConfig& c = plan.config;
    if (c.protocol == Protocol::Unix)
        return R"PY(    path = sys.argv[1] if len(sys.argv) > 1 else SERVER
    # 1. Create the socket: Unix domain (AF_UNIX), stream (SOCK_STREAM).
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    # 2-3. Connect to the server's path; the server accept()s.
    try:
        sock.connect(path)
    except OSError as e:
        say("connect: %s" % e.strerror)
        sock.close()
        return 1
    say("connected to %s" % path))PY";
    const bool dgram = isDatagram(c.protocol);
    std::string out = fill(
        R"PY(    host = sys.argv[1] if len(sys.argv) > 1 else SERVER[0]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else SERVER[1]
    # 1. The server's address: getaddrinfo() turns the name into an IPv4 or
    # IPv6 address; 2. the socket of its family, @TYPE@.
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, 0, socket.@TYPE@)[0]
    except socket.gaierror as e:
        say("getaddrinfo: %s" % e.strerror)
        return 1
    sock = socket.socket(family, kind, proto)
)PY",
        {{"@TYPE@", dgram ? "SOCK_DGRAM" : "SOCK_STREAM"}});
    if (plan.bind)
        out +=
            "    # The client names its own socket (bind); without it the kernel chooses.\n"
            "    sock.bind((\"" +
            (c.bind->host.empty() ? std::string("0.0.0.0") : c.bind->host) + "\", " +
            std::to_string(c.bind->port) + "))\n";
    if (dgram)
        out +=
            "    # 3. No connection in UDP: every datagram carries the server's address.\n"
            "    server_address = address";
    else
        out += R"PY(    # 3. Connect to the server (the three-way handshake).
    try:
        sock.connect(address)
    except OSError as e:
        say("connect: %s" % e.strerror)
        sock.close()
        return 1
    say("connected to %s port %d" % (host, port)))PY";
    return out;
}

}  // namespace

std::string clientSourcePython(const ClientPlan& plan, const std::string& fileName) {
    const ClientConfig& c = plan.config;
    const bool dgram = isDatagram(c.protocol);
    const bool unixDomain = isUnixDomain(c.protocol);
    std::string stepList;
    int n = 0;
    for (const ScriptStep& s : plan.steps) {
        stepList += "  " + std::to_string(++n) + ". " + scriptStepKindName(s.kind);
        if (s.kind == ScriptStep::Kind::Send || s.kind == ScriptStep::Kind::Expect)
            stepList += " \"" + commentText(s.bytes) + "\"";
        stepList += "\n";
    }
    std::string send;
    if (dgram) {
        send = "    sock.sendto(message, server_address)\n";
    } else {
        send = "    sock.sendall(message)\n";
    }
    const std::string what =
        plan.defaultScript
            ? std::string(
                  "it connects, sends \"Bonjour\",\nthen prints what the server sends until ") +
                  (dgram ? "\"Au Revoir\" or 5 s of silence." : "the server closes the connection.")
            : "it connects, plays the window's script\n(sends with their delays, expectations "
              "with their bounds), then closes:";
    const std::string server =
        unixDomain ? "\"" + c.host + "\"" : "(\"" + c.host + "\", " + std::to_string(c.port) + ")";
    return fill(
        kHeader,
        {{"@FILE@", fileName},
         {"@PROTO@", dgram ? "UDP" : (unixDomain ? "Unix-domain stream" : "TCP")},
         {"@TARGET@", unixDomain ? c.host : c.host + " port " + std::to_string(c.port)},
         {"@WHAT@", what},
         {"@STEPS@", plan.defaultScript ? std::string() : stepList},
         {"@OMISSIONS@", omissionLines(plan.omissions, "  - ")},
         {"@RUNARGS@", unixDomain ? c.host : c.host + " " + std::to_string(c.port)},
         {"@ARGWORDS@", unixDomain ? "socket path" : "address and port"},
         {"@SERVER@", server},
         {"@BUFSIZE@", std::to_string(c.recvSize)},
         {"@RECVCALL@", dgram ? "recvfrom()" : "recv()"},
         {"@RECV@", dgram ? "sock.recvfrom(BUFFER_SIZE)[0]" : "sock.recv(BUFFER_SIZE)"},
         {"@SENDWORDS@", std::string(dgram ? ": one datagram, sent with sendto() to the server"
                                           : ": sendall() loops until every byte went")},
         {"@SEND@", send},
         {"@READ@", dgram
                        ? "        if ready:\n            receive_some(sock)\n"
                        : "        if ready and not receive_some(sock):\n"
                          "            say(\"expectation failed: the server closed the connection "
                          "before %r came\" % (text,))\n"
                          "            return False\n"},
         {"@OPEN@", opening(plan)},
         {"@STEPS_CODE@", steps(plan)}});
}

}  // namespace sockwb::codegen::detail
