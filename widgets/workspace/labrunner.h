#pragma once
// LabRunner: plays a workspace headless, as `sockwb run lab.sockwb` does.
// Starts its servers (port 0 resolved) and relays (a relay naming a server
// forwards to its port), connects each client at connectAfterMs to its
// target and plays its script (core/client/clientscript.h), sends the
// composer requests marked `run` (URL ${NAME} resolved), then judges every
// expectation (labreport.h). Everything it started is stopped before
// finished() is emitted: no thread, fd, child or port is left behind.
// Lives on the thread that created it (an event loop is needed: Qt timers);
// the sockets run on the core's own threads.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

#include "widgets/workspace/labreport.h"
#include "widgets/workspace/workspace.h"

namespace sockwb {

class LabClient;

class LabRunner final : public QObject {
    Q_OBJECT
public:
    explicit LabRunner(Workspace workspace, QObject* parent = nullptr);
    ~LabRunner() override;  // cancels a run still going

    // Starts the run (returns at once). Once only.
    void start();
    // Stops everything; finished() follows with what was decided so far.
    void cancel();
    bool isRunning() const;
    const LabReport& report() const;
    // The address ("127.0.0.1:40123") of a server's or relay's first
    // listener once it runs, "" before. For ${NAME}.
    QString addressOf(const QString& name) const;

signals:
    // A line of progress ("server time-iterative listening on 127.0.0.1:40123",
    // "client 2 connected", "client 3 passed step 2"), for --verbose and the GUI.
    void progress(const QString& line);
    void finished(const sockwb::LabReport& report);

private:
    struct Impl;
    struct RequestRun;
    // The run's steps, on this object's thread.
    void begin();  // resolve, start servers and relays, arm timers
    void after(int ms, std::function<void()> what);  // a single shot, stopped by finish()
    void connectClient(LabClient& client, const WorkspaceClient& spec);
    void sendRequest(RequestRun& run);
    void checkDone();  // finishes once every script ended and every request was answered
    void timeOut();
    void fail(const QString& error);  // the run cannot take place
    void finish(bool cancelled);      // stops everything, makes the report, emits finished()

    std::unique_ptr<Impl> d;
};

}  // namespace sockwb
