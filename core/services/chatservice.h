#pragma once
// Chat: what one client sends is relayed, as is, to every other client
// connected to the same listener, never back to the sender, at once: each
// read's bytes go out in the pieces its line ends cut them into (complete
// lines '\n' included, then the bytes after the last '\n'). This is the
// course's server (seed 001 relays what one recv() gave): its chat client
// sends sprintf("[%d]%s:%s", ...) with strlen(), maybe without '\n', and
// those bytes reach the others byte for byte; nothing waits in the server
// for a '\n' that may never come, and nothing is held per client. A line
// that arrives in pieces goes out in those pieces (another client's line
// may then come between them, as with the course's server).
// A line longer than ServiceOptions::maxLine is refused with a log line and
// dropped up to its '\n' (a part relayed earlier stays relayed). TCP only:
// relaying needs every client in one process (no fork model).

#include "core/server/service.h"

namespace sockwb {

class ChatService final : public Service {
public:
    // Thread-safe (const).
    std::string name() const override { return "chat"; }
    bool needsBroadcast() const override { return true; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
};

}  // namespace sockwb
