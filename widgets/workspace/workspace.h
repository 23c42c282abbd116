#pragma once
// A workspace: everything an experiment consists of, as plain data, saved
// as a `*.sockwb` file (JSON, versioned: docs/workspace.md). Servers,
// relays and their faults, client windows with their scripts, composer
// windows with their requests and collections, the window layout and the
// open views, and for a lab its explanation and its "predict, then
// observe" question. workspacefile.h reads and writes it; the main window
// captures and applies it (app/gui/workspacecontroller.h); `sockwb run`
// plays its scripted parts headless (widgets/workspace/labrunner.h).
//
// Ports: a lab's servers usually listen on port 0 (a free one). A client
// names its server (`target`) instead of a port, and a request's URL may
// say `${NAME}` for "host:port of the server or relay NAME": both are
// resolved when the workspace runs. Value types: copy freely.

#include <QByteArray>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "core/client/clientconnection.h"
#include "core/client/clientscript.h"
#include "core/net/framing.h"
#include "core/relay/relayconfig.h"
#include "core/server/server.h"
#include "widgets/composer/composerrequest.h"

namespace sockwb {

// The version this build writes; it reads every version up to it
// (workspacefile.cpp upgrades older ones).
inline constexpr int kWorkspaceSchemaVersion = 2;

// A text in English and French ({"en": ..., "fr": ...} in the file; a plain
// string is English). text() picks the language, English when the other is empty.
struct LocalizedText {
    QString en;
    QString fr;
    QString text(const QString& language) const;  // "fr", "fr_FR", "en"...
    bool isEmpty() const { return en.isEmpty() && fr.isEmpty(); }
    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

// Where a window sits and whether it was open. An empty rect: not saved.
struct WindowLayout {
    QRect geometry;
    bool visible = true;
    friend bool operator==(const WindowLayout&, const WindowLayout&) = default;
};

struct WorkspaceServer {
    QString name;  // unique in the workspace; clients and ${NAME} refer to it
    ServerConfig config;
    bool autostart = true;  // started when the workspace opens (and by `sockwb run`)
    // `sockwb run` checks, -1 = not checked: connections accepted in all, and
    // the most connections open at once (an iterative server: 1).
    int expectAcceptedAtLeast = -1;
    int expectMaxActiveAtMost = -1;
    friend bool operator==(const WorkspaceServer&, const WorkspaceServer&) = default;
};

struct WorkspaceRelay {
    QString name;
    RelayConfig config;
    // A server's name: the relay forwards to its first listener (its port
    // known once it runs); "" = config.targetHost/targetPort as written.
    QString targetServer;
    bool autostart = true;
    friend bool operator==(const WorkspaceRelay&, const WorkspaceRelay&) = default;
};

struct WorkspaceClient {
    QString name;  // "client 1"; unique; the report names it
    // A server's or a relay's name (its first listener, or `listener` among
    // the server's): the host and port are taken from it when it runs.
    // "" = config.host/config.port as written.
    QString target;
    int listener = 0;
    ClientConfig config;
    Framing framing = Framing::Raw;  // how the window's data view cuts messages
    // Connects this long after the servers started (0: at once); -1: not
    // connected until the user (or the script runner) does.
    int connectAfterMs = 0;
    std::vector<ScriptStep> script;
    WindowLayout window;
    friend bool operator==(const WorkspaceClient&, const WorkspaceClient&) = default;
};

// What `sockwb run` checks of a request's response (-1 / empty: not checked).
struct RequestExpectation {
    int status = -1;
    QString bodyContains;
    friend bool operator==(const RequestExpectation&, const RequestExpectation&) = default;
};

struct WorkspaceComposer {
    ComposerRequest request;                  // the form (URL may hold ${NAME})
    std::vector<ComposerRequest> collection;  // the side panel's collection
    RequestExpectation expect;                // checked when `run` is true
    bool run = false;                         // `sockwb run` sends `request`
    int sendAfterMs = 0;                      // ... this long after the servers started
    WindowLayout window;
    friend bool operator==(const WorkspaceComposer&, const WorkspaceComposer&) = default;
};

// The views the workbench had open, and the main window's place.
struct WorkspaceLayout {
    QByteArray mainGeometry;      // QMainWindow::saveGeometry(), empty = leave as is
    QByteArray mainState;         // QMainWindow::saveState() (docks, toolbar)
    QString currentPanel;         // the server or relay on screen (its name)
    bool traceDock = false;       // View > Trace
    bool logDock = true;          // View > Log
    bool sequenceWindow = false;  // View > Sequence of the Experiment
    bool socketTable = false;     // Workbench > Sockets on This Machine
    friend bool operator==(const WorkspaceLayout&, const WorkspaceLayout&) = default;
};

// A lab: what it teaches, and the question asked before it runs.
struct LabInfo {
    QString id;  // "time-tcp" (built-in labs); "" for a user's workspace
    LocalizedText title;
    LocalizedText explanation;           // a short paragraph, plain text
    LocalizedText question;              // "predict, then observe"
    std::vector<LocalizedText> choices;  // the answers offered (may be empty: free text)
    int answer = -1;                     // index in choices of the right one (-1: none)
    LocalizedText observe;               // what to look at once it ran, and why
    friend bool operator==(const LabInfo&, const LabInfo&) = default;
    bool isEmpty() const { return id.isEmpty() && title.isEmpty(); }
};

struct Workspace {
    int schemaVersion = kWorkspaceSchemaVersion;  // as read (upgraded ones: the current)
    LabInfo lab;
    std::vector<WorkspaceServer> servers;
    std::vector<WorkspaceRelay> relays;
    std::vector<WorkspaceClient> clients;
    std::vector<WorkspaceComposer> composers;
    WorkspaceLayout layout;
    // `sockwb run` gives up (and fails what is still pending) after this.
    int runTimeoutMs = 30000;
    friend bool operator==(const Workspace&, const Workspace&) = default;

    const WorkspaceServer* server(const QString& name) const;
    const WorkspaceRelay* relay(const QString& name) const;
};

}  // namespace sockwb
