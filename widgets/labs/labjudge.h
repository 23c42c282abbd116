#pragma once
// LabJudge: the lab panel's referee. Given the workspace of a lab, it
// collects what the run shows (each client's script results, the servers'
// counters, the requests' responses) and judges them with labreport.h's
// functions, the same ones `sockwb run` uses. It is done when every client
// with an expectation has finished its script, or when the lab's
// runTimeoutMs passes (what is still pending then fails). In the GUI,
// watch() ties it to the windows the workspace built; tests feed it
// directly. GUI thread only.

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "widgets/workspace/labreport.h"
#include "widgets/workspace/workspace.h"

namespace sockwb {

class ClientWindow;
class ServerPanel;

class LabJudge final : public QObject {
    Q_OBJECT
public:
    explicit LabJudge(QObject* parent = nullptr);

    // The lab to judge; ends a run in progress (no finished()).
    void setWorkspace(const Workspace& workspace);
    const Workspace& workspace() const { return workspace_; }

    // A run starts: the checks are cleared, the timeout (runTimeoutMs) starts.
    void begin();
    // Follows the windows of the run: each client window is matched to the
    // workspace's client with the same script (in order), each server panel
    // to the server with the same model and services. GUI thread.
    void watch(const QList<ServerPanel*>& servers, const QList<ClientWindow*>& clients);

    // A client's script ended: its steps' results (exact checks).
    void clientFinished(const QString& name, const std::vector<StepResult>& results);
    // A client's script ended as a window reports it: passed or not, and
    // what its Script tab says ("2 of 3 expectations met").
    void clientFinished(const QString& name, bool passed, const QString& observed);
    // A server's counters; maxActiveSeen: the most connections open at once.
    void serverObserved(const QString& name, const ServerStats& stats, quint64 maxActiveSeen);
    // A composer's response (index in workspace().composers).
    void requestFinished(int composer, int status, const QByteArray& body, const QString& error);

    // Judges the servers, fails what is still pending, emits finished().
    void finish(bool timedOut = false);

    bool isRunning() const { return running_; }
    // Clients (names) whose script is still expected.
    QStringList pending() const;
    const QList<LabCheck>& checks() const { return checks_; }
    bool passed() const;

signals:
    void checksChanged();
    void finished(bool timedOut);

private:
    struct ServerSeen {
        ServerStats stats;
        quint64 active = 0;
        quint64 maxActive = 0;
        bool reported = false;  // serverObserved() gave the numbers
    };
    void watchServer(const QString& name, ServerPanel* panel);
    void watchClient(const QString& name, ClientWindow* window);
    void done(const QString& client);
    // What a script expects, in a teacher's words (a window's check).
    static QString expectations(const std::vector<ScriptStep>& steps);
    qint64 elapsed() const;

    Workspace workspace_;
    QList<LabCheck> checks_;
    QSet<QString> pending_;
    QHash<QString, ServerSeen> servers_;
    QList<QMetaObject::Connection> watches_;
    QTimer timeout_;
    QElapsedTimer clock_;
    bool running_ = false;
};

}  // namespace sockwb
