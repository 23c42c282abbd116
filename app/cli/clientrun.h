#pragma once
// The work of `sockwb client` once its options are parsed. Two ways to run,
// as --io says:
//  - blocking (the default, the course's client): connect, one send() per
//    --send (a --delay between them), the --shutdown, then recv until
//    --until, end of stream or the idle timeout (SO_RCVTIMEO). The trace
//    reads like the course's program (clientrunblocking.cpp).
//  - poll: a non-blocking socket in one poll loop that sends and receives
//    at once (a big --send to an echo server cannot deadlock), and netcat
//    mode (no --send: stdin to the socket), whatever --io says
//    (clientrun.cpp).
// --max-time bounds the whole run in both: every wait is cut to what is
// left, and a peer that never stops sending is checked after each read.
// --tls puts a tls::Engine between those calls and stdin/stdout: the same
// send()/recv() carry TLS records (clientruntls.cpp).
// What arrives goes to stdout byte for byte (or as JSON lines). Runs on the
// calling thread; one instance per run.

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/client/clientconnection.h"
#include "core/net/framing.h"
#include "core/net/socket.h"
#include "core/tls/tlsengine.h"

namespace sockwb::app {

struct ClientOptions {
    bool udp = false;         // datagrams: udp or unixgram
    bool unixDomain = false;  // AF_UNIX: host is the socket path, no port
    std::string host;
    std::string port;
    std::vector<std::string> sends;    // already encoded with the framing; one send() each
    std::optional<std::string> until;  // stop once this was received
    Framing framing = Framing::Raw;
    int timeoutMs = -1;  // -1: the defaults in --help
    int maxTimeMs = -1;  // --max-time: the whole run, connect included; -1: none
    bool trace = false;
    ClientIo io = ClientIo::Blocking;
    std::optional<ClientBind> bind;  // bind() before connect / the first sendto
    int delayMs = 0;                 // pause between two sends
    size_t recvSize = 65536;         // bytes asked of each recv
    int shutdownHow = -1;            // shutdown(how) after the sends; -1: none
    bool json = false;               // JSON lines on stdout instead of the raw bytes
    // --sockopt: set before bind/connect; the read back goes to stderr (or
    // JSON lines). An SO_RCVTIMEO without --timeout is the idle timeout.
    std::vector<SockoptSetting> sockopts;
    // --tls (TCP): a TLS handshake after connect, its summary on stderr
    // (a "tls" event with --json); --send, stdin and what is printed are
    // then plaintext. serverName: --servername, else the host.
    bool tls = false;
    tls::ClientOptions tlsOptions;
    std::string serverName;
};

class ClientRun {
public:
    explicit ClientRun(ClientOptions options) : o_(std::move(options)) {}

    // Runs to the end; returns the exit status (0 done, 1 failed). Throws
    // Error for socket failures (refused, reset...).
    int run();

private:
    using Clock = std::chrono::steady_clock;

    // Poll mode and netcat (clientrun.cpp).
    int runTcp();
    int runUdp();
    // Sends the head of queue_ (a partial send keeps the rest); true when
    // the queue is done and the shutdown (if any) made.
    bool sendQueued(Socket& s);
    // Poll timeout: the idle timeout, shortened to the next delayed send.
    int pollTimeout() const;

    // Blocking mode (clientrunblocking.cpp).
    int runTcpBlocking();
    int runUdpBlocking();
    // Receives with blocking recv/recvfrom until done; the exit status.
    int receiveBlocking(Socket& s);

    // TLS (clientruntls.cpp). The handshake on a connected socket (blocking
    // or not), bounded by the connect timeout and --max-time, its summary
    // printed. Throws Error (Tls, Timeout...).
    // Returns the plaintext that came with the handshake's last flight.
    std::string startTls(Socket& s, bool nonBlocking, Millis timeout);
    void printTlsSummary(const tls::SessionInfo& info) const;
    // Ciphertext received: the plaintext it carried (may be empty). What
    // the engine has to answer goes to wire_. Throws Error (Tls).
    std::string decrypt(std::string_view ciphertext);
    // One message encrypted: the records to send.
    std::string encrypt(std::string_view plain);
    // Poll mode: sends wire_, then encrypts the next queued message into
    // it; true when both are empty (and the shutdown, if any, made).
    bool sendQueuedTls(Socket& s);
    // close_notify (sent completely) before a shutdown of the writing side.
    void closeNotify(Socket& s, int how);

    // Shared.
    // Resolves the target; the first address (UDP) or all of them (TCP).
    std::vector<Address> resolveTarget() const;
    // socket() of the target's family, the --sockopt, and the --bind. Throws Error.
    Socket openSocket(const Address& target, int type, bool nonBlocking) const;
    // --sockopt on a new socket (every stage: nothing is bound yet), each
    // read back printed.
    void applySockopts(const Socket& s) const;
    // After the blocking connect, which bounds itself with SO_SNDTIMEO: an
    // SO_SNDTIMEO asked for is set again.
    void restoreSendTimeout(const Socket& s) const;
    void pauseBeforeSend(size_t index) const;
    void shutdownSocket(Socket& s);
    void reportConnected(const Socket& s) const;
    // Writes bytes to stdout (or a JSON line); true once --until has been
    // seen (or stdout was closed: nobody reads any more).
    bool deliver(std::string_view bytes, const Address& from);
    // deliver() for one datagram; says on stderr when it was truncated.
    bool deliverDatagram(const std::string& buffer, const Datagram& d);
    // Longest wait for something to happen, in ms (-1: no limit).
    int idleTimeout() const;
    int timedOut() const;  // what a timeout means: 0, or 1 with a message
    // A wait in ms (-1: none) cut to what is left before --max-time (at least 1).
    int waitLeft(int waitMs) const;
    bool pastDeadline() const { return Clock::now() >= deadline_; }
    int maxTimeReached() const;  // the message; exit status 1
    int closedEarly() const;

    ClientOptions o_;
    Address target_;
    std::string window_;             // the last received bytes, to find --until across reads
    std::deque<std::string> queue_;  // poll mode: the sends still to make
    size_t headSent_ = 0;            // bytes of queue_.front() already sent
    size_t sentCount_ = 0;           // messages fully sent
    Clock::time_point nextSendAt_{};
    bool shutdownDone_ = false;
    Clock::time_point deadline_ = Clock::time_point::max();  // --max-time
    std::shared_ptr<const tls::Context> tlsContext_;         // --tls: made before connecting
    std::unique_ptr<tls::Engine> tls_;                       // --tls, once connected
    std::string wire_;                                       // TLS records not sent yet (poll mode)
};

}  // namespace sockwb::app
