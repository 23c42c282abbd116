#include "app/cli/cli.h"

#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>

#include "app/cli/commands.h"

namespace sockwb::app {

namespace {

struct Command {
    const char* summary;
    std::function<int(const Args&)> run;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"demo",
         {"play the course's time-service scenario in the terminal, with the syscall trace",
          demoCommand}},
        {"serve",
         {"run a server (echo, chargen, clock, chat, http...) under a concurrency model",
          serveCommand}},
        {"client",
         {"a TCP/UDP client: send messages, print the answer (or netcat mode)", clientCommand}},
        {"http", {"send one HTTP/1.1 request and print the response (a small curl)", httpCommand}},
        {"load",
         {"load a server (HTTP, TCP/UDP echo, bulk): requests/s, latency percentiles, errors",
          loadCommand}},
        {"trace",
         {"run your own program and show its socket calls as they happen (a small strace)",
          traceCommand}},
    };
    return table;
}

}  // namespace

void printUsage() {
    std::printf(
        "Usage: sockwb [SUB-COMMAND] [OPTIONS]\n"
        "Socket Workbench: client/server experiments over the POSIX socket API.\n"
        "With no sub-command the graphical workbench opens.\n\n"
        "Sub-commands:\n");
    for (const auto& [name, cmd] : commands())
        std::printf("  %-8s %s\n", name.c_str(), cmd.summary);
    std::printf(
        "\nOptions:\n"
        "  -h, --help         show this help (SUB-COMMAND --help for a sub-command)\n"
        "  -V, --version      show the version\n"
        "  --lang en|fr       language of the graphical workbench (default: the system's,\n"
        "                     or the one chosen in View > Language)\n"
        "  --quit-after MS    open the workbench, close it after MS milliseconds (smoke tests)\n"
        "\nThe workbench closes cleanly (every server stopped) on SIGINT, SIGTERM and SIGHUP.\n");
}

int runCommandLine(int argc, char** argv) {
    if (argc < 2) return kOpenGui;
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        printUsage();
        return 0;
    }
    if (first == "--version" || first == "-V") {
        std::printf("sockwb %s\n", SOCKWB_VERSION);
        return 0;
    }
    // Options Qt itself understands (-platform, -style...) go to the GUI.
    if (first.rfind("-", 0) == 0 && first.rfind("--", 0) != 0) return kOpenGui;
    auto it = commands().find(first);
    if (it == commands().end()) {
        std::fprintf(stderr,
                     "sockwb: unknown sub-command '%s'\nTry 'sockwb --help' for the list.\n",
                     first.c_str());
        return 2;
    }
    Args args(argv + 2, argv + argc);
    return it->second.run(args);
}

}  // namespace sockwb::app
