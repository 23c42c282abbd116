#pragma once
// Socket: the move-only owner of one descriptor (the second layer of the core, over sys.h).
// It closes its fd exactly once, creates it with SOCK_CLOEXEC, and turns every failure into a
// sockwb::Error naming the call, the errno and the address. Data is bytes (std::string_view /
// buffers with sizes), never C strings. A Socket may be used from one thread at a time.
// Implemented in socket.cpp, and in socketoptions.cpp (the option accessors).

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/net/address.h"
#include "core/net/millis.h"

namespace sockwb {

// Outcome of one non-throwing I/O step.
struct IoResult {
    enum Status { Ok, WouldBlock, Eof, TimedOut };
    Status status = Ok;
    size_t bytes = 0;
    bool ok() const noexcept { return status == Ok; }
    bool eof() const noexcept { return status == Eof; }
};

// What recvFrom got: the bytes stored, the datagram's real size on the wire
// and the sender. truncated is true when the datagram did not fit.
struct Datagram {
    size_t size = 0;      // bytes stored in the buffer
    size_t wireSize = 0;  // the datagram's full length (MSG_TRUNC)
    Address from;
    bool truncated = false;
};

class Socket {
public:
    struct Accepted;

    Socket() noexcept = default;
    // Takes ownership of fd (may be -1).
    explicit Socket(int fd) noexcept : fd_(fd) {}
    ~Socket() { close(); }
    Socket(Socket&& other) noexcept : fd_(other.release()) {}
    Socket& operator=(Socket&& other) noexcept;
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    // socket(2) with SOCK_CLOEXEC always added. Throws Error.
    static Socket create(int family, int type, int protocol = 0);

    int fd() const noexcept { return fd_; }
    bool isValid() const noexcept { return fd_ >= 0; }
    explicit operator bool() const noexcept { return isValid(); }
    // Gives up ownership without closing; returns the fd.
    int release() noexcept;
    // Closes now (once); later calls do nothing. Never throws.
    void close() noexcept;

    // getsockname: after binding port 0 this shows the port the kernel chose.
    Address localAddress() const;
    // getpeername.
    Address peerAddress() const;

    void bind(const Address& address);
    void listen(int backlog);
    // Blocking accept (or non-blocking if the socket is). flags may hold
    // SOCK_NONBLOCK for the new socket. Throws Error.
    Accepted accept(int flags = 0);
    // For a non-blocking listening socket: nullopt when nobody waits
    // (EAGAIN). Throws Error for real failures (EMFILE...).
    std::optional<Accepted> tryAccept(int flags = 0);
    // Connects, waiting at most timeout (non-blocking connect + poll +
    // SO_ERROR); a negative timeout waits as long as the kernel does. The
    // socket's blocking mode is left as it was. Throws Error (Timeout...).
    void connect(const Address& address, Millis timeout = Millis(-1));

    // Sends every byte: loops over partial sends, retries EINTR, never
    // raises SIGPIPE. On a non-blocking socket it polls for room, at most
    // timeout (negative: no limit). Throws Error (EPIPE, ECONNRESET...).
    void sendAll(std::string_view data, Millis timeout = Millis(-1));
    // One send: Ok with the bytes taken, or WouldBlock. Throws Error.
    IoResult send(std::string_view data);
    // One recv: Ok with bytes, Eof when the peer closed its side,
    // WouldBlock on a non-blocking socket, or TimedOut when SO_RCVTIMEO
    // expired on a blocking one. Throws Error.
    IoResult recv(void* buffer, size_t size);
    // Waits up to timeout for data, then one recv; TimedOut when none came.
    IoResult recv(void* buffer, size_t size, Millis timeout);
    // Appends up to max bytes received to out. Same statuses as recv.
    IoResult recvSome(std::string& out, size_t max = 65536, Millis timeout = Millis(-1));
    // Reads exactly size bytes; Error (EndOfStream) if the peer closes
    // first, Error (Timeout) when timeout elapses between two reads.
    void recvExact(void* buffer, size_t size, Millis timeout = Millis(-1));
    // Half-close: no more sends from this side; the peer reads end of stream.
    void shutdownWrite();
    void shutdown(int how);

    // UDP: one datagram to `to`; returns the bytes sent. Throws Error.
    size_t sendTo(std::string_view data, const Address& to);
    // UDP: one datagram. A datagram larger than size is reported as
    // truncated with its real size, never silently cut. Throws Error;
    // WouldBlock on a non-blocking socket yields nullopt.
    std::optional<Datagram> recvFrom(void* buffer, size_t size);
    std::optional<Datagram> recvFrom(void* buffer, size_t size, Millis timeout);

    // Options: each can be set and read back. Throw Error.
    void setReuseAddr(bool on);
    bool reuseAddr() const;
    void setReusePort(bool on);
    bool reusePort() const;
    void setKeepAlive(bool on);
    bool keepAlive() const;
    void setNoDelay(bool on);
    bool noDelay() const;
    void setRecvBufferSize(int bytes);
    int recvBufferSize() const;
    void setSendBufferSize(int bytes);
    int sendBufferSize() const;
    void setRecvTimeout(Millis timeout);
    Millis recvTimeout() const;
    void setSendTimeout(Millis timeout);
    Millis sendTimeout() const;
    void setNonBlocking(bool on);
    bool isNonBlocking() const;
    // SO_ERROR (clears the pending error).
    int pendingError() const;
    int socketType() const;

private:
    void setIntOption(int level, int name, int value, const char* what);
    int intOption(int level, int name) const;
    void setTimeout(int name, Millis timeout);
    Millis timeout(int name) const;
    // Waits for events; false on timeout. Throws Error on poll failure.
    bool waitFor(short events, Millis timeout) const;
    std::string peerText() const noexcept;
    std::string localText() const noexcept;

    int fd_ = -1;
};

struct Socket::Accepted {
    Socket socket;
    Address peer;
};

struct ListenOptions {
    bool reuseAddr = true;  // on by default: a restarted server can rebind at once
    bool reusePort = false;
    bool v6Only = false;  // for "::": also accept IPv4 unless set
    bool nonBlocking = false;
    // Runs on the new socket after the options above, before bind(): the
    // named socket options (sockopt.h) a server was asked for. It may throw
    // Error; the socket is closed then.
    std::function<void(Socket&)> beforeBind;
};

// socket + setsockopt + bind + listen, closing everything on failure.
Socket tcpListen(const Address& address, int backlog = 128, const ListenOptions& options = {});
// socket + connect with a timeout. Throws Error.
Socket tcpConnect(const Address& address, Millis timeout = Millis(10000));
// Resolves host and tries each address in turn; the last error wins.
Socket tcpConnect(std::string_view host, std::string_view port, Millis timeout = Millis(10000));
// socket(SOCK_DGRAM) + bind.
Socket udpBind(const Address& address, bool reuseAddr = false);
// socket(SOCK_DGRAM) + the options (reuseAddr, reusePort, v6Only when set,
// nonBlocking, beforeBind) + bind.
Socket udpBind(const Address& address, const ListenOptions& options);
// An unbound UDP socket of that family (the kernel binds it on first send).
Socket udpSocket(int family);

}  // namespace sockwb
