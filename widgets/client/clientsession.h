#pragma once
// ClientSession: the Qt face of a core ClientConnection. The connection's
// I/O thread calls the ClientObserver methods; this class turns them into
// queued signals on the session's (GUI) thread. Received bytes are batched:
// whatever arrives before the GUI thread gets round to it comes out as one
// dataReceived, so a flood costs the GUI one slot call per event-loop turn.
// Connect, send and disconnect return at once: no socket call runs here.
// With Settings::tls the connection runs TLS over its socket: data in and
// out is plaintext, and tlsHandshake() reports what the handshake agreed.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "core/client/clientconnection.h"

namespace sockwb {

class TraceAdapter;

class ClientSession final : public QObject, private ClientObserver {
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Closed, Failed };
    Q_ENUM(State)

    // Lives on the thread that creates it (the GUI thread).
    explicit ClientSession(QObject* parent = nullptr);
    // Stops the connection (prompt: its thread is woken) and joins it.
    ~ClientSession() override;

    // How the next connectTo() drives its socket: blocking calls (the
    // course's client) or poll, a client-side bind, the size of each recv.
    struct Settings {
        ClientIo io = ClientIo::Blocking;
        std::optional<ClientBind> bind;
        int recvSize = 64 * 1024;
        // TLS (TCP only): a handshake after connect, then plaintext both
        // ways. verify: stop at a certificate that fails verification
        // (against caFile, or the system store when it is empty).
        bool tls = false;
        bool verify = true;
        std::string caFile;
    };
    void setSettings(const Settings& settings) { settings_ = settings; }
    const Settings& settings() const { return settings_; }
    // The socket options the next connectTo() sets (ClientConfig::sockopts);
    // what they read back comes as sockoptsRead().
    void setSockopts(const std::vector<SockoptSetting>& sockopts) { sockopts_ = sockopts; }
    const std::vector<SockoptSetting>& sockopts() const { return sockopts_; }
    // The ClientConfig connectTo() makes from these settings (TLS on only
    // for TCP; tlsOptions filled, no context: connectTo() adds the one it
    // keeps). A client window's form reads back through it. Thread-safe.
    static ClientConfig configFor(const Settings& settings,
                                  const std::vector<SockoptSetting>& sockopts, const QString& host,
                                  quint16 port, Protocol protocol, int timeoutMs);

    // Starts connecting in the background; returns at once. A connection
    // already open is dropped first. GUI thread.
    void connectTo(const QString& host, quint16 port, Protocol protocol, int timeoutMs = 5000);
    // Queues bytes for the peer: one send() per call. GUI thread
    // (thread-safe in fact); never blocks.
    void send(const QByteArray& bytes);
    // shutdown(how) (SHUT_RD, SHUT_WR, SHUT_RDWR) once the queue is empty;
    // shutDown(how) follows. GUI thread, never blocks.
    void shutdown(int how);
    void shutdownWrite() { shutdown(SHUT_WR); }
    // Asks for the close; closed() follows. GUI thread, never blocks.
    void disconnectFromHost();

    State state() const { return state_; }
    // Counters of the current connection, updated as signals arrive. GUI thread.
    quint64 bytesIn() const { return bytesIn_; }
    quint64 bytesOut() const { return bytesOut_; }
    // The syscall trace of this session's I/O threads (owned by the session).
    TraceAdapter* traceAdapter() const { return trace_; }

signals:
    void stateChanged(sockwb::ClientSession::State state);
    void connected(const QString& local, const QString& peer);
    // Received bytes, in order: one signal per recv (as the trace shows),
    // except in a flood where the recvs of one GUI turn are merged.
    // from: the sender when it is not the peer connected to (a UDP server
    // answering from another port), else empty.
    void dataReceived(const QByteArray& bytes, const QDateTime& when, const QString& from);
    // shutdown(how) was made on the socket.
    void shutDown(int how);
    void bytesWritten(qint64 bytes);
    // Bytes that came faster than the GUI could take them: counted in
    // bytesIn() but not delivered (the batch is bounded to keep the GUI live).
    void dataSkipped(qint64 bytes);
    // call, errno, errno name, address, the core's plain English sentence.
    void errorOccurred(const sockwb::ErrorInfo& error);
    void closed(sockwb::CloseReason reason);
    // The socket options were set (before connected()): what each read back.
    void sockoptsRead(const std::vector<sockwb::SockoptReadback>& readback);
    // Settings::tls: the handshake completed (after connected(), before any
    // data): version, cipher, the server's certificate, verification.
    void tlsHandshake(const sockwb::tls::SessionInfo& info);

private:
    // ClientObserver, called on the I/O thread.
    void onConnected(const Address& local, const Address& peer) override;
    void onData(std::string_view bytes, const Address& from) override;
    void onShutdown(int how) override;
    void onSent(size_t bytes) override;
    void onError(const ErrorInfo& error) override;
    void onClosed(CloseReason reason) override;
    void onSockopts(const std::vector<SockoptReadback>& readback) override;
    void onTlsHandshake(const tls::SessionInfo& info) override;
    // The context for Settings' TLS options: the one kept while they stay
    // the same, so a reconnect resumes the session. Throws Error (Tls).
    std::shared_ptr<const tls::Context> tlsContext();

    void flushData();
    void setState(State s);

    std::unique_ptr<ClientConnection> connection_;
    TraceAdapter* trace_;
    State state_ = State::Disconnected;
    Settings settings_;
    std::vector<SockoptSetting> sockopts_;
    std::shared_ptr<const tls::Context> tlsContext_;  // made for tlsContextFor_
    std::pair<bool, std::string> tlsContextFor_;      // (verify, caFile)
    Address peer_;  // the target, written on the I/O thread before any onData
    quint64 bytesIn_ = 0;
    quint64 bytesOut_ = 0;
    // Generation of the connection: signals from a dropped one are ignored.
    std::atomic<int> generation_{0};

    struct Chunk {
        QByteArray bytes;
        QDateTime when;
        QString from;  // empty: the peer
    };
    std::mutex mutex_;      // guards the pending batch
    QList<Chunk> pending_;  // one per recv, merged past kMaxChunks
    qsizetype pendingBytes_ = 0;
    qint64 skipped_ = 0;  // bytes not queued: the batch was full
    bool flushPosted_ = false;
};

}  // namespace sockwb

Q_DECLARE_METATYPE(sockwb::ErrorInfo)
Q_DECLARE_METATYPE(sockwb::CloseReason)
Q_DECLARE_METATYPE(sockwb::tls::SessionInfo)
