// `sockwb demo`: the course's time-service scenario played in the terminal.
// The engine's clock service under the iterative model (the course's first
// server) answers a "Bonjour" client with the time N times, then
// "Au Revoir"; every socket call of both sides is printed as it happens.

#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/server/server.h"

namespace sockwb::app {

namespace {

// Prints each event with the side that made it. Shared by two threads.
class PrintingObserver final : public TraceObserver {
public:
    PrintingObserver(const char* side, std::mutex& mutex) : side_(side), mutex_(mutex) {}
    void onTrace(const TraceEvent& e) override {
        std::lock_guard lock(mutex_);
        std::printf("  [%s pid %d tid %d] %s\n", side_, e.pid, e.tid, e.toLine().c_str());
        std::fflush(stdout);
    }

private:
    const char* side_;
    std::mutex& mutex_;
};

// The server's events as demo lines ("server: accepted ..."). Called from
// the server's thread; printing goes through the shared mutex.
class DemoServerObserver final : public ServerObserver {
public:
    explicit DemoServerObserver(std::function<void(const std::string&)> say)
        : say_(std::move(say)) {}
    void onConnectionOpened(const ConnectionInfo& info) override {
        say_(utf8(QCoreApplication::translate("sockwb::app::demo", "== server: accepted %1")
                      .arg(q(info.peer.toString()))));
    }
    void onData(uint64_t, bool incoming, std::string_view bytes) override {
        if (incoming)
            say_(utf8(QCoreApplication::translate("sockwb::app::demo", "== server: received \"%1\"")
                          .arg(q(std::string(bytes.substr(0, bytes.find('\n')))))));
    }
    void onConnectionClosed(const ConnectionInfo& info) override {
        say_(utf8(QCoreApplication::translate("sockwb::app::demo",
                                              "== server: closed the connection of %1")
                      .arg(q(info.peer.toString()))));
    }

private:
    std::function<void(const std::string&)> say_;
};

constexpr const char* kHelp = QT_TRANSLATE_NOOP(
    "sockwb::app::demo",
    "Usage: sockwb demo [--ticks N] [--interval MS]\n"
    "Plays the course's time service: a clock server on 127.0.0.1 (port chosen by\n"
    "the kernel), a client that says \"Bonjour\", the time N times, \"Au "
    "Revoir\".\n"
    "Each socket call of both sides is printed as it happens.\n");

struct DemoOptions {
    int ticks = 3;
    int intervalMs = 1000;
    bool help = false;
};

DemoOptions parse(const Args& args) {
    CommandParser p("demo");
    p.addValue({"ticks"});
    p.addValue({"interval"});
    p.parse(args);
    DemoOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    // The bounds of `sockwb serve --ticks/--interval`: the same clock service.
    o.ticks = static_cast<int>(p.integer("ticks", 0, 1000000, o.ticks));
    o.intervalMs = static_cast<int>(p.integer("interval", 0, 86400000, o.intervalMs));
    if (const auto extra = p.positional(); !extra.empty())
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::demo", "unexpected argument '%1'")
                     .arg(q(extra.front()))),
            p.seeHelp());
    return o;
}

// The client's side: connect, say "Bonjour", print what each recv() gave
// (the course's receive_from: the server sends no terminator) until the
// server closes (or stays silent too long). Returns what it received.
std::string talk(const Address& where, int intervalMs, PrintingObserver& trace,
                 const std::function<void(const std::string&)>& say) {
    TraceScope scope(&trace);
    std::string received;
    Socket client = tcpConnect(where, Millis(5000));
    say(utf8(QCoreApplication::translate("sockwb::app::demo", "== client: connected from %1")
                 .arg(q(client.localAddress().toString()))));
    client.sendAll("Bonjour");
    for (;;) {
        const size_t before = received.size();
        IoResult r = client.recvSome(received, 4096, Millis(intervalMs + 5000));
        if (received.size() > before)
            say(utf8(QCoreApplication::translate("sockwb::app::demo", "== client got: %1")
                         .arg(q(received.substr(before)))));
        if (r.eof() || r.status == IoResult::TimedOut) break;
    }
    client.close();
    return received;
}

// The whole scenario; throws Error when a socket call fails.
int play(const DemoOptions& o) {
    std::mutex printMutex;
    PrintingObserver serverTrace("server", printMutex);
    PrintingObserver clientTrace("client", printMutex);
    auto say = [&](const std::string& line) {
        std::lock_guard lock(printMutex);
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
    };
    say(utf8(QCoreApplication::translate("sockwb::app::demo",
                                         "== Time service demo: the server sends the time %1 "
                                         "times, every %2 ms, then \"Au Revoir\"")
                 .arg(o.ticks)
                 .arg(o.intervalMs)));
    ServerConfig config;
    config.listeners[0].service = "clock";
    config.model = "iterative";
    config.serviceOptions.ticks = o.ticks;
    config.serviceOptions.intervalMs = o.intervalMs;
    DemoServerObserver events(say);  // outlives the server, which reports to it
    Server server(config);
    server.setObserver(&events);
    server.setTraceObserver(&serverTrace);
    {
        TraceScope scope(&serverTrace);
        server.start();
    }
    const Address where = server.addresses().front();
    say(utf8(QCoreApplication::translate("sockwb::app::demo",
                                         "== server listening on %1 (model %2, port 0 asked, "
                                         "getsockname shows the real one)")
                 .arg(q(where.toString()), q(server.modelName()))));
    const std::string received = talk(where, o.intervalMs, clientTrace, say);
    {
        TraceScope scope(&serverTrace);
        server.stop();
    }
    if (received.find("Au Revoir") == std::string::npos) {
        say(utf8(QCoreApplication::translate("sockwb::app::demo",
                                             "== the client never saw \"Au Revoir\"")));
        return 1;
    }
    say(utf8(QCoreApplication::translate("sockwb::app::demo",
                                         "== done: the server closed after \"Au Revoir\", the "
                                         "client read end of stream (recv = 0)")));
    return 0;
}

}  // namespace

int demoCommand(const Args& args) {
    DemoOptions o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb demo: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QCoreApplication::translate("sockwb::app::demo", kHelp));
        return 0;
    }
    try {
        return play(o);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb demo: %1\n").arg(errorText(e)));
        return 1;
    }
}

}  // namespace sockwb::app
