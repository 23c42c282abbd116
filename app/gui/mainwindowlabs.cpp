// MainWindow's labs: the welcome page, the Labs menu and the Lab dock
// (the rest of MainWindow is in mainwindow.cpp).

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenu>

#include "app/gui/mainwindow.h"
#include "app/gui/workspacecontroller.h"
#include "widgets/client/clientwindow.h"
#include "widgets/labs/builtinlabs.h"
#include "widgets/labs/labjudge.h"
#include "widgets/labs/labpanel.h"
#include "widgets/labs/welcomepage.h"

namespace sockwb::app {

QWidget* MainWindow::createWelcomePage() {
    auto* page = new WelcomePage(this);
    connect(page, &WelcomePage::newServerRequested, this, &MainWindow::newServer);
    connect(page, &WelcomePage::openRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Workspace"), QString(), tr("Socket Workbench workspace (*.sockwb)"));
        if (!path.isEmpty()) workspace_->open(path);
    });
    connect(page, &WelcomePage::recentFileChosen, this,
            [this](const QString& path) { workspace_->open(path); });
    connect(page, &WelcomePage::labChosen, this,
            [this](const QString& id) { workspace_->openLab(id); });
    page->setRecentFiles(workspace_->recentFiles());
    connect(workspace_, &WorkspaceController::workspaceChanged, page,
            [this, page] { page->setRecentFiles(workspace_->recentFiles()); });
    return page;
}

void MainWindow::populateLabsMenu(QMenu* menu) {
    const QString language = QLocale().name();
    for (const QString& id : builtinLabIds()) {
        const WorkspaceReadResult lab = builtinLab(id);
        auto* action =
            new QAction(lab.workspace ? lab.workspace->lab.title.text(language) : id, this);
        action->setObjectName(QStringLiteral("actionLab-") + id);
        if (lab.workspace)
            action->setStatusTip(
                WelcomePage::firstSentence(lab.workspace->lab.explanation.text(language)));
        connect(action, &QAction::triggered, this, [this, id] { workspace_->openLab(id); });
        menu->addAction(action);
    }
}

void MainWindow::createLabDock() {
    labPanel_ = new LabPanel(this);
    labDock_ = new QDockWidget(tr("Lab"), this);
    labDock_->setObjectName(QStringLiteral("labDock"));
    labDock_->setWidget(labPanel_);
    addDockWidget(Qt::RightDockWidgetArea, labDock_);
    labDock_->hide();
    connect(workspace_, &WorkspaceController::workspaceChanged, this,
            &MainWindow::onWorkspaceChanged);
    connect(labPanel_, &LabPanel::runRequested, this, &MainWindow::runLab);
    // Reset: the lab built again as it was opened, nothing started.
    connect(labPanel_, &LabPanel::resetRequested, this,
            [this] { workspace_->apply(labPanel_->workspace(), false); });
}

void MainWindow::onWorkspaceChanged() {
    const LabInfo& lab = workspace_->lab();
    if (lab.isEmpty()) {
        labPanel_->setWorkspace(Workspace());
        labDock_->hide();
        return;
    }
    // A built-in lab just opened is judged on its own file; a workspace
    // read from a file (maybe a teacher's edited copy) on what was built.
    std::optional<Workspace> judged;
    if (workspace_->path().isEmpty() && builtinLabIds().contains(lab.id))
        judged = builtinLab(lab.id).workspace;
    if (!judged) judged = workspace_->capture();
    judged->lab = lab;
    labPanel_->setWorkspace(*judged);
    labDock_->show();
    labDock_->raise();
}

void MainWindow::runLab() {
    QList<ClientWindow*> clients;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* client = qobject_cast<ClientWindow*>(w)) clients << client;
    labPanel_->judge()->watch(servers(), clients);
    workspace_->startAll();
}

}  // namespace sockwb::app
