#include <QApplication>
#include <string_view>

#include "app/cli.h"
#include "app/mainwindow.h"
#include "app/screenshots.h"

int main(int argc, char** argv) {
    // The icons live in a static library: register them explicitly.
    Q_INIT_RESOURCE(resources);
    // Hidden option of scripts/screenshots: pictures of the real widgets.
    if (argc == 3 && std::string_view(argv[1]) == "--screenshots")
        return sockwb::app::runScreenshots(argc, argv, argv[2]);
    // Sub-commands run headless: decide before any QApplication exists.
    const int status = sockwb::app::runCommandLine(argc, argv);
    if (status != sockwb::app::kOpenGui) return status;

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("sockwb"));
    QApplication::setApplicationName(QStringLiteral("Socket Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKWB_VERSION));
    sockwb::app::MainWindow window;
    window.show();
    return QApplication::exec();
}
