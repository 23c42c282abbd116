#pragma once
// WorkspaceStage: the half of the File menu that turns a workspace into
// windows and back (WorkspaceController keeps the files, the dirty mark
// and the menu). build() makes the server panels, relays, client windows
// and composer windows of a workspace and remembers which widget came from
// which element: its name, its target by name, the URL with ${NAME}, the
// port 0 it was written with. start() runs them, servers first, then what
// aims at them as each one listens (the real port filled in then). capture()
// reads the workbench back, giving the widgets it built their names and
// their unresolved targets again, so open → capture is the same workspace
// even though every port changed. Implemented in workspacestage.cpp (build,
// clear, start) and workspacecapture.cpp (capture).
// GUI thread only.

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

#include "widgets/workspace/workspace.h"

class QWidget;

namespace sockwb {
class ClientWindow;
class ComposerWindow;
class RelayPanel;
class ServerPanel;
}  // namespace sockwb

namespace sockwb::app {

class MainWindow;

class WorkspaceStage final : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceStage(MainWindow* window);

    // Stops every server and relay and closes every client and composer
    // window (they are gone once the event loop runs: capture() skips them
    // at once).
    void clear();
    // clear(), then the workspace's widgets, nothing started.
    void build(const Workspace& workspace);
    // Starts what build() marked autostart and connects / sends the rest
    // as their targets come up (see WorkspaceController::startAll()).
    void start();
    // What the workbench holds now (lab: the workspace's lab info).
    Workspace capture(const LabInfo& lab) const;

    // The server or relay panel named so by capture() ("" if none).
    QWidget* panelNamed(const QString& name) const;

    // Where a client reaches a running server's listener (a wildcard bind
    // on loopback), false if it does not run. Used for targets and ${NAME}.
    static bool listenerAddress(const ServerPanel* panel, int listener, QString* host,
                                quint16* port);
    // "${NAME}" in text replaced by "host:port" of the named running server
    // or relay; false (with *missing set to the first name) when one does not
    // run yet or does not exist.
    bool resolveNames(QString* text, QString* missing) const;

private:
    // Names of the panels and windows as capture() gives them.
    struct Names {
        QHash<const QObject*, QString> byWidget;
    };
    Names names() const;
    QList<ServerPanel*> servers() const;
    QList<RelayPanel*> relays() const;
    QList<ClientWindow*> clients() const;
    QList<ComposerWindow*> composers() const;
    // The built element a widget came from (nullptr for one the user made).
    template <typename T>
    const T* originOf(const QObject* widget, const std::vector<T>& elements) const;
    // Remembers that widget is element `index` of the built workspace.
    void remember(QObject* widget, int index);
    // The target by name (server, relay) of an address, "" if none runs there.
    QString targetAt(const Names& names, const QString& host, quint16 port, int* listener) const;
    int order(QObject* widget) const;

    // Starting: each waits for its target to run.
    void startRelay(RelayPanel* relay, const WorkspaceRelay& spec);
    void startClient(ClientWindow* window, const WorkspaceClient& spec);
    void startComposer(ComposerWindow* window, const WorkspaceComposer& spec);
    // Calls then() once the panel named `name` runs (at once if it does),
    // fail(why) if it fails or does not exist; guard: nothing once it is gone.
    void whenRunning(const QString& name, QObject* guard, std::function<void()> then,
                     std::function<void(const QString&)> fail);

    MainWindow* window_;
    Workspace built_;
    QHash<const QObject*, int> origin_;  // widget → index in built_'s list of its kind
    // Composer windows whose form holds a URL resolved at start: the
    // request as built (capture gives it back while the form is unchanged).
    QHash<const QObject*, ComposerRequest> resolvedFrom_;
    QHash<const QObject*, ComposerRequest> resolvedTo_;
    mutable int nextOrder_ = 0;
    QElapsedTimer started_;  // since start(): connectAfterMs, sendAfterMs
};

template <typename T>
const T* WorkspaceStage::originOf(const QObject* widget, const std::vector<T>& elements) const {
    const auto it = origin_.constFind(widget);
    if (it == origin_.cend() || it.value() < 0 || size_t(it.value()) >= elements.size())
        return nullptr;
    return &elements[size_t(it.value())];
}

}  // namespace sockwb::app
