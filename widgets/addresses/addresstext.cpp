#include "widgets/addresses/addresstext.h"

#include <netinet/in.h>

#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

QString hex(uint64_t v, int digits) {
    return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0'));
}
}  // namespace

QStringList AddressText::columns() {
    return {tr("Offset"), tr("Field"), tr("Bytes (hex)"), tr("Value")};
}

QString AddressText::fieldValue(const SockaddrField& f) {
    const QString value = QString::number(f.value);
    const QString raw = QString::number(f.rawValue);
    switch (f.kind) {
        case SockaddrFieldKind::Family:
            return tr("%1 = %2 (host order)").arg(value, q(f.text));
        case SockaddrFieldKind::Port:
            return tr("%1 = htons(%1), network order; read without ntohs here: %2").arg(value, raw);
        case SockaddrFieldKind::Ipv4:
            return tr("%1: in network order; ntohl(s_addr) = %2").arg(q(f.text), hex(f.value, 8));
        case SockaddrFieldKind::Zero:
            return tr("padding up to sizeof(struct sockaddr): zeros");
        case SockaddrFieldKind::FlowInfo:
            return tr("%1 (network order)").arg(value);
        case SockaddrFieldKind::Ipv6:
            return q(f.text);
        case SockaddrFieldKind::ScopeId:
            return f.value == 0 ? tr("0: no interface (needed for link-local fe80::)")
                                : tr("interface index %1 (host order)").arg(value);
        case SockaddrFieldKind::Other:
            break;
    }
    return {};
}

QString AddressText::layoutTitle(const SockaddrLayout& l) {
    return tr("struct %1, sizeof = %2 bytes").arg(q(l.structName)).arg(l.size);
}

QStringList AddressText::ptonLines(const AddressDissection& d) {
    const QString host = q(d.host);
    QStringList lines{QStringLiteral("inet_pton(AF_INET, \"%1\") = %2").arg(host).arg(d.ptonV4),
                      QStringLiteral("inet_pton(AF_INET6, \"%1\") = %2").arg(host).arg(d.ptonV6)};
    switch (d.verdict) {
        case AddressVerdict::Ipv4:
            lines << tr("A valid IPv4 address: inet_pton wrote its 4 bytes into sin_addr.");
            break;
        case AddressVerdict::Ipv6:
            lines << tr("A valid IPv6 address: inet_pton wrote its 16 bytes into sin6_addr.");
            break;
        case AddressVerdict::InvalidIpv4:
            lines << tr(
                "Not a valid IPv4 address: inet_pton returns 0 (each of the 4 numbers "
                "must be 0 to 255). Not a host name either: getaddrinfo is not asked.");
            break;
        case AddressVerdict::InvalidIpv6:
            lines << tr(
                "Not a valid IPv6 address: inet_pton returns 0. Not a host name either: "
                "getaddrinfo is not asked.");
            break;
        case AddressVerdict::Name:
            lines << tr(
                "Not an address: a host name, which only getaddrinfo can turn into "
                "addresses.");
            break;
    }
    return lines;
}

QString AddressText::resolverLine(const AddressDissection& d) {
    if (!d.resolverCalled) return {};
    const QString call = QStringLiteral("getaddrinfo(\"%1\", \"%2\")").arg(q(d.host)).arg(d.port);
    if (d.gaiCode != 0)
        return tr("%1 = %2: %3")
            .arg(call, q(gaiCodeName(d.gaiCode)), ErrorText::sentence(d.resolveError));
    return tr("%1 = 0: %n result(s)", nullptr, static_cast<int>(d.results.size())).arg(call);
}

QString AddressText::entryTitle(const AddrInfoEntry& e, int number) {
    QString title =
        QStringLiteral("#%1 %2 %3 %4")
            .arg(number)
            .arg(q(familyName(e.family)), q(socktypeName(e.socktype)), q(protocolName(e.protocol)));
    if (!e.canonname.empty()) title += tr(", canonname \"%1\"").arg(q(e.canonname));
    return title;
}

}  // namespace sockwb
