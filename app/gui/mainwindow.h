#pragma once
// The workbench's main window. It only composes the tools (each its own
// class in widgets/): the side list of servers and clients, one ServerPanel
// per server, the Trace and Log docks, menus, toolbar and status bar. No
// socket logic lives here.

#include <QMainWindow>
#include <QTimer>
#include <memory>

#include "core/net/trace.h"
#include "core/relay/relayconfig.h"
#include "core/server/server.h"

class QDockWidget;
class QAction;
class QLabel;
class QMenu;
class QStackedWidget;

namespace sockwb {
class LabPanel;
class LogView;
class RelayPanel;
class SequenceWindow;
class ServerPanel;
class SideBar;
class TraceAdapter;
class TraceView;
}  // namespace sockwb

namespace sockwb::app {

class WorkspaceController;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // GUI thread only (as every method). Restores the saved geometry.
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds a server panel for config (started at once if start) and shows it.
    ServerPanel* addServer(const ServerConfig& config, bool start = true);
    QList<ServerPanel*> servers() const;
    // Adds a relay panel (started at once if start) and shows it.
    RelayPanel* addRelay(const RelayConfig& config, bool start = true);
    QList<RelayPanel*> relays() const;
    SideBar* sideBar() const { return sideBar_; }
    TraceView* traceDock() const { return traceView_; }
    LogView* logDock() const { return logView_; }
    // File > New, Open, Save...: the workspace on screen.
    WorkspaceController* workspace() const { return workspace_; }
    // The Lab dock (shown while a workspace with a lab is open).
    LabPanel* labPanel() const { return labPanel_; }

    // The actions, for menus, toolbar and tests.
    void newServer();
    // Workbench > New Relay...: the form aimed at the server on screen.
    void newRelay();
    void newClient();
    void launchClients();
    // View > Sequence of the Experiment...: the server on screen (or the
    // whole workbench) in a new SequenceWindow.
    SequenceWindow* showExperimentSequence();
    void showCheatSheet();
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    QAction* presentationAction();
    void createDocks();
    void arrangeClients(bool tile);
    // Host, port and protocol of the running server (or relay) on screen; false if none.
    bool currentTarget(QString* host, quint16* port, QString* protocol) const;
    void discoverClients();
    void showServer(ServerPanel* panel);
    void onServerState(ServerPanel* panel);
    void updateStatus();
    // The Labs menu, the Lab dock and the welcome page (mainwindowlabs.cpp).
    QWidget* createWelcomePage();
    void populateLabsMenu(QMenu* menu);
    void createLabDock();
    void onWorkspaceChanged();
    void runLab();

    SideBar* sideBar_;
    QStackedWidget* stack_;
    QWidget* welcome_;
    TraceView* traceView_ = nullptr;
    LogView* logView_ = nullptr;
    TraceAdapter* globalTrace_;  // calls from threads without their own observer
    QLabel* statusCounts_;
    QTimer clientScan_;
    WorkspaceController* workspace_;
    LabPanel* labPanel_ = nullptr;
    QDockWidget* labDock_ = nullptr;
};

}  // namespace sockwb::app
