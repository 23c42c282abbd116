#include "tests/bench/attacks/reflect.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sys.h"

namespace sockwb::bench {

void sendSpoofed(const Address& from, const Address& to, std::string_view payload) {
    if (from.family() != AF_INET || to.family() != AF_INET)
        throw Error::invalid("spoofed datagram", "IPv4 addresses only");
    // IPPROTO_UDP without IP_HDRINCL: we write the UDP header, the kernel
    // the IP header. A zero checksum means "none" for UDP over IPv4.
    Socket raw(sys::socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_UDP));
    if (!raw) throw Error::fromErrno("socket", errno, {}, "SOCK_RAW needs root or CAP_NET_RAW");
    std::string packet(8 + payload.size(), '\0');
    const uint16_t header[4] = {htons(from.port()), htons(to.port()),
                                htons(static_cast<uint16_t>(packet.size())), 0};
    std::memcpy(packet.data(), header, sizeof header);
    std::memcpy(packet.data() + 8, payload.data(), payload.size());
    sockaddr_in dest{};
    std::memcpy(&dest, to.sockaddrPtr(), sizeof dest);
    dest.sin_port = 0;  // raw sockets take no port: it is in our header
    if (sys::sendto(raw.fd(), packet.data(), packet.size(), 0,
                    reinterpret_cast<const sockaddr*>(&dest), sizeof dest) < 0)
        throw Error::fromErrno("sendto", errno, to.toString(), "raw UDP datagram");
}

uint64_t udpDatagramsDelivered() {
    std::ifstream f("/proc/net/snmp");
    std::string names, values;
    while (std::getline(f, names)) {
        if (names.rfind("Udp: ", 0) != 0 || !std::getline(f, values)) continue;
        std::istringstream n(names), v(values);
        std::string name, value;
        while (n >> name && v >> value)
            if (name == "InDatagrams") return std::stoull(value);
    }
    return 0;
}

}  // namespace sockwb::bench
