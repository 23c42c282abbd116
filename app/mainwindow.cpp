#include "app/mainwindow.h"

#include <QCloseEvent>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>

namespace sockwb::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Socket Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sockwb.svg")));
    auto* placeholder = new QLabel(tr("No server or client yet."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Ready"));
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 720);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

}  // namespace sockwb::app
