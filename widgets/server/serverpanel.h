#pragma once
// ServerPanel: one server in the main window. Status line (listening
// address:real port, model, uptime), Start/Stop, connections table,
// counters, a time-stamped log and the server's syscall trace; with TLS the
// certificate the server presents (its fingerprint to compare with the
// client's), "tls"/"https://" in the addresses and a TLS column in the
// connections table. The Server
// starts and stops on a BackgroundTask (bind/listen and the joins of stop()
// may block), so the window never freezes; errors such as EADDRINUSE are
// shown in the panel in plain words, never in a modal box.

#include <QElapsedTimer>
#include <QTimer>
#include <QVector>
#include <QWidget>
#include <memory>

#include "core/net/trace.h"
#include "core/server/server.h"
#include "widgets/common/backgroundtask.h"
#include "widgets/common/logview.h"
#include "widgets/server/serverobserveradapter.h"
#include "widgets/server/serversockoptview.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace sockwb {

class ActivityCharts;
class CertificateBox;
class ConnectionsTable;
class SequenceTab;
class TraceAdapter;
class TraceView;

class ServerPanel final : public QWidget {
    Q_OBJECT
public:
    enum State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    // GUI thread only (as every method). Does not start: call start().
    explicit ServerPanel(const ServerConfig& config, QWidget* parent = nullptr);
    // Stops the server (waits for a start or stop in progress).
    ~ServerPanel() override;

    // Starts / stops in the background; stateChanged() tells the outcome.
    void start();
    void stop();
    State state() const { return state_; }
    const ServerConfig& config() const { return config_; }
    // Replaces the configuration (only while stopped).
    void setConfig(const ServerConfig& config);
    // Short name for lists: "echo · tcp 127.0.0.1:40123".
    QString title() const;
    // The last error sentence, "" if none since the last start.
    QString errorText() const;
    // Real addresses while running (port 0 resolved).
    std::vector<Address> addresses() const { return addresses_; }

    TraceView* traceView() const { return traceView_; }
    LogView* logView() const { return log_; }
    TraceAdapter* traceAdapter() const { return traceAdapter_; }
    // The Sequence tab (this server's calls as a diagram; its "With clients"
    // button opens the experiment's window: ExperimentTrace).
    SequenceTab* sequenceTab() const { return sequenceTab_; }
    ServerObserverAdapter* observerAdapter() const { return observer_; }
    // The Activity tab: live charts, one sample a second while running.
    ActivityCharts* activityCharts() const { return activity_; }
    // The certificate a TLS server presents (shown while it runs).
    CertificateBox* certificateBox() const { return certificate_; }
    ConnectionsTable* connectionsTable() const { return connections_; }

signals:
    void stateChanged(sockwb::ServerPanel::State state);
    void titleChanged(const QString& title);

private:
    void onStartFinished(TaskResult<std::unique_ptr<Server>> started);
    void onStopFinished();
    void onServerEvents(const QVector<sockwb::ServerEvent>& events, quint64 dropped);
    void setupLabels();  // status, error and counters lines, object names
    void setState(State state);
    void showError(const QString& sentence);
    void editConfig();
    void refresh();

    ServerConfig config_;
    State state_ = Stopped;
    std::unique_ptr<Server> server_;  // GUI thread's, while Running
    std::vector<Address> addresses_;
    QString modelName_;

    // The start or stop in flight (one at a time); its result comes back to
    // onStartFinished/onStopFinished on the GUI thread.
    BackgroundTask task_;

    ServerObserverAdapter* observer_;
    TraceAdapter* traceAdapter_;
    QLabel* status_;
    QLabel* error_;
    QLabel* counters_;
    CertificateBox* certificate_;  // the TLS certificate, while a server with TLS runs
    QPushButton* startButton_;
    QPushButton* stopButton_;
    QPushButton* editButton_;
    QTabWidget* tabs_;
    ConnectionsTable* connections_;
    LogView* log_;
    ActivityCharts* activity_;
    QElapsedTimer sampleClock_;  // since the Activity charts' last sample
    TraceView* traceView_;
    SequenceTab* sequenceTab_;
    QTimer refreshTimer_;
    QElapsedTimer uptime_;
    quint64 lastDropped_ = 0;
    ServerSockoptView sockopts_;  // logs what the socket options read back
};

}  // namespace sockwb
