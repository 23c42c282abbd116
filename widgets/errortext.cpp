#include "widgets/errortext.h"

#include <cerrno>

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

QString ErrorText::sentence(const ErrorInfo& info) {
    const QString where = info.address.empty() ? tr("that address") : q(info.address);
    QString words;
    if (info.kind == ErrorKind::System || info.kind == ErrorKind::Timeout) {
        switch (info.err) {
            case EADDRINUSE:
                words = tr("The address %1 is already in use: another server is listening on that "
                           "port. "
                           "Stop it, or choose another port (0 lets the system pick a free one).")
                            .arg(where);
                break;
            case EACCES:
            case EPERM:
                words = tr("Permission denied for %1: ports below 1024 need administrator rights. "
                           "Choose a port above 1023.")
                            .arg(where);
                break;
            case EADDRNOTAVAIL:
                words =
                    tr("%1 is not an address of this machine: bind to 127.0.0.1, 0.0.0.0 or one of "
                       "its own addresses.")
                        .arg(where);
                break;
            case EAFNOSUPPORT:
                words = tr("This address family is not available here (IPv6 disabled?): %1.")
                            .arg(where);
                break;
            case ECONNREFUSED:
                words = tr("Connection refused: nothing is listening on %1.").arg(where);
                break;
            case ETIMEDOUT:
                words =
                    tr("No answer from %1 in time (wrong host, or a firewall drops the packets).")
                        .arg(where);
                break;
            case ENETUNREACH:
            case EHOSTUNREACH:
                words = tr("No route to %1: the network or host cannot be reached.").arg(where);
                break;
            case ECONNRESET:
                words = tr("The peer %1 reset the connection.").arg(where);
                break;
            case EPIPE:
                words =
                    tr("The peer %1 closed the connection while we were still sending.").arg(where);
                break;
            case EMFILE:
            case ENFILE:
                words = tr("Too many open file descriptors: close some connections first.");
                break;
            default:
                break;
        }
    } else if (info.kind == ErrorKind::Resolve) {
        words = tr("Cannot resolve the host name %1.")
                    .arg(q(info.detail.empty() ? info.address : info.detail));
    }
    // Cases without a translated sentence keep the core's own explanation.
    if (words.isEmpty()) words = q(explain(info));
    QString tag;
    if (!info.call.empty() && info.err)
        tag = QStringLiteral("%1: %2").arg(q(info.call), q(errnoName(info.err)));
    else if (info.err)
        tag = q(errnoName(info.err));
    else if (!info.call.empty())
        tag = q(info.call);
    return tag.isEmpty() ? words : tr("%1 (%2)").arg(words, tag);
}

}  // namespace sockwb
