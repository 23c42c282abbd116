#pragma once
// ExperimentTrace: feeds one SequenceView with a whole experiment: a
// server panel's trace plus every client window aimed at one of its
// addresses (those opened later too) plus every open run window. With no
// server, every server panel, client window and run window of the
// workbench. Each source is added once: the view first gets the events its
// trace view keeps (the handshake made before the window opened), then its
// adapter's batches live. Windows are found among the top-level widgets
// when asked (rescan()) and every second; a source that closes simply stops
// (its adapter is destroyed, the view detaches), and a closed server panel
// leaves the rest working. GUI thread only.

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <vector>

namespace sockwb {

class ClientWindow;
class SequenceView;
class SequenceWindow;
class ServerPanel;
class TraceAdapter;
class TraceView;

class ExperimentTrace final : public QObject {
    Q_OBJECT
public:
    // server may be null (the whole workbench). view is not owned; the
    // hub stops when it is destroyed (make the hub its child).
    ExperimentTrace(ServerPanel* server, SequenceView* view, QObject* parent = nullptr);
    ~ExperimentTrace() override;

    // Opens a SequenceWindow on the experiment of server (null: the whole
    // workbench), shown, deleted when closed; the hub is its child.
    static SequenceWindow* openWindow(ServerPanel* server);

    // Looks for new sources now (it also does every second).
    void rescan();
    // Sources attached and still alive.
    int sourceCount() const;
    int clientCount() const;
    int programCount() const;
    // True when the client window's target is one of the server's addresses
    // (a wildcard bind matches any host; localhost matches loopback).
    static bool aimsAt(const ClientWindow& client, const ServerPanel& server);
    // "echo · tcp 127.0.0.1:5000, 2 clients, 1 program", translated.
    QString description() const;

signals:
    // A source was added (or found gone).
    void sourcesChanged();

private:
    enum class Kind { Server, Client, Program };
    struct Source {
        Kind kind;
        QPointer<QObject> window;  // the panel or window: its adapter goes with it
        TraceAdapter* adapter;     // only read while window is alive
    };
    bool add(Kind kind, QObject* window, TraceAdapter* adapter, TraceView* seed);
    int count(Kind kind) const;

    QPointer<ServerPanel> server_;
    bool wholeWorkbench_;
    QPointer<SequenceView> view_;
    std::vector<Source> sources_;
    QTimer scan_;
};

}  // namespace sockwb
