// Placeholder: the UDP flows of the relay (relaycontext.h) are being written.

#include "core/relay/relaycontext.h"

namespace sockwb {

std::unique_ptr<RelayEngine> makeUdpRelay(RelayContext&, EventLoop&, Socket, const Address&) {
    return nullptr;
}

}  // namespace sockwb
