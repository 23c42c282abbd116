// Placeholder: the relay's option parsers (relayconfig.h) are being written.

#include "core/relay/relayconfig.h"

#include "core/net/error.h"

namespace sockwb {

const char* relayDirectionName(RelayDirection d) noexcept {
    return d == RelayDirection::Up ? "up" : "down";
}

bool DirectionFaults::any() const { return !(*this == DirectionFaults{}); }

}  // namespace sockwb
