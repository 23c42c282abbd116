#include "app/cli/cli.h"

#include <QCoreApplication>
#include <QtGlobal>
#include <functional>
#include <map>
#include <string>

#include "app/cli/clitext.h"
#include "app/cli/commands.h"

namespace sockwb::app {

namespace {

struct Command {
    const char* summary;  // QT_TRANSLATE_NOOP: translated when printed
    std::function<int(const Args&)> run;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"addr",
         {QT_TRANSLATE_NOOP("sockwb::app::cli",
                            "show an address as struct sockaddr_in/in6 byte by byte, "
                            "inet_pton and getaddrinfo"),
          addrCommand}},
        {"demo",
         {QT_TRANSLATE_NOOP(
              "sockwb::app::cli",
              "play the course's time-service scenario in the terminal, with the syscall trace"),
          demoCommand}},
        {"serve",
         {QT_TRANSLATE_NOOP(
              "sockwb::app::cli",
              "run a server (echo, chargen, clock, chat, http...) under a concurrency model"),
          serveCommand}},
        {"client",
         {QT_TRANSLATE_NOOP("sockwb::app::cli",
                            "a TCP/UDP client: send messages, print the answer (or netcat mode)"),
          clientCommand}},
        {"http",
         {QT_TRANSLATE_NOOP("sockwb::app::cli",
                            "send one HTTP/1.1 request and print the response (a small curl)"),
          httpCommand}},
        {"lesson",
         {"run a built-in lesson on loopback: accept queue, TIME-WAIT, SO_REUSEADDR",
          lessonCommand}},
        {"load",
         {QT_TRANSLATE_NOOP(
              "sockwb::app::cli",
              "load a server (HTTP, TCP/UDP echo, bulk): requests/s, latency percentiles, errors"),
          loadCommand}},
        {"relay",
         {"relay TCP/UDP to a server and break it on purpose: latency, slices, resets, loss",
          relayCommand}},
        {"run",
         {"play a workspace (FILE.sockwb or a built-in lab) headless and check its expectations",
          runCommand}},
        {"sequence",
         {QT_TRANSLATE_NOOP("sockwb::app::cli",
                            "show a JSON trace as a sequence: handshake, data, FIN, RST arrows "
                            "(text, JSON, SVG, PNG)"),
          sequenceCommand}},
        {"sockets",
         {QT_TRANSLATE_NOOP(
              "sockwb::app::cli",
              "list the machine's TCP, UDP and Unix sockets like ss -tuan: states, queues, owners"),
          socketsCommand}},
        {"trace",
         {"run your own program and show its socket calls as they happen (a small strace)",
          traceCommand}},
    };
    return table;
}

}  // namespace

void printUsage() {
    QString text = QCoreApplication::translate("sockwb::app::cli",
                                               "Usage: sockwb [SUB-COMMAND] [OPTIONS]\n"
                                               "Socket Workbench: client/server experiments over "
                                               "the POSIX socket API.\n"
                                               "With no sub-command the graphical workbench "
                                               "opens.\n\n"
                                               "Sub-commands:\n");
    for (const auto& [name, cmd] : commands())
        text += QStringLiteral("  %1 %2\n")
                    .arg(q(name), -8)
                    .arg(QCoreApplication::translate("sockwb::app::cli", cmd.summary));
    text += QCoreApplication::translate(
        "sockwb::app::cli",
        "\nOptions:\n"
        "  -h, --help         show this help (SUB-COMMAND --help for a sub-command)\n"
        "  -V, --version      show the version\n"
        "  --lang en|fr       language of the workbench and of the sub-commands (default: the\n"
        "                     system's: LC_ALL, LC_MESSAGES, LANG; the graphical workbench also\n"
        "                     remembers the one chosen in View > Language)\n"
        "  --quit-after MS    open the workbench, close it after MS milliseconds (smoke tests)\n"
        "\nThe workbench closes cleanly (every server stopped) on SIGINT, SIGTERM and SIGHUP.\n");
    printOut(text);
}

int runCommandLine(int argc, char** argv, const QString& language) {
    if (argc < 2) return kOpenGui;
    const std::string first = argv[1];
    // Options Qt itself understands (-platform, -style...) go to the GUI.
    if (first.rfind("-", 0) == 0 && first.rfind("--", 0) != 0 && first != "-h" && first != "-V")
        return kOpenGui;
    Args args(argv + 2, argv + argc);
    QString chosen = language;
    QString error;
    const bool languageOk = takeLanguageOption(&args, &chosen, &error);
    // Drawing a diagram (sequence --svg/--png) needs widgets: a QApplication.
    const bool widgets = first == "sequence" && sequenceNeedsWidgets(args);
    const CliLanguage scope(chosen, widgets);
    if (!languageOk) {
        printErr(QStringLiteral("sockwb: %1\n").arg(error));
        return 2;
    }
    if (first == "--help" || first == "-h" || first == "help") {
        printUsage();
        return 0;
    }
    if (first == "--version" || first == "-V") {
        printOut(QStringLiteral("sockwb %1\n").arg(QStringLiteral(SOCKWB_VERSION)));
        return 0;
    }
    auto it = commands().find(first);
    if (it == commands().end()) {
        printErr(QCoreApplication::translate("sockwb::app::cli",
                                             "sockwb: unknown sub-command '%1'\n"
                                             "Try 'sockwb --help' for the list.\n")
                     .arg(q(first)));
        return 2;
    }
    return it->second.run(args);
}

}  // namespace sockwb::app
