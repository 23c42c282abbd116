#include "widgets/sequence/sequencetext.h"

#include <QLocale>
#include <QStringList>

namespace sockwb {

namespace {
bool movesBytes(const std::string& call) {
    static const char* const names[] = {"send",     "recv",    "read",    "write",  "sendto",
                                        "recvfrom", "sendmsg", "recvmsg", "writev", "readv"};
    for (const char* n : names)
        if (call == n) return true;
    return false;
}
}  // namespace

QString SequenceText::callLabel(const TraceEvent& e) {
    const QString call = QString::fromStdString(e.call);
    // The TLS engine's note: "tls → ClientHello (512 B)".
    if (seq::isTlsNote(e)) return tr("%1 %2").arg(call, QString::fromStdString(e.args));
    if (e.err != 0) return tr("%1 %2").arg(call, QString::fromStdString(e.errName()));
    if (movesBytes(e.call) && e.result > 0) return tr("%1 %2").arg(call, bytes(e.result));
    return tr("%1 = %2").arg(call).arg(e.result);
}

QString SequenceText::lifelineTitle(const seq::Lifeline& l) {
    using Role = seq::Lifeline::Role;
    QString role;
    switch (l.role) {
        case Role::Process:
            return tr("process calls");
        case Role::Client:
            role = tr("client");
            break;
        case Role::Listener:
            role = tr("listening");
            break;
        case Role::Accepted:
            role = tr("accepted");
            break;
        case Role::Datagram:
            role = tr("datagram");
            break;
        case Role::Unknown:
            role = tr("socket");
            break;
    }
    QString title = tr("%1 fd %2").arg(role).arg(l.fd);
    if (l.inherited) title = tr("%1 (inherited)").arg(title);
    if (l.closed) title = tr("%1, closed").arg(title);
    return title;
}

QString SequenceText::lifelineEndpoints(const seq::Lifeline& l) {
    const QString local = QString::fromStdString(l.local);
    const QString peer = QString::fromStdString(l.peer);
    if (local.isEmpty() && peer.isEmpty()) return {};
    if (peer.isEmpty()) return local;
    return tr("%1 → %2").arg(local.isEmpty() ? tr("?") : local, peer);
}

QString SequenceText::processTitle(const seq::Process& p) {
    if (p.name.empty()) return tr("pid %1").arg(p.pid);
    return tr("pid %1 %2").arg(p.pid).arg(QString::fromStdString(p.name));
}

QString SequenceText::processParent(const seq::Process& p) {
    return p.parentPid > 0 ? tr("fork child of %1").arg(p.parentPid) : QString();
}

QString SequenceText::processHeader(const seq::Process& p) {
    const QString parent = processParent(p);
    if (parent.isEmpty()) return processTitle(p);
    return tr("%1 · %2").arg(processTitle(p), parent);
}

QString SequenceText::arrowKindName(seq::Arrow::Kind kind) {
    using Kind = seq::Arrow::Kind;
    switch (kind) {
        case Kind::Handshake:
            return tr("Handshake");
        case Kind::Data:
            return tr("Data");
        case Kind::Fin:
            return tr("FIN (end of stream)");
        case Kind::Reset:
            return tr("RST (reset)");
        case Kind::Datagram:
            return tr("Datagram");
        case Kind::Lost:
            return tr("Lost datagram");
    }
    return {};
}

QString SequenceText::arrowExplanation(seq::Arrow::Kind kind) {
    using Kind = seq::Arrow::Kind;
    switch (kind) {
        case Kind::Handshake:
            return tr(
                "The TCP three-way handshake (SYN, SYN-ACK, ACK): what connect() waits for. "
                "The kernel completes it and puts the connection in the listening socket's "
                "queue; accept() then takes it out as a new socket.");
        case Kind::Data:
            return tr(
                "Bytes of the stream: send() copied them to the kernel, recv() read them. "
                "TCP keeps no message boundaries: one send may be read by several recvs, "
                "several sends by one recv.");
        case Kind::Fin:
            return tr(
                "The sender called shutdown() or close(): a FIN tells the peer no more bytes "
                "will come, and the peer's recv() returns 0 once it has read the rest.");
        case Kind::Reset:
            return tr(
                "A reset (RST): the socket was closed with unread data, or bytes reached a "
                "closed socket. The peer's call fails with ECONNRESET or EPIPE.");
        case Kind::Datagram:
            return tr(
                "One UDP datagram: sendto() sent it whole, recvfrom() received it whole "
                "(or not at all).");
        case Kind::Lost:
            return tr(
                "A UDP datagram no recvfrom() received: UDP does not retransmit, a lost "
                "datagram is simply gone.");
    }
    return {};
}

QString SequenceText::tlsRecords(const std::vector<seq::TlsRecord>& records) {
    QStringList parts;
    for (const seq::TlsRecord& r : seq::mergedRecords(records)) {
        QString part = QString::fromStdString(r.what);
        // Data is counted in bytes; handshake messages by name.
        if (r.what == "application data" && r.bytes >= 0)
            part = tr("%1 %2").arg(part, bytes(r.bytes));
        else if (r.count > 1)
            part = tr("%1 ×%2").arg(part).arg(r.count);
        parts << part;
    }
    return parts.join(QStringLiteral(", "));
}

QString SequenceText::tlsExplanation() {
    return tr(
        "TLS: the bytes on the socket are records the TLS engine made; the names are the "
        "records it sent or received through this call (its trace notes), the bytes below "
        "are ciphertext.");
}

QString SequenceText::bytes(int64_t n) {
    if (n < 1024) return tr("%1 B").arg(n);
    return QLocale().formattedDataSize(n, 1, QLocale::DataSizeIecFormat);
}

QString SequenceText::offset(int64_t us) {
    if (us < 1000) return tr("+%1 µs").arg(us);
    if (us < 1000000) return tr("+%1 ms").arg(double(us) / 1000.0, 0, 'f', 3);
    return tr("+%1 s").arg(double(us) / 1e6, 0, 'f', 3);
}

}  // namespace sockwb
