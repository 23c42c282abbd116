#include <QApplication>

#include "app/cli.h"
#include "app/mainwindow.h"

int main(int argc, char** argv) {
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
