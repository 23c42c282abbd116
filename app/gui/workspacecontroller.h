#pragma once
// WorkspaceController: the main window's File menu over workspace files
// (widgets/workspace/): New, Open..., Open Recent, Save, Save As...; the
// title's dirty mark ("lab.sockwb*") and the prompt to save on close;
// capture() reads what the workbench holds (servers, relays, client
// windows with their scripts, composer windows, layout) and apply()
// rebuilds it. `sockwb lab.sockwb` and the Labs menu open through it.
// GUI thread only.

#include <QObject>
#include <QString>
#include <QStringList>

#include "widgets/workspace/workspace.h"

class QMenu;

namespace sockwb::app {

class MainWindow;

class WorkspaceController final : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceController(MainWindow* window);
    ~WorkspaceController() override;

    // Adds New, Open..., Open Recent, Save, Save As... to menu.
    void populateFileMenu(QMenu* menu);

    // What the workbench holds now, as a workspace (the lab info of the
    // workspace last opened is kept).
    Workspace capture() const;
    // Closes what the workbench holds and builds workspace: server panels,
    // relays, client windows (with their scripts), composer windows, the
    // layout. Does not ask to save: see maybeSave(). start: startAll() at
    // once; false (a lab, before its question is answered): nothing starts.
    void apply(const Workspace& workspace, bool start = true);
    // Starts the servers and relays marked autostart, then connects each
    // client window at its connectAfterMs (its script plays once connected)
    // and sends the composer requests marked run.
    void startAll();

    // The File menu's actions. Each asks to save a dirty workspace first;
    // false when the user cancelled or the file could not be read/written
    // (a message box said why).
    bool newWorkspace();
    bool open(const QString& path);
    bool save();
    bool saveAs(const QString& path);
    // Opens a built-in lab by id ("time-tcp"), unsaved (Save As writes a copy).
    bool openLab(const QString& id);

    QString path() const;  // "" for an unsaved workspace
    bool isDirty() const;
    QStringList recentFiles() const;  // most recent first, at most 8, existing files
    // Before the workbench closes: asks Save / Discard / Cancel when dirty.
    // false = the user cancelled.
    bool maybeSave();
    // The lab of the workspace on screen (empty for a plain workspace).
    const LabInfo& lab() const;

    // `sockwb lab.sockwb`: takes a first argument naming a *.sockwb file out
    // of argv and returns it ("" when argv[1] is something else: a
    // sub-command, an option). main() calls it before QApplication exists,
    // then open() once the window shows. Thread-safe (touches argv only).
    static QString takeWorkspaceArgument(int& argc, char** argv);

signals:
    // A workspace was opened, created or applied (the lab panel follows it).
    void workspaceChanged();
    void dirtyChanged(bool dirty);

private slots:
    // Compares what is on screen with what was last opened or saved.
    void checkDirty();

private:
    void rebuildRecentMenu();
    void addRecent(const QString& path);
    // A workspace came on screen (opened, new, a lab): it is the saved state.
    void opened(const QString& path);
    void setDirty(bool dirty);
    // An edit of a client window's script re-checks the dirty mark at once.
    void watchScripts();
    // "lab.sockwb[*] — Socket Workbench".
    void updateTitle();

    struct Impl;
    Impl* d;
};

}  // namespace sockwb::app
