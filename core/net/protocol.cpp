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

}  // namespace sockwb
