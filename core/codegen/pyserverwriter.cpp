#include "core/codegen/pyserverwriter.h"

#include <cstdio>

#include "core/codegen/pyserverparts.h"

namespace sockwb::codegen {

namespace {

std::string header(const ServerPlan& plan) {
    std::string out = "#!/usr/bin/env python3\n\"\"\"" + plan.stem + ".py: ";
    if (plan.listeners.size() > 1) {
        out += "a multi-service server, exported by Socket Workbench.\n";
        for (const auto& l : plan.listeners)
            out += "  " + l.service + " over " + (l.udp ? "UDP" : "TCP") + ", default port " +
                   std::to_string(l.defaultPort) + "\n";
    } else {
        const auto& l = plan.listeners.front();
        out += "the " + l.service + " service over " + (l.udp ? "UDP" : "TCP") +
               ", exported by Socket Workbench.\n";
    }
    out += "\n" + modelSentence(plan) + "\n";
    if (plan.has("clock"))
        out +=
            "The time service answers each request with the time N times, one every "
            "INTERVAL seconds, then \"Au Revoir\" (the course's service temps).\n";
    std::string ports;
    for (size_t i = 0; i < plan.listeners.size(); ++i)
        ports += (i ? " " : "") + std::to_string(plan.listeners[i].defaultPort);
    out += "\nRun: python3 " + plan.stem + ".py " + ports + "\n     (the port" +
           (plan.listeners.size() > 1 ? "s" : "") + " to listen on; without arguments: " + ports +
           ")\n";
    if (!plan.omissions.empty()) {
        out += "\nLeft out (the workbench's server does it, this program does not):\n";
        out += omissionLines(plan, "  - ");
    }
    out += "\"\"\"\n\n";
    std::vector<std::string> names;
    if (plan.model == "fork") names.push_back("os");
    if (plan.eventDriven()) names.push_back("select");
    if (plan.model == "fork") names.push_back("signal");
    names.push_back("socket");
    if (plan.has("time")) names.push_back("struct");
    names.push_back("sys");
    if (plan.needsThreads()) names.push_back("threading");
    names.push_back("time");
    if (plan.hasUdp("chargen")) names.push_back("random");
    for (const auto& n : names) out += "import " + n + "\n";
    return out;
}

std::string constants(const ServerPlan& plan) {
    std::string out = "\nBACKLOG = " + std::to_string(plan.backlog) +
                      "  # listen(): connections waiting to be accepted\nBUFFER_SIZE = 4096\n";
    if (plan.has("clock")) {
        char interval[32];
        std::snprintf(interval, sizeof interval, "%g", plan.intervalMs / 1000.0);
        out += "N = " + std::to_string(plan.ticks) + "  # times sent for each request\n" +
               "INTERVAL = " + interval + "  # seconds between two (the course: sleep(1))\n" +
               "TERMINATOR = " + pyBytesLiteral(plan.terminator) + "  # after each message\n";
    }
    if (plan.model == "pool")
        out += "POOL_SIZE = " + std::to_string(plan.poolSize) + "  # threads accepting clients\n";
    out +=
        "# (service, SOCK_STREAM for TCP or SOCK_DGRAM for UDP, address, default port)\n"
        "LISTENERS = [\n";
    for (const auto& l : plan.listeners)
        out += "    (\"" + l.service + "\", " +
               (l.udp ? "socket.SOCK_DGRAM" : "socket.SOCK_STREAM") + ", \"" + l.address + "\", " +
               std::to_string(l.defaultPort) + "),\n";
    out += "]\n";
    return out;
}

std::string common(const ServerPlan& plan) {
    std::string out = R"(

def parse_port(index, default):
    """The port from the command line (argv[index + 1]), or the default."""
    if len(sys.argv) <= index + 1:
        return default
    text = sys.argv[index + 1]
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        sys.exit("usage: " + sys.argv[0] + " [PORT]...")
    return int(text)


def open_listener(kind, address, port):
    """socket(), setsockopt(SO_REUSEADDR), bind(), and for TCP listen(): the
    server's socket, ready for clients. A failure raises OSError and ends
    the program with its errno message."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    s = socket.socket(family, kind)
)";
    if (plan.reuseAddr)
        out +=
            "    # SO_REUSEADDR: bind again at once to a port left in TIME_WAIT (before bind)\n"
            "    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n";
    out += R"(    s.bind((address, port))
    if kind == socket.SOCK_STREAM:
        s.listen(BACKLOG)
    return s
)";
    if (plan.has("clock"))
        out += fill(R"(

def now_text():
    """The local time as the course's get_current_time(): "YYYY-MM-DD HH:MM:SS"."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())


def message(text):
    """One message of the time service: its text then TERMINATOR (nothing by
    default: the course's client stops when it reads exactly "Au Revoir")."""
    return text.encode() + TERMINATOR
)",
                    {});
    if (plan.has("daytime"))
        out += R"(

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def daytime_text():
    """daytime (RFC 867): "Weekday, Month DD, YYYY HH:MM:SS-ZONE" and CR LF."""
    t = time.localtime()
    return "%s, %s %02d, %04d %02d:%02d:%02d-%s\r\n" % (
        DAYS[t.tm_wday], MONTHS[t.tm_mon - 1], t.tm_mday, t.tm_year, t.tm_hour, t.tm_min,
        t.tm_sec, time.strftime("%Z", t))
)";
    if (plan.has("time"))
        out += R"(

def time_value():
    """time (RFC 868): seconds since 1900 as a 32-bit big-endian number."""
    return struct.pack("!I", (int(time.time()) + 2208988800) & 0xFFFFFFFF)
)";
    if (plan.has("chargen"))
        out += R"(

def chargen_bytes(offset, size):
    """chargen (RFC 864): size bytes of the endless pattern from offset: lines
    of 72 printable characters, each one character further, then CR LF."""
    out = bytearray()
    for o in range(offset, offset + size):
        line, column = (o // 74) % 95, o % 74
        out.append(13 if column == 72 else 10 if column == 73 else 32 + (line + column) % 95)
    return bytes(out)
)";
    if (plan.hasTcp("http"))
        out += fill(R"(

PAGE = (b'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        b'<title>Socket Workbench</title></head>\n<body>\n'
        b'<h1>Hello from Socket Workbench</h1>\n'
        b'<p>This page was served by the <strong>@MODEL@</strong> model.</p>\n'
        b'</body>\n</html>\n')
HEAD = (b"HTTP/1.1 200 OK\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: %d\r\n"
        b"Connection: close\r\n"
        b"\r\n" % len(PAGE))
)",
                    {{"MODEL", plan.model}});
    return out;
}

std::string blockingService(const ServerPlan& plan) {
    const std::string& s = plan.listeners.front().service;
    if (s == "echo")
        return R"(

def serve_client(conn):
    """echo (RFC 862): every byte back to the client until it closes (recv
    returns b""). sendall() loops over partial sends."""
    while True:
        data = conn.recv(BUFFER_SIZE)
        if not data:
            return
        conn.sendall(data)
)";
    if (s == "discard")
        return R"(

def serve_client(conn):
    """discard (RFC 863): read and drop everything until the client closes."""
    while conn.recv(BUFFER_SIZE):
        pass
)";
    if (s == "chargen")
        return R"(

def serve_client(conn):
    """chargen (RFC 864): the pattern for as long as the client reads:
    sendall() blocks while its window is full; it fails when it closes."""
    offset = 0
    while True:
        conn.sendall(chargen_bytes(offset, 74 * 16))
        offset = (offset + 74 * 16) % (74 * 95)
)";
    if (s == "daytime")
        return "\n\ndef serve_client(conn):\n    \"\"\"daytime: one line, then the server "
               "closes.\"\"\"\n    conn.sendall(daytime_text().encode())\n";
    if (s == "time")
        return "\n\ndef serve_client(conn):\n    \"\"\"time: four bytes, then the server "
               "closes.\"\"\"\n    conn.sendall(time_value())\n";
    if (s == "clock")
        return R"(

def serve_client(conn):
    """The course's time service: wait for the request (its client sends
    "Bonjour"), send the time N times, one every INTERVAL, then "Au Revoir"."""
    request = conn.recv(BUFFER_SIZE)
    if not request:
        return
    print("Client said:", request.decode(errors="replace"), flush=True)
    for _ in range(N):
        conn.sendall(message(now_text()))
        time.sleep(INTERVAL)
    conn.sendall(message("Au Revoir"))
)";
    if (s == "http")
        return R"(

def serve_client(conn):
    """http: read the request head up to its blank line, answer the hello page."""
    request = b""
    while b"\r\n\r\n" not in request and b"\n\n" not in request and len(request) < 8192:
        data = conn.recv(BUFFER_SIZE)
        if not data:
            return
        request += data
    conn.sendall(HEAD + PAGE)
)";
    return R"(

# chat: what one client sends goes, as it is, to every other client. The
# threads share the list of connected clients, so a lock guards it.
clients = []
clients_lock = threading.Lock()


def relay(sender, data):
    with clients_lock:
        for other in clients:
            if other is not sender:
                try:
                    other.sendall(data)
                except OSError as e:  # a client that left: its own thread removes it
                    print("send:", e, file=sys.stderr)


def serve_client(conn):
    with clients_lock:
        clients.append(conn)
    try:
        while True:
            data = conn.recv(BUFFER_SIZE)
            if not data:
                return
            relay(conn, data)
    finally:
        with clients_lock:
            clients.remove(conn)
)";
}

const char* kServeSafely = R"(

def serve_safely(conn):
    """Serve one client; a failure ends this client only (perror's message)."""
    try:
        serve_client(conn)
    except OSError as e:
        print("client:", e, file=sys.stderr)
    finally:
        conn.close()  # close(): the client's socket
)";

std::string blockingMain(const ServerPlan& plan) {
    const auto& l = plan.listeners.front();
    const std::string& m = plan.model;
    std::string out;
    if (l.udp) {
        out += R"(

def main():
    service, kind, address, port = LISTENERS[0]
    port = parse_port(0, port)
    listener = open_listener(kind, address, port)
    print("Server listen on port :", port, flush=True)
    while True:
        # recvfrom(): blocks until a datagram arrives, and says who sent it
        data, client = listener.recvfrom(BUFFER_SIZE)
        try:
            serve_datagram(listener, data, client)
        except OSError as e:
            print("sendto:", e, file=sys.stderr)
)";
        return out;
    }
    out += kServeSafely;
    if (m == "fork")
        out += R"(

def reap_children(signum, frame):
    """SIGCHLD: a child ended; waitpid(WNOHANG) reaps it so no zombie stays."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
)";
    if (m == "pool")
        out += R"(

def worker(listener):
    """A worker of the pool: every thread blocks in accept() on the same
    listening socket; the kernel gives each client to one of them."""
    while True:
        conn, _ = listener.accept()
        serve_safely(conn)
)";
    out += R"(

def main():
    service, kind, address, port = LISTENERS[0]
    port = parse_port(0, port)
    listener = open_listener(kind, address, port)
    print("Server listen on port :", port, flush=True)
)";
    if (m == "fork") out += "    signal.signal(signal.SIGCHLD, reap_children)\n";
    if (m == "pool") {
        out += R"(    # the pool, created once, before any client
    workers = [threading.Thread(target=worker, args=(listener,), daemon=True)
               for _ in range(POOL_SIZE)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
)";
        return out;
    }
    out +=
        "    while True:\n"
        "        # accept(): blocks until a client connects (EINTR is retried by Python)\n"
        "        conn, _ = listener.accept()\n";
    if (m == "iterative")
        out += "        serve_safely(conn)  # one client at a time\n";
    else if (m == "fork")
        out += R"(        # fork(): the child serves this client, the parent accepts the next
        pid = os.fork()
        if pid == 0:
            listener.close()  # the child does not accept
            serve_safely(conn)
            os._exit(0)
        conn.close()  # the parent: the child has its own copy
)";
    else
        out += R"(        # a thread for this client; daemon: it does not keep the program alive
        threading.Thread(target=serve_safely, args=(conn,), daemon=True).start()
)";
    return out;
}

}  // namespace

std::string writePythonServer(const ServerPlan& plan) {
    std::string out = header(plan) + constants(plan) + common(plan);
    if (plan.eventDriven()) {
        out += pythonEventLoop(plan);
    } else {
        if (plan.listeners.front().udp)
            out += pythonDatagramServices(plan, true);
        else
            out += blockingService(plan);
        out += blockingMain(plan);
    }
    out += "\n\nif __name__ == \"__main__\":\n    main()\n";
    return out;
}

}  // namespace sockwb::codegen
