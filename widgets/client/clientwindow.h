#pragma once
// ClientWindow: one client, its own top-level window (any number can be
// open). Protocol, host and port (or, for a Unix-domain server, its socket
// path); a client-side bind, the I/O mode (blocking / poll), the recv
// size and the socket options (ClientSockopts); Connect/Disconnect and Shut down (SHUT_RD, SHUT_WR,
// SHUT_RDWR) that never block (the socket lives on a ClientSession's I/O threads); a send panel;
// what was sent and received with time stamps, in/out colours, text or hex; counters; the client's
// own syscall trace; a Script tab (ScriptPanel) plays sends and expectations. The title shows the
// state. TCP can run TLS (the options row): the handshake's summary goes to the log and the status.
// Implemented in clientwindow.cpp and clientwindowui.cpp (its widgets and wiring).

#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include "core/client/clientscript.h"
#include "core/client/clientswarm.h"  // Scenario
#include "core/net/framing.h"
#include "widgets/client/clientsession.h"

class QHBoxLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace sockwb {

class ClientOptionsRow;
class ClientSockopts;
class DataView;
class SendPanel;
class ScriptPanel;
class SequenceTab;
class ShutdownButton;
class TraceView;
class TcpStatusBox;

class ClientWindow final : public QWidget {
    Q_OBJECT
public:
    explicit ClientWindow(QWidget* parent = nullptr);
    ~ClientWindow() override;

    // Creates a window with host/port/protocol ("tcp", "udp"; "unix",
    // "unixgram" with host the socket path) filled in, shows
    // it and returns it; it deletes itself on close. Does not connect. GUI thread.
    static ClientWindow* open(const QString& host, quint16 port, const QString& protocol);

    // Fills the form and connects (returns at once). GUI thread.
    void connectTo(const QString& host, quint16 port, const QString& protocol);
    // Connects with what the form holds; marks bad input inline. GUI thread.
    void connectFromForm();
    void disconnectFromHost();
    // Plays a scenario once connected: "Bonjour" on connect, or a ping / chat
    // line every intervalMs (HoldIdle: nothing). GUI thread.
    void setScenario(Scenario scenario, int intervalMs);

    ClientSession* session() const { return session_; }
    SendPanel* sendPanel() const { return sendPanel_; }
    ClientOptionsRow* optionsRow() const { return optionsRow_; }
    DataView* dataView() const { return dataView_; }
    TraceView* traceView() const;
    // The Sequence tab: the exchange of this client's calls as a diagram.
    SequenceTab* sequenceTab() const { return sequenceTab_; }
    // The target the form holds: protocol, host (the socket path for
    // unix/unixgram) and port (0 when none). GUI thread.
    Protocol targetProtocol() const { return selectedProtocol(); }
    QString targetHost() const;
    quint16 targetPort() const;
    TcpStatusBox* tcpStatus() const { return tcpStatus_; }
    // "disconnected", "connecting", ... translated; what stateChanged carries.
    QString stateText() const;
    // "tcp 127.0.0.1:7". GUI thread.
    QString endpointText() const;
    quint64 messagesIn() const { return messagesIn_; }
    quint64 messagesOut() const { return messagesOut_; }

    // Workspace state (clientwindowstate.cpp). GUI thread.
    // The form as a ClientConfig (protocol, host or path, port, io, bind,
    // socket options, TLS), and back (fills the form, does not connect).
    ClientConfig formConfig() const;
    void setFormConfig(const ClientConfig& config);
    // The send panel's framing (and the data view's).
    Framing framing() const;
    void setFraming(Framing framing);
    // The Script tab: steps played once connected, each with its result.
    std::vector<ScriptStep> script() const;
    void setScript(const std::vector<ScriptStep>& steps);
    // Plays the script now when connected, else as soon as the window connects.
    void playScript();
    ScriptPanel* scriptPanel() const;

signals:
    // The state in words, for the main window's side list.
    void stateChanged(const QString& state);
    // The script played to its end (passed: every expectation met).
    void scriptFinished(bool passed);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    QHBoxLayout* buildTargetRow();
    void buildTabs();
    void connectSignals();
    void onStateChanged(ClientSession::State state);
    void onConnected(const QString& local, const QString& peer);
    void onData(const QByteArray& bytes, const QDateTime& when, const QString& from);
    void requestShutdown(int how);
    void onShutDown(int how);
    void onError(const ErrorInfo& error);
    void onTlsHandshake(const tls::SessionInfo& info);
    void onClosed(CloseReason reason);
    void sendBytes(const QByteArray& bytes);
    void onScenarioTick();
    void resetDecoder();
    void updateTitle();
    void updateCounters();
    void setStatus(const QString& text, bool isError);
    // The protocol chosen (the combo's entries are in Protocol's order).
    Protocol selectedProtocol() const;
    // Shows the path field for unix/unixgram, host and port otherwise.
    void updateTargetFields();
    // Fills the target from open()/connectTo(): host is the path for unix.
    void setTarget(const QString& host, quint16 port, const QString& protocol);
    // Connects to the socket path (unix, unixgram) or says what is wrong.
    void connectToPath(Protocol protocol);
    // The Script tab's run (clientwindowstate.cpp): wired once, started at
    // play (or at the connect that follows), fed what arrives and the close.
    void wireScript();
    void startScript();
    void runScript();
    void stopScript();
    void finishScript();
    void scriptReceived(const QByteArray& bytes);
    void scriptClosed();

    ClientSession* session_;
    QComboBox* protocol_;
    QLineEdit* host_;
    QLineEdit* port_;
    QWidget* ipTarget_;  // host ":" port, hidden for a Unix-domain target
    QLineEdit* path_;    // the socket path of a unix/unixgram target
    QPushButton* connectButton_;
    ShutdownButton* shutdownButton_;  // a menu: SHUT_RD, SHUT_WR, SHUT_RDWR
    ClientOptionsRow* optionsRow_;
    ClientSockopts* sockopts_;  // the Socket options box, its read-back and notes
    QLabel* statusLabel_;
    QLabel* counters_;
    QTabWidget* tabs_;
    DataView* dataView_;
    SendPanel* sendPanel_;
    QWidget* traceView_;
    SequenceTab* sequenceTab_;
    TcpStatusBox* tcpStatus_;  // the socket's live TCP state (TCP only)
    QTimer* scenarioTimer_;
    ScriptPanel* scriptPanel_;
    QTimer* scriptTimer_;                   // single shot, at the player's next deadline
    std::unique_ptr<ScriptPlayer> player_;  // while a script plays
    bool scriptArmed_ = false;              // playScript() before connected: at the connect
    int connectTimeoutMs_ = 5000;           // ClientConfig::connectTimeout (setFormConfig)

    std::unique_ptr<FrameDecoder> decoder_;
    quint64 messagesIn_ = 0;
    quint64 messagesOut_ = 0;
    Scenario scenario_ = Scenario::HoldIdle;
    bool scenarioSet_ = false;
    quint64 scenarioSeq_ = 0;
    QDateTime lastPingSent_;
    QString connectedText_;  // "Connected from … to …", completed by the TLS handshake
    double lastRttMs_ = -1;
};

}  // namespace sockwb
