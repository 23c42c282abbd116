// The datagram services and the event loop (select, poll, epoll) of an
// exported Python server (pyserverwriter.h).

#include "core/codegen/pyserverparts.h"

namespace sockwb::codegen {

namespace {

const char* kConnection = R"(

OUT_SIZE = 16384  # bytes queued for a client that reads slowly


class Connection:
    """What the server keeps for each connected client: the loop never
    blocks in send(), so what the kernel does not take at once waits in out
    until the socket is writable again."""

    def __init__(self, sock, index):
        self.sock = sock
        self.service = LISTENERS[index][0]
        self.listener = index
        self.out = bytearray()
        self.closing = False      # close once out is sent
        self.peer_closed = False  # recv() returned b"": the client sends no more
        self.watched = 0          # epoll: the events registered
        self.running = False      # clock: a request is being answered
        self.ticks_left = 0
        self.pending = 0
        self.next_tick = 0.0
        self.offset = 0           # chargen: where in the pattern
        self.request = b""        # http: the request head so far


connections = {}  # socket number -> Connection


def flush(c):
    """send() what is queued, as much as the kernel takes now; False when the
    connection failed (Python ignores SIGPIPE: a client that left raises)."""
    while c.out:
        try:
            n = c.sock.send(c.out)
        except BlockingIOError:
            return True
        except OSError:
            return False
        del c.out[:n]
    return True


def close_connection(c):
    fd = c.sock.fileno()
    connections.pop(fd, None)
@UNREGISTER@    c.sock.close()  # close(): the connection ends


def wants_read(c):
    return not c.closing and not c.peer_closed and OUT_SIZE - len(c.out) >= BUFFER_SIZE


def wants_write(c):
    return bool(c.out) or (c.service == "chargen" and not c.closing)
)";

const char* kClock = R"(

def clock_tick(c):
    """The time service without sleeping: each connection has its own timer."""
    if c.ticks_left > 0:
        c.out += message(now_text())
        c.ticks_left -= 1
        c.next_tick = time.monotonic() + INTERVAL
        return
    c.out += message("Au Revoir")
    c.running = False
    if c.pending > 0:
        clock_start(c)
    else:
        c.closing = True  # the course's server closes after "Au Revoir"


def clock_start(c):
    c.pending -= 1
    c.running = True
    c.ticks_left = N
    clock_tick(c)
)";

const char* kChat = R"(

def chat_data(c, data):
    """chat: relay to every other client of the same listener; a client whose
    queue is full (it does not read) is disconnected."""
    for other in list(connections.values()):
        if other is c or other.listener != c.listener:
            continue
        if len(other.out) + len(data) > OUT_SIZE:
            print("chat: a client does not read, disconnected", file=sys.stderr)
            close_connection(other)
            continue
        other.out += data
        settle(other)
)";

const char* kUdpClock = R"(

# The time service over UDP: one state per client address, each with its
# own timer, so one loop answers many clients at once.
peers = {}  # (listener index, address) -> [ticks_left, pending, next_tick]


def peer_tick(key):
    sock, address = listeners[key[0]], key[1]
    state = peers[key]
    if state[0] > 0:
        sock.sendto(message(now_text()), address)
        state[0] -= 1
        state[2] = time.monotonic() + INTERVAL
        return
    sock.sendto(message("Au Revoir"), address)
    if state[1] > 0:
        state[1] -= 1
        state[0] = N
        peer_tick(key)
    else:
        del peers[key]
)";

}  // namespace

std::string pythonDatagramServices(const ServerPlan& plan, bool blockingClock) {
    std::string out =
        "\n\ndef serve_datagram(sock, data, client, service=LISTENERS[0][0]):\n"
        "    \"\"\"One datagram from client: the answer goes back with sendto() (UDP\n"
        "    has no connection: every answer names its destination).\"\"\"\n";
    if (plan.hasUdp("echo"))
        out += "    if service == \"echo\":\n        sock.sendto(data, client)\n";
    if (plan.hasUdp("daytime"))
        out +=
            "    if service == \"daytime\":\n        sock.sendto(daytime_text().encode(), "
            "client)\n";
    if (plan.hasUdp("time"))
        out += "    if service == \"time\":\n        sock.sendto(time_value(), client)\n";
    if (plan.hasUdp("chargen"))
        out +=
            "    if service == \"chargen\":\n"
            "        # 0 to 512 bytes of the pattern, each answer one line further\n"
            "        serve_datagram.line = (getattr(serve_datagram, \"line\", -1) + 1) % 95\n"
            "        sock.sendto(chargen_bytes(serve_datagram.line * 74, "
            "random.randint(0, 512)), client)\n";
    if (plan.hasUdp("clock") && blockingClock)
        out += R"(    if service == "clock":
        # the course's UDP time server: one client at a time
        print("Client said:", data.decode(errors="replace"), flush=True)
        for _ in range(N):
            sock.sendto(message(now_text()), client)
            time.sleep(INTERVAL)
        sock.sendto(message("Au Revoir"), client)
)";
    if (plan.hasUdp("clock") && !blockingClock)
        out += R"(    if service == "clock":
        print("Client said:", data.decode(errors="replace"), flush=True)
        key = (listeners.index(sock), client)
        if key in peers:
            peers[key][1] = min(peers[key][1] + 1, 64)
        else:
            peers[key] = [N, 0, 0.0]
            peer_tick(key)
)";
    out += "    # discard: nothing\n";
    return out;
}

std::string pythonEventLoop(const ServerPlan& plan) {
    const std::string& m = plan.model;
    const bool tcp = plan.anyTcp();
    std::string out = "\n\nlisteners = []  # the listening sockets, in LISTENERS order\n";
    if (m == "epoll") out += "ep = select.epoll()  # the kernel keeps the set of watched sockets\n";
    if (tcp) {
        out += fill(kConnection, {{"UNREGISTER", m == "epoll" ? "    ep.unregister(fd)\n" : ""}});
        if (plan.hasTcp("clock")) out += kClock;
        if (plan.hasTcp("chat")) out += kChat;
        out += "\n\ndef on_open(c):\n    \"\"\"Services that speak first do it now.\"\"\"\n";
        if (plan.hasTcp("daytime"))
            out +=
                "    if c.service == \"daytime\":\n        c.out += daytime_text().encode()\n"
                "        c.closing = True\n";
        if (plan.hasTcp("time"))
            out +=
                "    if c.service == \"time\":\n        c.out += time_value()\n"
                "        c.closing = True\n";
        out += "    return\n\n\ndef on_data(c, data):\n";
        if (plan.hasTcp("echo")) out += "    if c.service == \"echo\":\n        c.out += data\n";
        if (plan.hasTcp("clock"))
            out += R"(    if c.service == "clock":
        print("Client said:", data.decode(errors="replace"), flush=True)
        c.pending = min(c.pending + 1, 64)
        if not c.running:
            clock_start(c)
)";
        if (plan.hasTcp("chat"))
            out += "    if c.service == \"chat\":\n        chat_data(c, data)\n";
        if (plan.hasTcp("http"))
            out += R"(    if c.service == "http":
        c.request = (c.request + data)[:8192]
        if b"\r\n\r\n" in c.request or b"\n\n" in c.request or len(c.request) == 8192:
            c.out += HEAD + PAGE
            c.closing = True
)";
        out += "    return  # the others ignore what the client sends\n";
        out += R"(

def on_peer_closed(c):
    c.peer_closed = True
    if c.service == "clock" and c.running:
        return  # the time service finishes its answer first
    c.closing = True


def settle(c):
    """After an event: refill chargen, send what is queued, close when done."""
    if c.sock.fileno() not in connections:
        return
    if c.service == "chargen" and not c.closing:
        c.out += chargen_bytes(c.offset, OUT_SIZE - len(c.out))
        c.offset = (c.offset + OUT_SIZE) % (74 * 95)
    if not flush(c) or (c.closing and not c.out):
        close_connection(c)
        return
)";
        if (!plan.hasTcp("chargen"))
            out.replace(out.find("    if c.service == \"chargen\" and not c.closing:"),
                        std::string("    if c.service == \"chargen\" and not c.closing:\n"
                                    "        c.out += chargen_bytes(c.offset, OUT_SIZE - "
                                    "len(c.out))\n        c.offset = (c.offset + OUT_SIZE) % "
                                    "(74 * 95)\n")
                            .size(),
                        "");
        if (m == "epoll")
            out +=
                R"(    events = (select.EPOLLIN if wants_read(c) else 0) | (select.EPOLLOUT if wants_write(c) else 0)
    if events != c.watched:
        ep.modify(c.sock, events)
        c.watched = events
)";
        out += R"(

def accept_clients(index):
    """accept() every client waiting (non-blocking: BlockingIOError says the
    queue is empty)."""
    while True:
        try:
            conn, _ = listeners[index].accept()
        except BlockingIOError:
            return
        except OSError as e:
            print("accept:", e, file=sys.stderr)
            return
        conn.setblocking(False)
        c = Connection(conn, index)
        connections[conn.fileno()] = c
)";
        if (m == "epoll")
            out +=
                "        ep.register(conn, select.EPOLLIN)\n        c.watched = select.EPOLLIN\n";
        out += R"(        on_open(c)
        settle(c)


def read_client(c):
    """One recv(), never blocking."""
    try:
        data = c.sock.recv(BUFFER_SIZE)
    except BlockingIOError:
        return
    except OSError as e:
        print("recv:", e, file=sys.stderr)
        close_connection(c)
        return
    if not data:
        on_peer_closed(c)
    else:
        on_data(c, data)
)";
    }
    if (plan.anyUdp()) {
        if (plan.hasUdp("clock")) out += kUdpClock;
        out += pythonDatagramServices(plan, false);
        out += R"(

def read_datagram(index):
    """One datagram; recvfrom() says who sent it."""
    try:
        data, client = listeners[index].recvfrom(BUFFER_SIZE)
        serve_datagram(listeners[index], data, client, LISTENERS[index][0])
    except BlockingIOError:
        return
    except OSError as e:
        print("recvfrom/sendto:", e, file=sys.stderr)
)";
    }
    const bool clock = plan.has("clock");
    if (clock) {
        out +=
            "\n\ndef next_timeout():\n    \"\"\"Seconds until the earliest timer, None "
            "for none.\"\"\"\n    due = [";
        std::string parts;
        if (plan.hasTcp("clock")) parts += "c.next_tick for c in connections.values() if c.running";
        if (plan.hasUdp("clock")) {
            if (!parts.empty()) parts += "] + [";
            parts += "s[2] for s in peers.values()";
        }
        out += parts + "]\n    return max(0.0, min(due) - time.monotonic()) if due else None\n";
        out += "\n\ndef run_timers():\n    now = time.monotonic()\n";
        if (plan.hasTcp("clock"))
            out +=
                "    for c in list(connections.values()):\n"
                "        if c.running and c.next_tick <= now:\n"
                "            clock_tick(c)\n            settle(c)\n";
        if (plan.hasUdp("clock"))
            out +=
                "    for key in [k for k, s in peers.items() if s[2] <= now]:\n"
                "        peer_tick(key)\n";
    }
    out += "\n\ndef listener_ready(index):\n";
    if (tcp && plan.anyUdp())
        out +=
            "    if LISTENERS[index][1] == socket.SOCK_STREAM:\n        accept_clients(index)\n"
            "    else:\n        read_datagram(index)\n";
    else if (tcp)
        out += "    accept_clients(index)\n";
    else
        out += "    read_datagram(index)\n";
    out += R"py(

def main():
    for i, (service, kind, address, port) in enumerate(LISTENERS):
        port = parse_port(i, port)
        s = open_listener(kind, address, port)
        s.setblocking(False)  # the loop must never wait in accept() or recvfrom()
        listeners.append(s)
        print("Server listen on port :", port, "(TCP)" if kind == socket.SOCK_STREAM else "(UDP)",
              flush=True)
    index_of = {s.fileno(): i for i, s in enumerate(listeners)}
)py";
    const std::string timeout = clock ? "next_timeout()" : "None";
    if (m == "select") {
        out +=
            "    while True:\n        # select(): the lists are rebuilt before each call\n"
            "        readable = list(listeners)\n        writable = []\n";
        if (tcp)
            out +=
                "        readable += [c.sock for c in connections.values() if wants_read(c)]\n"
                "        writable += [c.sock for c in connections.values() if wants_write(c)]\n";
        out += "        r, w, _ = select.select(readable, writable, [], " + timeout + ")\n" +
               "        for s in r:\n            if s.fileno() in index_of:\n"
               "                listener_ready(index_of[s.fileno()])\n";
        if (tcp)
            out +=
                "        for s in set(r) | set(w):\n            c = connections.get(s.fileno())\n"
                "            if c is None:\n                continue\n"
                "            if s in r:\n                read_client(c)\n            settle(c)\n";
    } else if (m == "poll") {
        out +=
            "    while True:\n        # poll(): one entry per socket, with the events wanted\n"
            "        p = select.poll()\n        for s in listeners:\n"
            "            p.register(s, select.POLLIN)\n";
        if (tcp)
            out +=
                "        for c in connections.values():\n"
                "            p.register(c.sock, (select.POLLIN if wants_read(c) else 0) |\n"
                "                       (select.POLLOUT if wants_write(c) else 0))\n";
        out += "        timeout = " + timeout + "\n" +
               "        for fd, events in p.poll(None if timeout is None else timeout * 1000):\n"
               "            if fd in index_of:\n                listener_ready(index_of[fd])\n"
               "                continue\n";
        if (tcp)
            out +=
                "            c = connections.get(fd)\n            if c is None:\n"
                "                continue\n"
                "            if events & (select.POLLIN | select.POLLHUP | select.POLLERR):\n"
                "                read_client(c)\n            settle(c)\n";
    } else {
        out +=
            "    for s in listeners:\n        ep.register(s, select.EPOLLIN)\n"
            "    while True:\n        timeout = " +
            timeout + "\n" +
            "        for fd, events in ep.poll(-1 if timeout is None else timeout):\n"
            "            if fd in index_of:\n                listener_ready(index_of[fd])\n"
            "                continue\n";
        if (tcp)
            out +=
                "            c = connections.get(fd)\n            if c is None:\n"
                "                continue\n"
                "            if events & (select.EPOLLIN | select.EPOLLHUP | select.EPOLLERR):\n"
                "                read_client(c)\n            settle(c)\n";
    }
    if (clock) out += "        run_timers()\n";
    return out;
}

}  // namespace sockwb::codegen
