#pragma once
// RelayPanel: one fault-injecting relay in the main window, as ServerPanel
// is one server. Title "tcp 127.0.0.1:40000 → 127.0.0.1:7", Start/Stop,
// the faults (a FaultsEditor: every edit reaches Relay::setFaults at once),
// the counters of each direction refreshed at 4 Hz, bytes/s up and down
// over the last minute, a Log tab (the relay's RelayObserver lines, queued
// to the GUI thread), a Trace tab and a Sequence tab (the relay's own calls:
// its two legs). The Relay starts and stops on a BackgroundTask, so the
// window never waits on it; errors (bind EADDRINUSE, a refused target) are
// shown in the panel in words, never in a modal box. Stopping or
// destroying the panel leaves no thread, fd or port behind.
// GUI thread only.

#include <QTimer>
#include <QVector>
#include <QWidget>
#include <memory>

#include "core/relay/relay.h"
#include "widgets/common/backgroundtask.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace sockwb {

class FaultsEditor;
class LogView;
class RelayChart;
class RelayCounters;
struct RelayEvent;
class RelayObserverAdapter;
class SequenceTab;
class TraceAdapter;
class TraceView;

class RelayPanel final : public QWidget {
    Q_OBJECT
public:
    enum State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    // GUI thread only (as every method). Does not start: call start().
    explicit RelayPanel(const RelayConfig& config, QWidget* parent = nullptr);
    // Stops the relay (waits for a start or stop in progress).
    ~RelayPanel() override;

    // Starts / stops in the background; stateChanged() tells the outcome.
    void start();
    void stop();
    State state() const { return state_; }
    // The configuration with the faults as edited now (what the relay applies).
    RelayConfig config() const { return config_; }
    // Aims the relay elsewhere (a workspace's relay naming a server learns
    // its port once the server runs). Only while stopped or failed; ignored otherwise.
    void setTarget(const std::string& host, uint16_t port);
    // "tcp 127.0.0.1:40000 → 127.0.0.1:7" (the real port once running).
    QString title() const;
    // The last error sentence, "" if none since the last start.
    QString errorText() const;
    // Where the relay listens while running (port 0 resolved); empty otherwise.
    Address address() const { return address_; }
    // Where a client aimed at this relay connects (a wildcard listen address
    // is reached on loopback): false unless running.
    bool clientTarget(QString* host, quint16* port, QString* protocol) const;
    // The counters: live while running, the last ones after a stop.
    RelayStats stats() const;
    // Reads the counters now (the timer does it 4 times a second).
    void refresh();

    FaultsEditor* faultsEditor() const { return faults_; }
    RelayCounters* counters() const { return counters_; }
    RelayChart* chart() const { return chart_; }
    LogView* logView() const { return log_; }
    TraceView* traceView() const { return traceView_; }
    TraceAdapter* traceAdapter() const { return traceAdapter_; }
    SequenceTab* sequenceTab() const { return sequenceTab_; }
    RelayObserverAdapter* observerAdapter() const { return observer_; }

    // Every relay panel of the application, running ones first (New Client
    // "through a relay").
    static QList<RelayPanel*> all();

signals:
    void stateChanged(sockwb::RelayPanel::State state);
    void titleChanged(const QString& title);

private:
    void onStartFinished(TaskResult<std::unique_ptr<Relay>> started);
    void onFaultsChanged(RelayDirection direction);
    void onRelayEvents(const QVector<sockwb::RelayEvent>& events, quint64 dropped);
    void setState(State state);
    void showError(const QString& sentence);
    QWidget* buildFaultsTab();

    RelayConfig config_;
    State state_ = Stopped;
    std::unique_ptr<Relay> relay_;  // GUI thread's, while Running
    Address address_;
    RelayStats lastStats_;
    BackgroundTask task_;  // the start or stop in flight

    RelayObserverAdapter* observer_;
    TraceAdapter* traceAdapter_;
    QLabel* status_;
    QLabel* error_;
    QPushButton* startButton_;
    QPushButton* stopButton_;
    FaultsEditor* faults_;
    RelayCounters* counters_;
    RelayChart* chart_;
    QTabWidget* tabs_;
    LogView* log_;
    TraceView* traceView_;
    SequenceTab* sequenceTab_;
    QTimer refreshTimer_;
    int ticks_ = 0;  // refreshes since the chart's last sample
    quint64 lastDropped_ = 0;
};

}  // namespace sockwb
