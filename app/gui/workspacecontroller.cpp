#include "app/gui/workspacecontroller.h"

#include "app/gui/mainwindow.h"

// Placeholder: written on its own branch.

namespace sockwb::app {

struct WorkspaceController::Impl {
    MainWindow* window;
    LabInfo lab;
};

WorkspaceController::WorkspaceController(MainWindow* window)
    : QObject(window), d(new Impl{window, {}}) {}
WorkspaceController::~WorkspaceController() { delete d; }
void WorkspaceController::populateFileMenu(QMenu*) {}
Workspace WorkspaceController::capture() const { return {}; }
void WorkspaceController::apply(const Workspace&, bool) {}
void WorkspaceController::startAll() {}
bool WorkspaceController::newWorkspace() { return false; }
bool WorkspaceController::open(const QString&) { return false; }
bool WorkspaceController::save() { return false; }
bool WorkspaceController::saveAs(const QString&) { return false; }
bool WorkspaceController::openLab(const QString&) { return false; }
QString WorkspaceController::path() const { return {}; }
bool WorkspaceController::isDirty() const { return false; }
QStringList WorkspaceController::recentFiles() const { return {}; }
bool WorkspaceController::maybeSave() { return true; }
const LabInfo& WorkspaceController::lab() const { return d->lab; }

}  // namespace sockwb::app
