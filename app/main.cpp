#include <QApplication>
#include <cstdio>
#include <string>
#include <string_view>

#include "app/cli.h"
#include "app/mainwindow.h"
#include "app/screenshots.h"
#include "widgets/translations.h"

namespace {

// Takes `--lang CODE` / `--lang=CODE` out of argv when the GUI (or the
// screenshots) will run: sub-commands (argv[1] not an option) speak English
// and keep their arguments. False, with a message, on a bad value.
bool takeLanguageOption(int& argc, char** argv, QString* language) {
    if (argc < 2 || argv[1][0] != '-') return true;
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        std::string value;
        if (arg == "--lang") {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "sockwb: --lang needs a value (en or fr)\n");
                return false;
            }
            value = argv[++i];
        } else if (arg.rfind("--lang=", 0) == 0) {
            value = arg.substr(7);
        } else {
            argv[out++] = argv[i];
            continue;
        }
        *language = sockwb::Translations::normalize(QString::fromStdString(value));
        if (language->isEmpty()) {
            std::fprintf(stderr, "sockwb: unknown language '%s' (valid: en, fr)\n", value.c_str());
            return false;
        }
    }
    argc = out;
    argv[argc] = nullptr;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    // The icons and translations live in a static library: register them.
    Q_INIT_RESOURCE(resources);
    QString language;  // "" = the saved choice or the system's
    if (!takeLanguageOption(argc, argv, &language)) return 2;
    // Hidden option of scripts/screenshots: pictures of the real widgets.
    if (argc == 3 && std::string_view(argv[1]) == "--screenshots")
        return sockwb::app::runScreenshots(argc, argv, argv[2], language);
    // Sub-commands run headless: decide before any QApplication exists.
    const int status = sockwb::app::runCommandLine(argc, argv);
    if (status != sockwb::app::kOpenGui) return status;

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("sockwb"));
    QApplication::setApplicationName(QStringLiteral("Socket Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKWB_VERSION));
    // Before any widget exists: tr() is resolved when texts are set.
    sockwb::Translations::install(&app, sockwb::Translations::chosen(language));
    sockwb::app::MainWindow window;
    window.show();
    return QApplication::exec();
}
