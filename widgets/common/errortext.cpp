#include "widgets/common/errortext.h"

#include <netdb.h>

#include <cerrno>

#include "widgets/common/backgroundtask.h"

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

// "[::1]:80" -> "::1", "127.0.0.1:80" -> "127.0.0.1" (as core/net/error.cpp).
QString hostOf(const QString& address) {
    if (address.startsWith(QLatin1Char('['))) {
        const auto end = address.indexOf(QLatin1Char(']'));
        return end < 0 ? address : address.mid(1, end - 1);
    }
    const auto colon = address.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? address : address.left(colon);
}

QString portOf(const QString& address) {
    const auto colon = address.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : address.mid(colon + 1);
}
}  // namespace

QString ErrorText::detail(const ErrorInfo& info) {
    const auto n = QString::number(info.detailN);
    const auto m = QString::number(info.detailM);
    switch (info.detailCode) {
        case DetailCode::Words:
            break;
        case DetailCode::GaveUpAfterMs:
            return tr("gave up after %1 ms").arg(n);
        case DetailCode::GotOfBytes:
            return tr("got %1 of %2 bytes").arg(n, m);
        case DetailCode::BytesUnsent:
            return tr("%1 bytes still unsent").arg(n);
        case DetailCode::BytesOverLimit:
            return tr("%1 bytes, limit %2").arg(n, m);
        case DetailCode::Bytes:
            return tr("%1 bytes").arg(n);
        case DetailCode::ByTheUser:
            return tr("by the user");
        case DetailCode::TooManyRedirects:
            return tr("more than %1 redirects").arg(n);
    }
    return q(info.detail);
}

QString ErrorText::unixWords(const ErrorInfo& info) {
    const QString a = q(info.address);
    const bool bind = info.call == "bind";
    switch (info.err) {
        case ECONNREFUSED:
            return tr("No server is bound to %1 (start the server first; the file may be left by "
                      "a stopped one).")
                .arg(a);
        case ENOENT:
            return bind ? tr("The folder of %1 does not exist.").arg(a)
                        : tr("There is no socket file %1 (start the server first, or check the "
                             "path).")
                              .arg(a);
        case ENOTDIR:
            return tr("A part of the path of %1 is not a folder.").arg(a);
        case EADDRINUSE:
            return tr("Something already uses %1: a server answers on that socket, or the file is "
                      "not a socket. Stop that server, or choose another path.")
                .arg(a);
        case EACCES:
            return tr("Permission denied on %1 (the folder or the socket file is not writable for "
                      "this user).")
                .arg(a);
        case EPROTOTYPE:
            return tr("The socket %1 is of the other type (stream or datagram).").arg(a);
        case EINVAL:  // sendto the unnamed address (only a family)
            if (a != QLatin1String("unix:(unnamed)")) return {};
            return tr(
                "The peer's socket has no name (it never bound one), so nothing can be sent "
                "back to it: a Unix datagram client must bind a path, or autobind.");
        default:
            return {};
    }
}

QString ErrorText::systemWords(const ErrorInfo& info) {
    const QString a = q(info.address);
    const bool has = !a.isEmpty();
    if (a.startsWith(QLatin1String("unix:"))) {
        if (QString words = unixWords(info); !words.isEmpty()) return words;
    }
    const QString where = has ? a : tr("that address");
    const QString call = q(info.call);
    switch (info.err) {
        case ECONNREFUSED:
            return has ? tr("Connection refused: nothing is listening on %1 (start the server "
                            "first, or check the port).")
                             .arg(a)
                       : tr("Connection refused: nothing is listening on that port.");
        case EADDRINUSE:
            if (call == QLatin1String("connect"))
                return tr("No free local port is left to connect from.");
            if (!has)
                return tr(
                    "The address is already used by another socket: choose another port (0 "
                    "lets the system pick a free one).");
            return tr("The address %1 is already in use: another server is listening on that "
                      "port. "
                      "Stop it, or choose another port (0 lets the system pick a free one).")
                .arg(where);
        case EADDRNOTAVAIL:
            // connect: no ephemeral port left, or an unusable destination.
            if (call == QLatin1String("connect"))
                return has ? tr("Cannot connect to %1: the destination is not usable or no free "
                                "local port is left.")
                                 .arg(a)
                           : tr("Cannot connect: the destination is not usable or no free local "
                                "port is left.");
            return tr("%1 is not an address of this machine: bind to 127.0.0.1, 0.0.0.0 or one of "
                      "its own addresses.")
                .arg(has ? hostOf(a) : where);
        case EACCES:
            if (call == QLatin1String("bind") && (!has || portOf(a).toInt() < 1024))
                return tr("Permission denied for %1: ports below 1024 need administrator rights. "
                          "Choose a port above 1023.")
                    .arg(where);
            if (call == QLatin1String("bind"))
                return tr("Binding %1 is not permitted (a security policy forbids it).").arg(a);
            return has ? tr("Permission denied for %1.").arg(a) : tr("Permission denied.");
        case EPERM:
            return has ? tr("The operation is not permitted for %1 (a firewall rule or missing "
                            "privilege).")
                             .arg(a)
                       : tr("The operation is not permitted (a firewall rule or missing "
                            "privilege).");
        case EAFNOSUPPORT:
            return tr("This address family is not available here (IPv6 disabled?): %1.").arg(where);
        case ETIMEDOUT:
            return has ? tr("No answer from %1 in time (wrong host, or a firewall drops the "
                            "packets).")
                             .arg(a)
                       : tr("The operation timed out.");
        case ENETUNREACH:
        case EHOSTUNREACH:
            if (has) return tr("No route to %1: the network or host cannot be reached.").arg(a);
            return info.err == ENETUNREACH ? tr("The network is unreachable.")
                                           : tr("The host cannot be reached.");
        case ECONNRESET:
            return has ? tr("The peer %1 reset the connection (it closed abruptly or crashed).")
                             .arg(a)
                       : tr("The peer reset the connection (it closed abruptly or crashed).");
        case EPIPE:
            return has ? tr("The peer %1 closed the connection while we were still sending.").arg(a)
                       : tr("The peer closed the connection while we were still sending.");
        case EMFILE:
            return tr(
                "Too many open file descriptors (the limit, ulimit -n, is reached): close "
                "some connections first.");
        case ENFILE:
            return tr("The system has too many open files: close some connections first.");
        case ECONNABORTED:
            return tr("The connection was aborted before it could be accepted.");
        case ENOTCONN:
            return tr("The socket is not connected.");
        case EISCONN:
            return tr("The socket is already connected.");
        case EINVAL:
            return tr("An argument is invalid for %1 in the socket's current state.").arg(call);
        case EMSGSIZE:
            return tr("The message is too large to be sent in one datagram.");
        case ENOBUFS:
        case ENOMEM:
            return tr("The system is out of buffer memory.");
        case EBADF:
            return tr("The descriptor is not open (a socket used after close?).");
        case ENOTSOCK:
            return tr("The descriptor is not a socket.");
        case EAGAIN:
            if (call == QLatin1String("pthread_create"))
                return tr(
                    "Could not create a thread: the thread limit of this process or user "
                    "is reached (ulimit -u, /proc/sys/kernel/threads-max).");
            return tr("The operation would block (no data or no room yet).");
        default:
            return {};
    }
}

QString ErrorText::tlsWords(const ErrorInfo& info) {
    const QString a = q(info.address);
    const QString peer = a.isEmpty() ? tr("the server") : a;
    // What the user can do when the chain does not verify: the composer's
    // switch and curl's spelling of the same thing.
    const QString anyway =
        tr("to connect anyway, turn off \"Verify certificate\" (curl -k, --insecure)");
    QString words;
    switch (info.tls) {
        case TlsProblem::Expired:
            words = tr("The certificate of %1 has expired: the server must renew it (or this "
                       "machine's clock is wrong); %2.")
                        .arg(peer, anyway);
            break;
        case TlsProblem::NotYetValid:
            words = tr("The certificate of %1 is not valid yet (it starts in the future: check the "
                       "clocks of both machines); %2.")
                        .arg(peer, anyway);
            break;
        case TlsProblem::SelfSigned:
            words = tr("%1 presented a self-signed certificate, which no trusted CA vouches for: "
                       "trust it by choosing it as the CA file (curl --cacert FILE), or %2.")
                        .arg(peer, anyway);
            break;
        case TlsProblem::UnknownCa:
            words = tr("The certificate of %1 was issued by a CA this machine does not trust: "
                       "choose that CA's certificate as the CA file (curl --cacert FILE), or %2.")
                        .arg(peer, anyway);
            break;
        case TlsProblem::NameMismatch:
            words = tr("The certificate of %1 does not name the host in the URL: check the host "
                       "name (use a name the certificate lists, with --resolve to send it to this "
                       "address), or %2.")
                        .arg(peer, anyway);
            break;
        case TlsProblem::ProtocolVersion:
            words = tr("%1 and this client have no TLS version in common (this client offers TLS "
                       "1.2 and 1.3): check the TLS versions the server allows.")
                        .arg(peer);
            break;
        case TlsProblem::HandshakeFailure:
            words = tr("The TLS handshake with %1 failed: no cipher, group or ALPN protocol in "
                       "common, or the server refused us (does it require a client "
                       "certificate?).")
                        .arg(peer);
            break;
        case TlsProblem::PeerAlert:
            words = tr("%1 ended the TLS connection with a fatal alert (a client certificate it "
                       "does not accept, or a setting it refuses).")
                        .arg(peer);
            break;
        case TlsProblem::NotTls:
            words = tr("%1 does not speak TLS (a plain HTTP server on that port? try http:// "
                       "instead of https://).")
                        .arg(peer);
            break;
        case TlsProblem::CertificateFile:
            words =
                tr("A certificate, key or CA file cannot be used: check the path, that the "
                   "file is PEM, and that the key belongs to the certificate.");
            break;
        case TlsProblem::None:
        case TlsProblem::Other:
            words = a.isEmpty() ? tr("TLS failed.") : tr("TLS with %1 failed.").arg(a);
            break;
    }
    // OpenSSL's own reason, as it wrote it (English: it names its codes).
    QString reason = q(info.detail).trimmed();
    while (reason.endsWith(QLatin1Char('.'))) reason.chop(1);
    if (!reason.isEmpty()) words = tr("%1 OpenSSL: %2.").arg(words, reason);
    return words;
}

QString ErrorText::otherWords(const ErrorInfo& info) {
    const QString a = q(info.address);
    const QString d = detail(info);
    switch (info.kind) {
        case ErrorKind::System:
            return systemWords(info);
        case ErrorKind::Timeout:
            if (a.isEmpty())
                return d.isEmpty() ? tr("The operation timed out.")
                                   : tr("The operation timed out (%1).").arg(d);
            return d.isEmpty() ? tr("No answer from %1 in time.").arg(a)
                               : tr("No answer from %1 in time (%2).").arg(a, d);
        case ErrorKind::Resolve: {
            const QString host = q(info.detail.empty() ? info.address : info.detail);
            if (info.gaiCode == EAI_NONAME)
                return tr("The name %1 is not known (check the spelling).").arg(host);
            if (info.gaiCode == EAI_AGAIN)
                return tr("The name %1 could not be resolved now (no DNS answer, try again).")
                    .arg(host);
            if (info.gaiCode == EAI_SERVICE)
                return tr("The port or service of %1 is not valid.").arg(host);
            return tr("Cannot resolve the host name %1.").arg(host);
        }
        case ErrorKind::EndOfStream:
            if (a.isEmpty())
                return tr("The peer closed the connection before all the expected bytes arrived "
                          "(%1).")
                    .arg(d);
            return tr("The peer %1 closed the connection before all the expected bytes arrived "
                      "(%2).")
                .arg(a, d);
        case ErrorKind::Truncated:
            return tr("The datagram was larger than the receive buffer and was cut (%1).").arg(d);
        case ErrorKind::FrameTooLarge:
            return tr("A message is larger than the allowed maximum (%1).").arg(d);
        case ErrorKind::Protocol:
            // A parser's detail (Words) stays in English: it quotes protocol text.
            return a.isEmpty() ? tr("The peer broke the protocol: %1.").arg(d)
                               : tr("The peer %1 broke the protocol: %2.").arg(a, d);
        case ErrorKind::Cancelled:
            return d.isEmpty() ? tr("Cancelled.") : tr("Cancelled (%1).").arg(d);
        case ErrorKind::Tls:
            return tlsWords(info);
        case ErrorKind::InvalidInput:
        case ErrorKind::Unsupported:
            break;  // free sentences of the core: kept as they are
    }
    return {};
}

QString ErrorText::sentence(const ErrorInfo& info) {
    QString words = info.kind == ErrorKind::System ? systemWords(info) : otherWords(info);
    // Cases without a translated sentence keep the core's own explanation.
    if (words.isEmpty()) words = q(explain(info));
    QString tag;
    if (!info.call.empty() && info.err)
        tag = QStringLiteral("%1: %2").arg(q(info.call), q(errnoName(info.err)));
    else if (info.err)
        tag = q(errnoName(info.err));
    else if (!info.call.empty() && info.kind != ErrorKind::InvalidInput &&
             info.kind != ErrorKind::Unsupported)
        tag = q(info.call);
    return tag.isEmpty() ? words : tr("%1 (%2)").arg(words, tag);
}

QString ErrorText::ofTask(const std::exception_ptr& error, const QString& other) {
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        return sentence(e);
    } catch (...) {
        const QString what = QString::fromUtf8(taskErrorText(error));
        return other.isEmpty() ? what : other.arg(what);
    }
}

}  // namespace sockwb
