// libFuzzer target for sockwb::http::ResponseParser.
// Input layout: [flags][split][message bytes...]
//   flags bit0: HEAD request, bit1: status-only mode, bit2: EOF after the input
//   split: where the message is cut in two feeds (split * size / 256)
// Invariants checked: limits hold, bytes are accounted for, and the outcome
// of two feeds equals the outcome of one feed (differential check).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/http/parseerror.h"
#include "core/http/responseparser.h"

using namespace sockwb::http;

namespace {

constexpr std::uint64_t kMaxBody = 4096;
constexpr std::size_t kMaxHead = 2048;

void check(bool ok) {
    if (!ok) std::abort();
}

// Parses the stream as a sequence of responses and describes what came out.
std::string parseAll(std::string_view a, std::string_view b, std::uint8_t flags) {
    ResponseParser::Limits limits;
    limits.maxBodyBytes = kMaxBody;
    limits.maxHeaderBytes = kMaxHead;
    limits.maxHeaderCount = 32;
    ResponseParser p(limits);
    p.setHeadRequest(flags & 1);
    p.setStatusOnly(flags & 2);
    p.feed(a);
    check(p.lastFeedConsumed() <= a.size());
    p.feed(b);
    check(p.lastFeedConsumed() <= b.size());
    if (flags & 4) p.onEof();
    std::string out;
    for (int n = 0; n < 64; ++n) {
        check(p.bodyBytes() <= kMaxBody);
        if (p.status() == ResponseParser::Status::Error) {
            check(p.error().code != ErrorCode::None && !p.error().message.empty());
            check(p.error().status >= 400 && p.error().status <= 505);
            out += "E" + std::string(ParseError::codeName(p.error().code));
            break;
        }
        if (p.status() == ResponseParser::Status::NeedMore) {
            out += "N";
            break;
        }
        const Response& r = p.response();
        check(r.status >= 100 && r.status <= 599);
        check(r.body.size() <= kMaxBody);
        check((flags & 2) == 0 || r.body.empty());
        check(p.consumedBytes() + p.leftover().size() <= a.size() + b.size());
        out += "C" + std::to_string(r.status) + (p.keepAlive() ? "k" : "c") +
               r.headers.serialize() + "|" + r.body + "|" + r.trailers.serialize() + "|" +
               std::to_string(p.interimResponses().size());
        // Round trip: what we serialize must parse back to the same head.
        if (!(flags & 1) && n == 0) {
            ResponseParser again(limits);
            again.setHeadRequest(true);
            Response copy = r;
            copy.body.clear();
            again.feed(copy.serialize());
            check(again.status() == ResponseParser::Status::Complete || copy.status / 100 == 1);
        }
        p.reset();
        if (flags & 4) p.onEof();
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint8_t flags = data[0];
    const std::string_view msg(reinterpret_cast<const char*>(data + 2), size - 2);
    const std::size_t cut = data[1] * msg.size() / 256;
    const std::string whole = parseAll(msg, {}, flags);
    const std::string split = parseAll(msg.substr(0, cut), msg.substr(cut), flags);
    check(whole == split);
    return 0;
}
