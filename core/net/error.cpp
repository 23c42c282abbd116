#include "core/net/error.h"

#include <netdb.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace sockwb {

std::string errnoName(int err) {
    // A table, one errno name a case: kept as written.
    // clang-format off
    switch (err) {
#define SOCKWB_E(x) \
    case x:         \
        return #x;
        SOCKWB_E(EPERM) SOCKWB_E(ENOENT) SOCKWB_E(EINTR) SOCKWB_E(EIO) SOCKWB_E(EBADF)
        SOCKWB_E(ECHILD) SOCKWB_E(EAGAIN) SOCKWB_E(ENOMEM) SOCKWB_E(EACCES) SOCKWB_E(EFAULT)
        SOCKWB_E(EBUSY) SOCKWB_E(EEXIST) SOCKWB_E(ENOTDIR) SOCKWB_E(EISDIR) SOCKWB_E(EINVAL)
        SOCKWB_E(ENFILE) SOCKWB_E(EMFILE) SOCKWB_E(ENOSPC) SOCKWB_E(EPIPE) SOCKWB_E(ERANGE)
        SOCKWB_E(ENAMETOOLONG) SOCKWB_E(ENOSYS) SOCKWB_E(ELOOP) SOCKWB_E(ENOTSOCK)
        SOCKWB_E(EDESTADDRREQ) SOCKWB_E(EMSGSIZE) SOCKWB_E(EPROTOTYPE) SOCKWB_E(ENOPROTOOPT)
        SOCKWB_E(EPROTONOSUPPORT) SOCKWB_E(ESOCKTNOSUPPORT) SOCKWB_E(EOPNOTSUPP)
        SOCKWB_E(EPFNOSUPPORT) SOCKWB_E(EAFNOSUPPORT) SOCKWB_E(EADDRINUSE)
        SOCKWB_E(EADDRNOTAVAIL) SOCKWB_E(ENETDOWN) SOCKWB_E(ENETUNREACH) SOCKWB_E(ENETRESET)
        SOCKWB_E(ECONNABORTED) SOCKWB_E(ECONNRESET) SOCKWB_E(ENOBUFS) SOCKWB_E(EISCONN)
        SOCKWB_E(ENOTCONN) SOCKWB_E(ESHUTDOWN) SOCKWB_E(ETIMEDOUT) SOCKWB_E(ECONNREFUSED)
        SOCKWB_E(EHOSTDOWN) SOCKWB_E(EHOSTUNREACH) SOCKWB_E(EALREADY) SOCKWB_E(EINPROGRESS)
        SOCKWB_E(ESRCH) SOCKWB_E(E2BIG) SOCKWB_E(ENXIO) SOCKWB_E(ESPIPE) SOCKWB_E(EROFS)
        SOCKWB_E(ENODEV) SOCKWB_E(ETXTBSY)
#undef SOCKWB_E
        default:
            return "E" + std::to_string(err);
    }
    // clang-format on
}

namespace {

std::string hostOf(const std::string& address) {
    // "[::1]:80" -> "::1", "127.0.0.1:80" -> "127.0.0.1"
    if (!address.empty() && address.front() == '[') {
        auto end = address.find(']');
        return end == std::string::npos ? address : address.substr(1, end - 1);
    }
    auto colon = address.rfind(':');
    return colon == std::string::npos ? address : address.substr(0, colon);
}

std::string portOf(const std::string& address) {
    auto colon = address.rfind(':');
    return colon == std::string::npos ? std::string{} : address.substr(colon + 1);
}

// A Unix-domain address ("unix:/tmp/x.sock") has a path, not a host and a
// port: its own words for the errors that mean something else there; ""
// for the others (worded as for any socket).
std::string explainUnixErrno(const ErrorInfo& i) {
    const std::string& a = i.address;
    switch (i.err) {
        case ECONNREFUSED:
            return "no server is bound to " + a +
                   " (start the server first; the file may be left by a stopped one)";
        case ENOENT:
            if (i.call == "bind") return "the folder of " + a + " does not exist";
            return "there is no socket file " + a + " (start the server first, or check the path)";
        case ENOTDIR:
            return "a part of the path of " + a + " is not a folder";
        case EADDRINUSE:
            return "something already uses " + a +
                   ": a server answers on that socket, or the file is not a socket (stop that "
                   "server, or choose another path)";
        case EACCES:
            return "permission denied on " + a +
                   " (the folder or the socket file is not writable for this user)";
        case EPROTOTYPE:
            return "the socket " + a +
                   " is of the other type (stream or datagram: unix or unixgram)";
        case EINVAL:  // sendto the unnamed address (only a family)
            if (a != "unix:(unnamed)") return {};
            return "the peer's socket has no name (it never bound one), so nothing can be sent "
                   "back to it: a Unix datagram client must bind a path, or autobind";
        default:
            return {};
    }
}

std::string explainErrno(const ErrorInfo& i) {
    const std::string& a = i.address;
    const bool has = !a.empty();
    if (a.rfind("unix:", 0) == 0) {
        std::string unixWords = explainUnixErrno(i);
        if (!unixWords.empty()) return unixWords;
    }
    switch (i.err) {
        case ECONNREFUSED:
            return has ? "nothing is listening on " + a +
                             " (start the server first, or check the port)"
                       : "the peer refused the connection: nothing is listening on that port";
        case EADDRINUSE:
            if (i.call == "connect") return "no free local port is left to connect from";
            return has ? "port " + portOf(a) + " on " + hostOf(a) +
                             " is already used by another socket (choose another port, or 0 for a "
                             "free one)"
                       : "the address is already used by another socket";
        case EADDRNOTAVAIL:
            // connect: Linux says so when no ephemeral port is left, or the
            // destination cannot be one (port 0, the wildcard address).
            if (i.call == "connect")
                return "cannot connect" + (has ? " to " + a : std::string{}) +
                       ": the destination is not usable or no free local port is left";
            return has ? hostOf(a) +
                             " is not an address of this machine (use 127.0.0.1, ::1 or an address "
                             "shown by 'ip addr')"
                       : "the requested address is not available on this machine";
        case EACCES:
            if (i.call == "bind" && (!has || std::atoi(portOf(a).c_str()) < 1024))
                return "port " + (has ? portOf(a) : std::string("below 1024")) +
                       " is privileged: only root may bind ports below 1024 (use a port of 1024 or "
                       "more)";
            if (i.call == "bind")
                return "binding " + a + " is not permitted (a security policy forbids it)";
            return "permission denied" + (has ? " for " + a : std::string{});
        case EPERM:
            return "the operation is not permitted" + (has ? " for " + a : std::string{}) +
                   " (a firewall rule or missing privilege)";
        case ETIMEDOUT:
            return has ? "no answer from " + a + " in time (the host may be down or filtered)"
                       : "the operation timed out";
        case ENETUNREACH:
            return has ? "no route to the network of " + hostOf(a) +
                             " (check the address and the network)"
                       : "the network is unreachable";
        case EHOSTUNREACH:
            return has ? "the host " + hostOf(a) + " cannot be reached"
                       : "the host cannot be reached";
        case ECONNRESET:
            return "the peer" + (has ? " " + a : std::string{}) +
                   " reset the connection (it closed abruptly or crashed)";
        case EPIPE:
            return "the peer" + (has ? " " + a : std::string{}) +
                   " has closed the connection: nothing more can be sent";
        case EMFILE:
            return "this process has too many open files (the descriptor limit, ulimit -n, is "
                   "reached)";
        case ENFILE:
            return "the system has too many open files";
        case ECONNABORTED:
            return "the connection was aborted before it could be accepted";
        case ENOTCONN:
            return "the socket is not connected";
        case EISCONN:
            return "the socket is already connected";
        case EINVAL:
            return "an argument is invalid for " + i.call + " in the socket's current state";
        case EAFNOSUPPORT:
            return "this address family is not supported here (is IPv6 disabled?)";
        case EMSGSIZE:
            return "the message is too large to be sent in one datagram";
        case ENOBUFS:
        case ENOMEM:
            return "the system is out of buffer memory";
        case EBADF:
            return "the descriptor is not open (a socket used after close?)";
        case ENOTSOCK:
            return "the descriptor is not a socket";
        case EAGAIN:
            // pthread_create and fork say EAGAIN when a limit is reached.
            if (i.call == "pthread_create")
                return "could not create a thread: the thread limit of this process or user is "
                       "reached (ulimit -u, /proc/sys/kernel/threads-max)";
            return "the operation would block (no data or no room yet)";
        default:
            return std::strerror(i.err);
    }
}

// The short name of a TLS problem, as errnoName() is for errno: what()
// puts it after the call.
const char* tlsProblemName(TlsProblem p) {
    switch (p) {
        case TlsProblem::None:
            return "TLS error";
        case TlsProblem::Expired:
            return "certificate expired";
        case TlsProblem::NotYetValid:
            return "certificate not yet valid";
        case TlsProblem::SelfSigned:
            return "self-signed certificate";
        case TlsProblem::UnknownCa:
            return "unknown CA";
        case TlsProblem::NameMismatch:
            return "name mismatch";
        case TlsProblem::ProtocolVersion:
            return "protocol version";
        case TlsProblem::HandshakeFailure:
            return "handshake failure";
        case TlsProblem::PeerAlert:
            return "alert from the peer";
        case TlsProblem::NotTls:
            return "not TLS";
        case TlsProblem::CertificateFile:
            return "certificate file";
        case TlsProblem::Other:
            return "TLS error";
    }
    return "TLS error";
}

// ErrorKind::Tls in words: what happened, OpenSSL's reason in brackets,
// then what to do. The call tells the side: SSL_accept is a server
// checking its client, SSL_connect a client checking its server.
std::string explainTls(const ErrorInfo& i) {
    const bool server = i.call == "SSL_accept";
    const std::string host = i.address.empty() ? std::string{} : hostOf(i.address);
    const std::string peer =
        server ? std::string("the client") : (host.empty() ? std::string("the server") : host);
    const std::string cert = server ? std::string("the client's certificate")
                                    : (host.empty() ? std::string("the server's certificate")
                                                    : "the certificate of " + host);
    const std::string why = i.detail.empty() ? std::string{} : " (" + i.detail + ")";
    const std::string verifyWhy =
        i.detail.empty() ? std::string{} : " (TLS verification failed: " + i.detail + ")";
    const std::string skip = server ? std::string{} : ", or -k to skip verification";
    switch (i.tls) {
        case TlsProblem::Expired:
            return cert + " has expired" + verifyWhy + ": it must be renewed" + skip;
        case TlsProblem::NotYetValid:
            return cert + " is not valid yet" + verifyWhy + ": check the clock of both machines" +
                   skip;
        case TlsProblem::SelfSigned:
            return cert + " is self-signed and nothing here trusts it" + verifyWhy +
                   (server ? std::string(": the client must present one issued by a trusted CA")
                           : ": use --cacert FILE with that certificate to trust it" + skip);
        case TlsProblem::UnknownCa:
            return cert + " was issued by a CA this side does not trust" + verifyWhy +
                   (server ? std::string(": give the server that CA to trust")
                           : ": use --cacert FILE to trust this CA" + skip);
        case TlsProblem::NameMismatch:
            return cert + " does not name the host asked for" + verifyWhy +
                   ": connect with a name it lists (--resolve NAME:PORT:ADDR sends that name to "
                   "another address)" +
                   skip;
        case TlsProblem::ProtocolVersion:
            return "the two sides have no TLS version in common" + why +
                   ": one accepts only versions the other refuses (TLS 1.2, 1.3); widen the "
                   "range on one side";
        case TlsProblem::HandshakeFailure:
            return "the TLS handshake with " + peer + " failed" + why +
                   ": no cipher, key group or signature algorithm in common, or the peer "
                   "refused the offer";
        case TlsProblem::PeerAlert:
            return peer + " ended the TLS handshake with an alert" + why +
                   ": its log says why (it may require a client certificate: --cert/--key)";
        case TlsProblem::NotTls:
            if (server)
                return "the client does not speak TLS" + why +
                       ": it sent plain bytes to a TLS port (http:// instead of https://?)";
            return peer + " does not speak TLS" + why +
                   ": it answered in plain text (use http://, or leave out --tls)";
        case TlsProblem::CertificateFile:
            return "a certificate, key or CA file cannot be used" +
                   (i.detail.empty() ? std::string{} : ": " + i.detail) +
                   " (check the path, that it is PEM, and that the key belongs to the "
                   "certificate)";
        case TlsProblem::None:
        case TlsProblem::Other:
            break;
    }
    return "TLS failed" + (i.detail.empty() ? std::string{} : ": " + i.detail);
}

}  // namespace

std::string detailWords(DetailCode code, std::uint64_t n, std::uint64_t m) {
    const std::string a = std::to_string(n);
    const std::string b = std::to_string(m);
    switch (code) {
        case DetailCode::Words:
            return {};
        case DetailCode::GaveUpAfterMs:
            return "gave up after " + a + " ms";
        case DetailCode::GotOfBytes:
            return "got " + a + " of " + b + " bytes";
        case DetailCode::BytesUnsent:
            return a + " bytes still unsent";
        case DetailCode::BytesOverLimit:
            return a + " bytes, limit " + b;
        case DetailCode::Bytes:
            return a + " bytes";
        case DetailCode::ByTheUser:
            return "by the user";
        case DetailCode::TooManyRedirects:
            return "more than " + a + " redirects";
    }
    return {};
}

ErrorInfo withDetail(ErrorInfo info, DetailCode code, std::uint64_t n, std::uint64_t m) {
    info.detailCode = code;
    info.detailN = n;
    info.detailM = m;
    info.detail = detailWords(code, n, m);
    return info;
}

std::string explain(const ErrorInfo& i) {
    switch (i.kind) {
        case ErrorKind::System:
            return explainErrno(i);
        case ErrorKind::Timeout:
            return (i.address.empty() ? std::string("the operation timed out")
                                      : "no answer from " + i.address + " in time") +
                   (i.detail.empty() ? std::string{} : " (" + i.detail + ")");
        case ErrorKind::Resolve: {
            std::string host = i.detail.empty() ? std::string("the host") : "'" + i.detail + "'";
            if (i.gaiCode == EAI_NONAME)
                return "the name " + host + " is not known (check the spelling)";
            if (i.gaiCode == EAI_AGAIN)
                return "the name " + host + " could not be resolved now (no DNS answer, try again)";
            if (i.gaiCode == EAI_SERVICE) return "the port or service of " + host + " is not valid";
            return "the name " + host + " could not be resolved: " + gai_strerror(i.gaiCode);
        }
        case ErrorKind::InvalidInput:
            return i.detail.empty() ? i.call : i.call + ": " + i.detail;
        case ErrorKind::EndOfStream:
            return "the peer" + (i.address.empty() ? std::string{} : " " + i.address) +
                   " closed the connection before all the expected bytes arrived" +
                   (i.detail.empty() ? std::string{} : " (" + i.detail + ")");
        case ErrorKind::Truncated:
            return "the datagram was larger than the receive buffer and was cut (" + i.detail + ")";
        case ErrorKind::FrameTooLarge:
            return "a message is larger than the allowed maximum (" + i.detail + ")";
        case ErrorKind::Unsupported:
            return i.detail;
        case ErrorKind::Protocol:
            return "the peer" + (i.address.empty() ? std::string{} : " " + i.address) +
                   " broke the protocol: " + i.detail;
        case ErrorKind::Cancelled:
            return "cancelled" + (i.detail.empty() ? std::string{} : " (" + i.detail + ")");
        case ErrorKind::Tls:
            return explainTls(i);
    }
    return "unknown error";
}

Error::Error(ErrorInfo info) : info_(std::move(info)) {
    std::string head = info_.call;
    if (!info_.address.empty())
        head += "(" + info_.address + ")";
    else if (info_.kind == ErrorKind::System && !info_.detail.empty())
        head += "(" + info_.detail + ")";  // which option or family: "setsockopt(SO_RCVBUF)"
    switch (info_.kind) {
        case ErrorKind::System:
        case ErrorKind::Timeout:
            what_ = head + ": " + errnoName(info_.err) + " — " + explain(info_);
            break;
        case ErrorKind::Resolve:
            what_ = head + ": " + gai_strerror(info_.gaiCode) + " — " + explain(info_);
            break;
        case ErrorKind::Tls:
            what_ = head + ": " + tlsProblemName(info_.tls) + " — " + explain(info_);
            break;
        case ErrorKind::Unsupported:
        case ErrorKind::InvalidInput:
            what_ = explain(info_);
            break;
        default:
            what_ = head + ": " + explain(info_);
    }
}

Error Error::fromErrno(std::string call, int err, std::string address, std::string detail) {
    return Error(ErrorInfo{ErrorKind::System, std::move(call), err, 0, std::move(address),
                           std::move(detail)});
}

Error Error::invalid(std::string what, std::string detail) {
    return Error(ErrorInfo{ErrorKind::InvalidInput, std::move(what), 0, 0, {}, std::move(detail)});
}

Error Error::unsupported(std::string sentence) {
    return Error(ErrorInfo{ErrorKind::Unsupported, "unsupported", 0, 0, {}, std::move(sentence)});
}

Error Error::tlsFailure(std::string call, TlsProblem problem, std::string detail,
                        std::string address) {
    ErrorInfo info;
    info.kind = ErrorKind::Tls;
    info.call = std::move(call);
    info.tls = problem;
    info.detail = std::move(detail);
    info.address = std::move(address);
    return Error(std::move(info));
}

}  // namespace sockwb
