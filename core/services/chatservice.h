#pragma once
// Chat: what one client sends is relayed, as is, to every other client
// connected to the same listener, never back to the sender. Complete lines
// ('\n' included) are relayed whole, at once. Bytes without their '\n' are
// relayed too, kTailDelay later if no '\n' came meanwhile (or when the
// client leaves): the course's chat client sends sprintf("[%d]%s:%s", ...)
// with strlen(), and its message may lack the '\n' (end of input, a message
// filling the buffer); its server relays what one recv() gave. So a course
// client's bytes reach the others byte for byte, and nothing waits in the
// server for a '\n' that may never come, while a line that arrives in
// pieces still goes out whole.
// A line longer than ServiceOptions::maxLine is refused with a log line and
// dropped up to its '\n' (a part relayed earlier stays relayed). TCP only:
// relaying needs every client in one process (no fork model).

#include "core/server/service.h"

namespace sockwb {

class ChatService final : public Service {
public:
    // How long bytes without '\n' wait for it before they are relayed as they are.
    static constexpr Millis kTailDelay{100};

    // Thread-safe (const).
    std::string name() const override { return "chat"; }
    bool needsBroadcast() const override { return true; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
};

}  // namespace sockwb
