#pragma once
// The transport a listener or a client uses, shared by the server engine
// and the clients (neither needs the other's header for it).

#include <string_view>

namespace sockwb {

enum class Protocol { Tcp, Udp };
const char* protocolName(Protocol p) noexcept;  // "tcp" / "udp"
Protocol parseProtocol(std::string_view text);  // throws Error listing tcp, udp

}  // namespace sockwb
