#include "core/services/chatservice.h"

namespace sockwb {

namespace {

class ChatSession final : public Session {
public:
    void onData(SessionContext& ctx, std::string_view bytes) override {
        const size_t maxLine = ctx.options().maxLine;
        while (!bytes.empty()) {
            const size_t nl = bytes.find('\n');
            const std::string_view piece =
                bytes.substr(0, nl == std::string_view::npos ? bytes.size() : nl + 1);
            bytes.remove_prefix(piece.size());
            const bool complete = nl != std::string_view::npos;
            if (skipping_) {
                // The rest of a refused line: drop it up to its end.
                if (complete) skipping_ = false;
                continue;
            }
            line_.append(piece);
            // The '\n' itself does not count against the limit.
            const size_t length = line_.size() - (complete ? 1 : 0);
            if (length > maxLine) {
                ctx.log("chat: line from " + ctx.peer().toString() + " longer than " +
                        std::to_string(maxLine) + " bytes, refused");
                line_.clear();
                skipping_ = !complete;
                continue;
            }
            if (complete) {
                ctx.broadcast(line_);
                line_.clear();
            }
        }
    }

private:
    std::string line_;  // the line being received, not complete yet
    bool skipping_ = false;
};

}  // namespace

std::unique_ptr<Session> ChatService::newSession(const ServiceOptions&) const {
    return std::make_unique<ChatSession>();
}

}  // namespace sockwb
