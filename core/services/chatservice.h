#pragma once
// Chat: every complete line ('\n' included) one client sends is relayed, as
// is, to every other client connected to the same listener, never back to
// the sender. A line longer than ServiceOptions::maxLine is refused with a
// log line and dropped up to its '\n'; an unterminated last line is dropped
// when the client leaves. TCP only: relaying needs every client in one
// process (no fork model).

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
