// `sockwb addr`: an address or a host name as the socket API sees it:
// struct sockaddr_in / sockaddr_in6 byte by byte (htons made visible), what
// inet_pton says, and every getaddrinfo result. The words come from
// AddressText (the Addresses window says the same); --json gives the raw
// numbers, in English, for scripts.

#include <QCoreApplication>
#include <QtGlobal>
#include <algorithm>
#include <string>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/jsonline.h"
#include "core/net/addressdissect.h"
#include "core/net/error.h"
#include "widgets/addresses/addresstext.h"

namespace sockwb::app {

namespace {

constexpr const char* kHelp = QT_TRANSLATE_NOOP(
    "sockwb::app::addr",
    "Usage: sockwb addr [--json] HOST_OR_ADDRESS [PORT]\n"
    "Shows an address as the socket API holds it: struct sockaddr_in (IPv4) or sockaddr_in6\n"
    "(IPv6) byte by byte, with the port in network order next to its value (htons made\n"
    "visible), what inet_pton returns for the text, and every result of getaddrinfo (family,\n"
    "socket type, protocol, canonical name, the address dissected). A text that is not an\n"
    "address is a host name: only getaddrinfo resolves it. Also HOST:PORT and [IPv6]:PORT.\n\n"
    "  --json               one JSON object with the numbers and bytes (English, stable)\n\n"
    "Examples:  sockwb addr 127.0.0.1 8080     sockwb addr ::1     sockwb addr localhost 80\n"
    "           sockwb addr 999.1.1.1   (inet_pton returns 0: not an address, not a name)\n"
    "Exit status: 0 shown, 1 the text is neither an address nor a name getaddrinfo knows,\n"
    "2 bad usage (a port out of range...).\n");

// The help text, translated (its source is marked with QT_TRANSLATE_NOOP).
QString translated(const char* text) {
    return QCoreApplication::translate("sockwb::app::addr", text);
}

std::string layoutJson(const SockaddrLayout& l) {
    std::string fields = "[";
    for (const SockaddrField& f : l.fields) {
        if (fields.size() > 1) fields += ',';
        fields += JsonLine()
                      .add("offset", static_cast<uint64_t>(f.offset))
                      .add("name", f.name)
                      .add("bytes", hexBytes(f.bytes))
                      .add("value", static_cast<uint64_t>(f.value))
                      .add("hostOrderRead", static_cast<uint64_t>(f.rawValue))
                      .add("text", f.text)
                      .str();
    }
    return JsonLine()
        .add("struct", l.structName)
        .add("family", familyName(l.family))
        .add("size", static_cast<uint64_t>(l.size))
        .addRaw("fields", fields + "]")
        .str();
}

std::string verdictName(AddressVerdict v) {
    switch (v) {
        case AddressVerdict::Ipv4:
            return "ipv4";
        case AddressVerdict::Ipv6:
            return "ipv6";
        case AddressVerdict::InvalidIpv4:
            return "invalid-ipv4";
        case AddressVerdict::InvalidIpv6:
            return "invalid-ipv6";
        case AddressVerdict::Name:
            return "name";
    }
    return "";
}

std::string dissectionJson(const AddressDissection& d) {
    JsonLine j;
    j.add("host", d.host)
        .add("port", static_cast<int>(d.port))
        .add("inetPtonV4", d.ptonV4)
        .add("inetPtonV6", d.ptonV6)
        .add("verdict", verdictName(d.verdict));
    if (!d.manual.fields.empty()) j.addRaw("sockaddr", layoutJson(d.manual));
    j.add("getaddrinfoCalled", d.resolverCalled);
    if (d.resolverCalled) {
        j.add("gaiCode", d.gaiCode).add("gaiName", d.gaiCode ? gaiCodeName(d.gaiCode) : "");
        std::string results = "[";
        for (const AddrInfoEntry& e : d.results) {
            if (results.size() > 1) results += ',';
            results += JsonLine()
                           .add("family", familyName(e.family))
                           .add("socktype", socktypeName(e.socktype))
                           .add("protocol", protocolName(e.protocol))
                           .add("canonname", e.canonname)
                           .addRaw("sockaddr", layoutJson(e.layout))
                           .str();
        }
        j.addRaw("results", results + "]");
    }
    return j.str();
}

QString layoutText(const SockaddrLayout& l) {
    const QStringList c = AddressText::columns();
    QString out = QStringLiteral("  %1\n").arg(AddressText::layoutTitle(l));
    int bytesWidth = static_cast<int>(c[2].size());
    for (const SockaddrField& f : l.fields)
        bytesWidth = std::max(bytesWidth, static_cast<int>(hexBytes(f.bytes).size()));
    out += QStringLiteral("    %1 %2 %3 %4\n")
               .arg(c[0], -6)
               .arg(c[1], -18)
               .arg(c[2], -bytesWidth)
               .arg(c[3]);
    for (const SockaddrField& f : l.fields)
        out += QStringLiteral("    %1 %2 %3 %4\n")
                   .arg(f.offset, -6)
                   .arg(q(f.name), -18)
                   .arg(q(hexBytes(f.bytes)), -bytesWidth)
                   .arg(AddressText::fieldValue(f));
    return out;
}

QString dissectionText(const AddressDissection& d) {
    QString out;
    for (const QString& line : AddressText::ptonLines(d)) out += line + QLatin1Char('\n');
    if (!d.manual.fields.empty()) {
        out += QCoreApplication::translate(
            "sockwb::app::addr", "\nFilled by hand (inet_pton, then htons for the port):\n");
        out += layoutText(d.manual);
    }
    const QString resolver = AddressText::resolverLine(d);
    if (!resolver.isEmpty()) out += QLatin1Char('\n') + resolver + QLatin1Char('\n');
    int number = 0;
    for (const AddrInfoEntry& e : d.results)
        out += AddressText::entryTitle(e, ++number) + QLatin1Char('\n') + layoutText(e.layout);
    return out;
}

}  // namespace

int addrCommand(const Args& args) {
    AddressDissection d;
    bool json = false;
    try {
        CommandParser p("addr");
        p.addFlag({"json"});
        p.parse(args);
        if (p.helpAsked()) {
            printOut(translated(kHelp));
            return 0;
        }
        json = p.isSet("json");
        const std::vector<std::string> words = p.positional();
        if (words.empty() || words.size() > 2)
            throw Error::invalid(
                QCoreApplication::translate("sockwb::app::addr",
                                            "expected HOST_OR_ADDRESS and an optional PORT")
                    .toStdString(),
                QCoreApplication::translate("sockwb::app::addr", "as in sockwb addr 127.0.0.1 8080")
                    .toStdString());
        std::string host, port;
        splitHostPort(words[0], &host, &port);
        if (words.size() == 2) port = words[1];
        d = dissectAddress(host, port);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb addr: %1\n").arg(errorText(e)));
        return 2;
    }
    if (json)
        printOut(q(dissectionJson(d)) + QLatin1Char('\n'));
    else
        printOut(dissectionText(d));
    const bool known = d.verdict == AddressVerdict::Ipv4 || d.verdict == AddressVerdict::Ipv6 ||
                       (d.resolverCalled && d.gaiCode == 0);
    return known ? 0 : 1;
}

}  // namespace sockwb::app
