#include "core/services/chatservice.h"

namespace sockwb {

namespace {

class ChatSession final : public Session {
public:
    void onData(SessionContext& ctx, std::string_view bytes) override {
        const size_t maxLine = ctx.options().maxLine;
        while (!bytes.empty()) {
            const size_t nl = bytes.find('\n');
            const bool complete = nl != std::string_view::npos;
            const std::string_view piece = bytes.substr(0, complete ? nl + 1 : bytes.size());
            bytes.remove_prefix(piece.size());
            if (skipping_) {
                // The rest of a refused line: drop it up to its end.
                if (complete) skipping_ = false;
                continue;
            }
            line_.append(piece);
            // The '\n' itself does not count against the limit.
            lineLength_ += piece.size() - (complete ? 1 : 0);
            if (lineLength_ > maxLine) {
                ctx.log("chat: line from " + ctx.peer().toString() + " longer than " +
                        std::to_string(maxLine) + " bytes, refused");
                line_.clear();
                lineLength_ = 0;
                skipping_ = !complete;
                continue;
            }
            if (complete) {
                ctx.broadcast(line_);
                line_.clear();
                lineLength_ = 0;
            }
        }
        // Bytes without their '\n' go out at once, as they came (the course's
        // server relays what one recv() gave): nothing waits for a '\n'.
        relayTail(ctx);
    }

private:
    void relayTail(SessionContext& ctx) {
        if (line_.empty()) return;
        ctx.broadcast(line_);
        line_.clear();  // lineLength_ keeps counting the line for the limit
    }

    std::string line_;       // bytes of the current line not relayed yet
    size_t lineLength_ = 0;  // bytes of the current line so far, relayed or not
    bool skipping_ = false;  // dropping a refused line up to its '\n'
};

}  // namespace

std::unique_ptr<Session> ChatService::newSession(const ServiceOptions&) const {
    return std::make_unique<ChatSession>();
}

}  // namespace sockwb
