#include "widgets/server/serverpaneltext.h"

#include <QCoreApplication>
#include <QDateTime>

#include "widgets/common/errortext.h"
#include "widgets/composer/composertext.h"

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

// Bytes made readable for the log: printable ASCII as is, the rest escaped.
QString preview(const std::string& bytes) {
    QString out;
    out.reserve(static_cast<qsizetype>(bytes.size()));
    for (unsigned char c : bytes) {
        switch (c) {
            case '\n':
                out += QStringLiteral("\\n");
                break;
            case '\r':
                out += QStringLiteral("\\r");
                break;
            case '\t':
                out += QStringLiteral("\\t");
                break;
            case '\\':
                out += QStringLiteral("\\\\");
                break;
            default:
                if (c >= 0x20 && c < 0x7f)
                    out += QLatin1Char(static_cast<char>(c));
                else
                    out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        }
    }
    return out;
}

QDateTime toQt(std::chrono::system_clock::time_point t) {
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
}
}  // namespace

QString ServerPanelText::memoryText(const ServerStats& st) {
    if (st.memoryBudget == 0)
        return tr("memory %1, no budget (peak %2)")
            .arg(composerSize(st.memoryBytes), composerSize(st.memoryPeak));
    return tr("memory %1 of %2 (peak %3)")
        .arg(composerSize(st.memoryBytes), composerSize(st.memoryBudget),
             composerSize(st.memoryPeak));
}

LogView::Line ServerPanelText::eventLine(const ServerEvent& e) {
    const QDateTime t = toQt(e.time);
    switch (e.kind) {
        case ServerEvent::Listening:
            return {LogView::Info, tr("%1 listening on %2").arg(q(e.text), q(e.address.toString())),
                    t};
        case ServerEvent::Opened:
            return {LogView::Info,
                    tr("#%1 connected from %2 (fd %3)")
                        .arg(e.connection.id)
                        .arg(q(e.connection.peer.toString()))
                        .arg(e.connection.fd),
                    t};
        case ServerEvent::Closed:
            return {LogView::Info,
                    tr("#%1 closed (%2 bytes in, %3 bytes out)")
                        .arg(e.connection.id)
                        .arg(e.connection.bytesIn)
                        .arg(e.connection.bytesOut),
                    t};
        case ServerEvent::Tls:
            return {LogView::Info,
                    tr("#%1 TLS handshake done: %2").arg(e.connectionId).arg(q(e.text)), t};
        case ServerEvent::Data:
            return {e.incoming ? LogView::Incoming : LogView::Outgoing,
                    QStringLiteral("#%1 %2").arg(e.connectionId).arg(preview(e.bytes)), t};
        case ServerEvent::Log:
            return {LogView::Info, q(e.text), t};
        case ServerEvent::Failure:
            return {LogView::Failure, ErrorText::sentence(e.error), t};
        case ServerEvent::Stopped:
            break;
    }
    return {LogView::Info, QString(), t};
}

bool ServerPanelText::speaksTls(const ServerConfig& c, size_t index) {
    return c.tls && index < c.listeners.size() && c.listeners[index].protocol == Protocol::Tcp;
}

QString ServerPanelText::protocolWord(const ServerConfig& c, size_t index) {
    if (speaksTls(c, index)) return QStringLiteral("tls");
    return index < c.listeners.size() ? q(protocolName(c.listeners[index].protocol)) : QString();
}

QString ServerPanelText::addressText(const ServerConfig& c, size_t index, const Address& a) {
    const QString where = q(a.toString());
    if (speaksTls(c, index) && c.listeners[index].service == "http")
        return QStringLiteral("https://%1/").arg(where);
    return where;
}

}  // namespace sockwb
