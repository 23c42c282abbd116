#include <QApplication>
#include <QTimer>
#include <cerrno>
#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "app/cli/cli.h"
#include "app/gui/mainwindow.h"
#include "app/gui/screenshots.h"
#include "app/gui/signalcloser.h"
#include "app/gui/workspacecontroller.h"
#include "widgets/common/presentationmode.h"
#include "widgets/common/translations.h"

namespace {

// Options of the graphical workbench.
struct GuiOptions {
    QString language;       // "" = the saved choice or the system's
    long quitAfterMs = -1;  // --quit-after: close the workbench after that long
};

// Takes `--lang CODE` and `--quit-after MS` (also `--opt=value`) out of argv
// when the GUI (or the screenshots) will run: sub-commands (argv[1] not an
// option) keep their arguments. False, with a message, on a bad value.
// Written by hand, not with QCommandLineParser: the arguments it does not
// know must stay in argv, in their order, for QApplication (-platform X).
bool takeGuiOptions(int& argc, char** argv, GuiOptions* options) {
    if (argc < 2 || argv[1][0] != '-') return true;
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        std::string name, value;
        for (const char* option : {"--lang", "--quit-after"}) {
            const std::string_view o = option;
            if (arg == o) {
                if (i + 1 >= argc) {
                    std::fprintf(stderr, "sockwb: %s needs a value\n", option);
                    return false;
                }
                name = o;
                value = argv[++i];
            } else if (arg.size() > o.size() && arg.substr(0, o.size()) == o &&
                       arg[o.size()] == '=') {
                name = o;
                value = arg.substr(o.size() + 1);
            }
        }
        if (name.empty()) {
            argv[out++] = argv[i];
        } else if (name == "--lang") {
            options->language = sockwb::Translations::normalize(QString::fromStdString(value));
            if (options->language.isEmpty()) {
                std::fprintf(stderr, "sockwb: unknown language '%s' (valid: en, fr)\n",
                             value.c_str());
                return false;
            }
        } else {
            char* end = nullptr;
            errno = 0;
            const long ms = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || errno != 0 || ms < 0 || ms > 86'400'000) {
                std::fprintf(
                    stderr,
                    "sockwb: --quit-after needs milliseconds from 0 to 86400000, not '%s'\n",
                    value.c_str());
                return false;
            }
            options->quitAfterMs = ms;
        }
    }
    argc = out;
    argv[argc] = nullptr;
    return true;
}

void say(const QString& line) {
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    // The icons and translations live in a static library: register them.
    Q_INIT_RESOURCE(resources);
    GuiOptions options;
    if (!takeGuiOptions(argc, argv, &options)) return 2;
    // Hidden option of scripts/screenshots: pictures of the real widgets.
    if (argc == 3 && std::string_view(argv[1]) == "--screenshots")
        return sockwb::app::runScreenshots(argc, argv, argv[2], options.language);
    // `sockwb lab.sockwb`: the workbench opens with it.
    const QString workspaceFile =
        sockwb::app::WorkspaceController::takeWorkspaceArgument(argc, argv);
    // Sub-commands run headless: decide before any QApplication exists.
    const int status = sockwb::app::runCommandLine(argc, argv, options.language);
    if (status != sockwb::app::kOpenGui) return status;

    QApplication app(argc, argv);
    // QApplication called setlocale(LC_ALL, ""): keep numbers in the C
    // locale (printf, strtod in the parsers) whatever the user's language.
    std::setlocale(LC_NUMERIC, "C");
    QApplication::setOrganizationName(QStringLiteral("sockwb"));
    QApplication::setApplicationName(QStringLiteral("Socket Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKWB_VERSION));
    // Before any widget exists: tr() is resolved when texts are set.
    sockwb::Translations::install(&app, sockwb::Translations::chosen(options.language));
    // SIGINT/SIGTERM/SIGHUP close the workbench as its window does.
    sockwb::app::SignalCloser signalCloser;
    QObject::connect(&signalCloser, &sockwb::app::SignalCloser::closing, [](int number) {
        say(QCoreApplication::translate("sockwb::app::main",
                                        "Socket Workbench: %1 received, closing the workbench "
                                        "(every server is stopped).")
                .arg(QString::fromLatin1(sigabbrev_np(number) ? sigabbrev_np(number) : "?")
                         .prepend(QStringLiteral("SIG"))));
    });
    // View > Presentation Mode as it was left (fonts, palette) before any
    // window is made.
    sockwb::PresentationMode::instance()->restore();
    sockwb::app::MainWindow window;
    window.show();
    // Once the event loop runs: a file that cannot be read says why in a
    // message box over the workbench, which stays open.
    if (!workspaceFile.isEmpty())
        QTimer::singleShot(0, &window,
                           [&window, workspaceFile] { window.workspace()->open(workspaceFile); });
    if (options.quitAfterMs >= 0) {
        say(QCoreApplication::translate(
                "sockwb::app::main",
                "Socket Workbench %1: main window open, closing it in %2 ms "
                "(--quit-after).")
                .arg(QStringLiteral(SOCKWB_VERSION))
                .arg(options.quitAfterMs));
        QTimer::singleShot(std::chrono::milliseconds(options.quitAfterMs), &window, [] {
            say(QCoreApplication::translate(
                "sockwb::app::main", "Socket Workbench: closing the main window (--quit-after)."));
            QApplication::closeAllWindows();
        });
    }
    return QApplication::exec();
}
