#include "app/gui/workspacecontroller.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include "app/gui/mainwindow.h"
#include "app/gui/workspacestage.h"
#include "widgets/client/clientwindow.h"
#include "widgets/common/logview.h"
#include "widgets/common/translations.h"
#include "widgets/labs/builtinlabs.h"
#include "widgets/shell/sidebar.h"
#include "widgets/workspace/workspacefile.h"

namespace sockwb::app {

namespace {

const QString kRecentKey = QStringLiteral("workspace/recent");
constexpr int kMaxRecent = 8;
constexpr int kDirtyCheckMs = 1000;

// What the dirty mark compares: the workspace without where its windows
// sit (moving a window is not an edit) nor the panel on screen.
QByteArray contentKey(Workspace ws) {
    ws.layout.mainGeometry.clear();
    ws.layout.mainState.clear();
    ws.layout.currentPanel.clear();
    for (WorkspaceClient& c : ws.clients) c.window.geometry = QRect();
    for (WorkspaceComposer& c : ws.composers) c.window.geometry = QRect();
    return workspaceToJson(ws);
}

}  // namespace

struct WorkspaceController::Impl {
    MainWindow* window = nullptr;
    WorkspaceStage* stage = nullptr;
    LabInfo lab;
    QString path;
    QByteArray savedKey;  // contentKey() of the workspace last opened or saved
    bool dirty = false;
    QTimer dirtyTimer;
    QMenu* recentMenu = nullptr;
};

WorkspaceController::WorkspaceController(MainWindow* window) : QObject(window), d(new Impl) {
    d->window = window;
    d->stage = new WorkspaceStage(window);
    d->savedKey = contentKey(Workspace());
    connect(&d->dirtyTimer, &QTimer::timeout, this, [this] { checkDirty(); });
    d->dirtyTimer.start(kDirtyCheckMs);
}

WorkspaceController::~WorkspaceController() { delete d; }

void WorkspaceController::populateFileMenu(QMenu* menu) {
    auto add = [this, menu](const QString& text, const char* name, const QKeySequence& key,
                            auto slot) {
        auto* a = new QAction(text, menu);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty()) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        menu->addAction(a);
        return a;
    };
    add(tr("New &Workspace"), "actionNewWorkspace", QKeySequence(), [this] {
        newWorkspace();
    })->setStatusTip(tr("Close every server, relay and window and start an empty workspace"));
    add(tr("&Open..."), "actionOpen", QKeySequence::Open, [this] {
        const QString path = QFileDialog::getOpenFileName(
            d->window, tr("Open Workspace"), QFileInfo(d->path).absolutePath(),
            tr("Socket Workbench workspace (*.sockwb)"));
        if (!path.isEmpty()) open(path);
    })->setStatusTip(tr("Open a workspace: servers, relays, clients, requests and layout"));
    d->recentMenu = menu->addMenu(tr("Open &Recent"));
    d->recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(d->recentMenu, &QMenu::aboutToShow, this, [this] { rebuildRecentMenu(); });
    rebuildRecentMenu();
    menu->addSeparator();
    add(tr("&Save"), "actionSave", QKeySequence::Save, [this] { save(); });
    add(tr("Save &As..."), "actionSaveAs", QKeySequence(tr("Ctrl+Shift+S")),
        [this] { saveAs(QString()); });
    connect(d->window->sideBar(), &SideBar::contentsChanged, this, [this] {
        watchScripts();
        checkDirty();
    });
    updateTitle();
}

void WorkspaceController::rebuildRecentMenu() {
    if (!d->recentMenu) return;
    d->recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        auto* a = new QAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                              d->recentMenu);
        connect(a, &QAction::triggered, this, [this, path] { open(path); });
        d->recentMenu->addAction(a);
        a->setToolTip(path);
        a->setStatusTip(path);
        a->setData(path);
    }
    d->recentMenu->addSeparator();
    auto* clearAction = new QAction(tr("&Clear Menu"), d->recentMenu);
    // The menu is rebuilt when it shows next (not here: inside the action's
    // own signal, which clear() would delete).
    connect(clearAction, &QAction::triggered, this, [] { QSettings().remove(kRecentKey); });
    d->recentMenu->addAction(clearAction);
    clearAction->setObjectName(QStringLiteral("actionClearRecent"));
    clearAction->setEnabled(!files.isEmpty());
    d->recentMenu->setEnabled(true);
}

void WorkspaceController::addRecent(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = QSettings().value(kRecentKey).toStringList();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent) files.removeLast();
    QSettings().setValue(kRecentKey, files);
}

QStringList WorkspaceController::recentFiles() const {
    QStringList files;
    for (const QString& f : QSettings().value(kRecentKey).toStringList())
        if (QFileInfo::exists(f) && !files.contains(f) && files.size() < kMaxRecent) files << f;
    return files;
}

Workspace WorkspaceController::capture() const { return d->stage->capture(d->lab); }

void WorkspaceController::apply(const Workspace& workspace, bool start) {
    d->lab = workspace.lab;
    d->stage->build(workspace);
    if (start) startAll();
}

void WorkspaceController::startAll() { d->stage->start(); }

void WorkspaceController::opened(const QString& path) {
    d->path = path;
    d->savedKey = contentKey(capture());
    setDirty(false);
    updateTitle();
    emit workspaceChanged();
}

bool WorkspaceController::newWorkspace() {
    if (!maybeSave()) return false;
    apply(Workspace(), false);
    opened(QString());
    return true;
}

bool WorkspaceController::open(const QString& path) {
    if (!maybeSave()) return false;
    const WorkspaceReadResult read = loadWorkspace(path);
    if (!read.workspace) {
        QMessageBox::warning(
            d->window, tr("Open Workspace"),
            tr("%1 could not be opened: %2").arg(QFileInfo(path).fileName(), read.error));
        d->window->logDock()->append(LogView::Failure, read.error);
        return false;
    }
    // A lab waits for its question to be answered (the lab panel starts it).
    apply(*read.workspace, read.workspace->lab.isEmpty());
    for (const QString& note : read.notes)
        d->window->logDock()->append(LogView::Info,
                                     tr("%1: %2").arg(QFileInfo(path).fileName(), note));
    addRecent(path);
    opened(QFileInfo(path).absoluteFilePath());
    return true;
}

bool WorkspaceController::openLab(const QString& id) {
    if (!maybeSave()) return false;
    const WorkspaceReadResult read = builtinLab(id);
    if (!read.workspace) {
        QMessageBox::warning(d->window, tr("Open Lab"),
                             tr("The lab %1 could not be opened: %2").arg(id, read.error));
        return false;
    }
    apply(*read.workspace, false);
    opened(QString());
    return true;
}

bool WorkspaceController::save() { return saveAs(d->path); }

bool WorkspaceController::saveAs(const QString& chosen) {
    QString path = chosen;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(d->window, tr("Save Workspace As"),
                                            d->path.isEmpty() ? QString() : d->path,
                                            tr("Socket Workbench workspace (*.sockwb)"));
        if (path.isEmpty()) return false;
    }
    if (!path.endsWith(QLatin1String(".sockwb"), Qt::CaseInsensitive))
        path += QStringLiteral(".sockwb");
    const Workspace ws = capture();
    QString error;
    if (!saveWorkspace(ws, path, &error)) {
        QMessageBox::warning(d->window, tr("Save Workspace"), error);
        return false;
    }
    d->path = QFileInfo(path).absoluteFilePath();
    d->savedKey = contentKey(ws);
    addRecent(path);
    setDirty(false);
    updateTitle();
    return true;
}

QString WorkspaceController::path() const { return d->path; }

bool WorkspaceController::isDirty() const { return d->dirty; }

void WorkspaceController::checkDirty() {
    const Workspace ws = capture();
    // An empty workbench that was never saved has nothing to lose (the
    // docks shown or hidden alone do not ask to be saved).
    const bool nothing = d->path.isEmpty() && ws.lab.isEmpty() && ws.servers.empty() &&
                         ws.relays.empty() && ws.clients.empty() && ws.composers.empty();
    setDirty(!nothing && contentKey(ws) != d->savedKey);
}

void WorkspaceController::watchScripts() {
    for (QWidget* top : QApplication::topLevelWidgets()) {
        auto* w = qobject_cast<ClientWindow*>(top);
        if (!w || w->property("sockwbScriptWatched").toBool()) continue;
        w->setProperty("sockwbScriptWatched", true);
        // By name: the Script tab's class is the client window's own business.
        for (QObject* o : w->findChildren<QObject*>())
            if (o->inherits("sockwb::ScriptPanel"))
                connect(o, SIGNAL(changed()), this, SLOT(checkDirty()));
    }
}

void WorkspaceController::setDirty(bool dirty) {
    d->window->setWindowModified(dirty);
    if (dirty == d->dirty) return;
    d->dirty = dirty;
    emit dirtyChanged(dirty);
}

void WorkspaceController::updateTitle() {
    QString name;
    if (!d->path.isEmpty())
        name = QFileInfo(d->path).fileName();
    else if (!d->lab.isEmpty())
        name = d->lab.title.text(Translations::chosen());
    d->window->setWindowTitle(name.isEmpty() ? tr("Socket Workbench[*]")
                                             : tr("%1[*] — Socket Workbench").arg(name));
    d->window->setWindowModified(d->dirty);
}

bool WorkspaceController::maybeSave() {
    checkDirty();
    if (!d->dirty) return true;
    QMessageBox box(
        QMessageBox::Warning, tr("Save Workspace"),
        d->path.isEmpty()
            ? tr("The workspace has changes that are not saved.")
            : tr("%1 has changes that are not saved.").arg(QFileInfo(d->path).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, d->window);
    box.setObjectName(QStringLiteral("saveChangesBox"));
    box.setInformativeText(tr("Save them before going on?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
        case QMessageBox::Save:
            return save();
        case QMessageBox::Discard:
            return true;
        default:
            return false;
    }
}

const LabInfo& WorkspaceController::lab() const { return d->lab; }

QString WorkspaceController::takeWorkspaceArgument(int& argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return {};
    const QString path = QString::fromLocal8Bit(argv[1]);
    if (!path.endsWith(QLatin1String(".sockwb"), Qt::CaseInsensitive)) return {};
    for (int i = 1; i < argc; ++i) argv[i] = argv[i + 1];  // argv[argc] is null
    --argc;
    return path;
}

}  // namespace sockwb::app
