#include "core/net/protocol.h"

#include <string>

#include "core/net/error.h"

namespace sockwb {

const char* protocolName(Protocol p) noexcept {
    switch (p) {
        case Protocol::Udp:
            return "udp";
        case Protocol::Unix:
            return "unix";
        case Protocol::UnixDgram:
            return "unixgram";
        case Protocol::Tcp:
            break;
    }
    return "tcp";
}

Protocol parseProtocol(std::string_view text) {
    if (text == "tcp" || text == "TCP") return Protocol::Tcp;
    if (text == "udp" || text == "UDP") return Protocol::Udp;
    if (text == "unix" || text == "UNIX") return Protocol::Unix;
    if (text == "unixgram" || text == "UNIXGRAM") return Protocol::UnixDgram;
    throw Error::invalid("protocol", "unknown protocol '" + std::string(text) +
                                         "' (valid: tcp, udp, unix, unixgram)");
}

Protocol parseProtocolOr(std::string_view text, Protocol fallback) noexcept {
    for (Protocol p : {Protocol::Tcp, Protocol::Udp, Protocol::Unix, Protocol::UnixDgram}) {
        const std::string_view name = protocolName(p);
        if (text.size() != name.size()) continue;
        bool same = true;
        for (size_t i = 0; i < name.size() && same; ++i) same = (text[i] | 0x20) == name[i];
        if (same) return p;
    }
    return fallback;
}

}  // namespace sockwb
