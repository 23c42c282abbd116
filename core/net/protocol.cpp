#include "core/net/protocol.h"

#include <string>

#include "core/net/error.h"

namespace sockwb {

const char* protocolName(Protocol p) noexcept { return p == Protocol::Udp ? "udp" : "tcp"; }

Protocol parseProtocol(std::string_view text) {
    if (text == "tcp" || text == "TCP") return Protocol::Tcp;
    if (text == "udp" || text == "UDP") return Protocol::Udp;
    throw Error::invalid("protocol",
                         "unknown protocol '" + std::string(text) + "' (valid: tcp, udp)");
}

}  // namespace sockwb
