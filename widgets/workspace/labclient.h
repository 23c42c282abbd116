#pragma once
// LabClient: one client of a headless run (LabRunner). It connects a core
// ClientConnection to the address the runner resolved and plays the
// client's script through a ScriptPlayer: the player says what to send and
// when to close, the connection does it. Whatever the connection's threads
// report (connected, data, error, closed) is posted to this object's thread
// with the time it happened, so the player only ever runs there.
// Threading: lives on the runner's thread (it needs its event loop for the
// script's timers); its ClientObserver callbacks come from the connection's
// threads and only post. stop() joins those threads.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

#include "core/client/clientconnection.h"
#include "core/client/clientscript.h"
#include "widgets/workspace/labreport.h"
#include "widgets/workspace/workspace.h"

namespace sockwb {

class LabClient final : public QObject, private ClientObserver {
    Q_OBJECT
public:
    // runClock: the run's clock (started when the servers did), for atMs.
    LabClient(const WorkspaceClient& client, const QElapsedTimer& runClock,
              QObject* parent = nullptr);
    ~LabClient() override;  // stop()

    // Connects to config (host and port resolved by the runner). A failure
    // to start the connection's threads is reported as a failed connect.
    void connectTo(const ClientConfig& config, const QString& targetText);
    // Closes the connection and joins its threads; the script stays as it is.
    void stop();
    // The runner will call connectTo() later (connectAfterMs): until then
    // the client is not finished.
    void schedule() { scheduled_ = true; }
    // Every step ended (or was skipped), or the client was never scheduled
    // nor asked to connect.
    bool isFinished() const;
    bool wasAsked() const { return asked_; }
    const QString& name() const { return name_; }
    // The checks of its script (labreport.h) and, when the connection could
    // not be made, a failed "connects to ..." check. Steps still pending say
    // `pendingText`. atMs counts from the run's start.
    QList<LabCheck> checks(const QString& pendingText) const;

signals:
    void progress(const QString& line);
    // The script has just finished (once).
    void scriptFinished();

private:
    void onConnected(const Address& local, const Address& peer) override;
    void onData(std::string_view bytes, const Address& from) override;
    void onError(const ErrorInfo& error) override;
    void onClosed(CloseReason reason) override;

    // Moves the player on at `now` and does what it asks; rearms the timer.
    void pump(ScriptPlayer::Clock::time_point now);
    void reportSteps();
    // Ms since the run started at a steady_clock instant.
    qint64 runMs(ScriptPlayer::Clock::time_point t) const;

    QString name_;
    ScriptPlayer player_;
    const QElapsedTimer& runClock_;
    ScriptPlayer::Clock::time_point runStart_;
    std::unique_ptr<ClientConnection> connection_;
    QTimer timer_;
    QString target_;
    QString connectError_;
    qint64 connectedAtMs_ = -1;  // since the run started
    size_t reported_ = 0;        // steps already reported as progress
    bool asked_ = false;
    bool scheduled_ = false;
    bool connected_ = false;
    bool stopped_ = false;
    bool finishedSignalled_ = false;
};

}  // namespace sockwb
