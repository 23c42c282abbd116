// `sockwb demo`: the course's time-service scenario played in the terminal.
// The engine's clock service under the iterative model (the course's first
// server) answers a "Bonjour" client with the time N times, then
// "Au Revoir"; every socket call of both sides is printed as it happens.

#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>

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
        say_("== server: accepted " + info.peer.toString());
    }
    void onData(uint64_t, bool incoming, std::string_view bytes) override {
        if (incoming)
            say_("== server: received \"" + std::string(bytes.substr(0, bytes.find('\n'))) + "\"");
    }
    void onConnectionClosed(const ConnectionInfo& info) override {
        say_("== server: closed the connection of " + info.peer.toString());
    }

private:
    std::function<void(const std::string&)> say_;
};

int parseIntOption(const Args& args, size_t& i, const char* name) {
    if (i + 1 >= args.size()) throw Error::invalid(std::string(name) + " needs a value");
    const std::string& v = args[++i];
    try {
        size_t used = 0;
        int n = std::stoi(v, &used);
        if (used != v.size() || n < 0) throw std::invalid_argument(v);
        return n;
    } catch (const std::exception&) {
        throw Error::invalid(std::string(name) + ": '" + v + "' is not a non-negative number");
    }
}

}  // namespace

int demoCommand(const Args& args) {
    int ticks = 3;
    int intervalMs = 1000;
    try {
        for (size_t i = 0; i < args.size(); ++i) {
            if (args[i] == "--help" || args[i] == "-h") {
                std::printf(
                    "Usage: sockwb demo [--ticks N] [--interval MS]\n"
                    "Plays the course's time service: a clock server on 127.0.0.1 (port chosen by\n"
                    "the kernel), a client that says \"Bonjour\", the time N times, \"Au "
                    "Revoir\".\n"
                    "Each socket call of both sides is printed as it happens.\n");
                return 0;
            }
            if (args[i] == "--ticks")
                ticks = parseIntOption(args, i, "--ticks");
            else if (args[i] == "--interval")
                intervalMs = parseIntOption(args, i, "--interval");
            else
                throw Error::invalid("unknown option '" + args[i] + "'", "see sockwb demo --help");
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb demo: %s\n", e.what());
        return 2;
    }

    std::mutex printMutex;
    PrintingObserver serverTrace("server", printMutex);
    PrintingObserver clientTrace("client", printMutex);
    auto say = [&](const std::string& line) {
        std::lock_guard lock(printMutex);
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
    };

    try {
        say("== Time service demo: the server sends the time " + std::to_string(ticks) +
            " times, every " + std::to_string(intervalMs) + " ms, then \"Au Revoir\"");
        ServerConfig config;
        config.listeners[0].service = "clock";
        config.model = "iterative";
        config.serviceOptions.ticks = ticks;
        config.serviceOptions.intervalMs = intervalMs;
        DemoServerObserver events(say);  // outlives the server, which reports to it
        Server server(config);
        server.setObserver(&events);
        server.setTraceObserver(&serverTrace);
        {
            TraceScope scope(&serverTrace);
            server.start();
        }
        const Address where = server.addresses().front();
        say("== server listening on " + where.toString() + " (model " + server.modelName() +
            ", port 0 asked, getsockname shows the real one)");

        std::string received;
        {
            TraceScope scope(&clientTrace);
            Socket client = tcpConnect(where, Millis(5000));
            say("== client: connected from " + client.localAddress().toString());
            client.sendAll("Bonjour\n");
            size_t shown = 0;
            for (;;) {
                IoResult r = client.recvSome(received, 4096, Millis(intervalMs + 5000));
                while (true) {
                    auto nl = received.find('\n', shown);
                    if (nl == std::string::npos) break;
                    say("== client got: " + received.substr(shown, nl - shown));
                    shown = nl + 1;
                }
                if (r.eof() || r.status == IoResult::TimedOut) break;
            }
            client.close();
        }
        {
            TraceScope scope(&serverTrace);
            server.stop();
        }
        if (received.find("Au Revoir") == std::string::npos) {
            say("== the client never saw \"Au Revoir\"");
            return 1;
        }
        say("== done: the server closed after \"Au Revoir\", the client read end of stream (recv = "
            "0)");
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb demo: %s\n", e.what());
        return 1;
    }
}

}  // namespace sockwb::app
