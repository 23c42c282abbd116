// libFuzzer target for sockwb::http::RequestParser.
// Input layout: [flags][split][bytes...]; flags bit0: EOF after the input.
// Invariants: limits hold, error statuses are the documented ones, and
// two feeds give exactly the same requests as one feed (differential check).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/http/parseerror.h"
#include "core/http/requestparser.h"

using namespace sockwb::http;

namespace {

constexpr std::uint64_t kMaxBody = 4096;

void check(bool ok) {
    if (!ok) std::abort();
}

std::string parseAll(std::string_view a, std::string_view b, bool eof) {
    RequestParser::Limits limits;
    limits.maxBodyBytes = kMaxBody;
    limits.maxHeaderBytes = 2048;
    limits.maxHeaderCount = 32;
    RequestParser p(limits);
    std::string out;
    auto drain = [&] {
        while (p.status() == RequestParser::Status::Complete) {
            const bool ka = p.keepAlive();
            const Request r = p.takeRequest();
            check(r.body.size() <= kMaxBody);
            check(!r.method.empty() && !r.target.empty());
            check(r.version.size() == 8 && r.version.compare(0, 7, "HTTP/1.") == 0);
            out += r.method + " " + r.target + " " + r.version + (ka ? " k " : " c ") +
                   r.headers.serialize() + "|" + r.body + "|" + r.trailers.serialize() + "\n";
        }
    };
    p.feed(a);
    drain();
    p.feed(b);
    drain();
    if (eof) {
        p.onEof();
        drain();
    }
    if (p.status() == RequestParser::Status::Error) {
        const int s = p.error().status;
        check(s == 400 || s == 413 || s == 431 || s == 501 || s == 505);
        check(!p.error().message.empty());
        out += "E" + std::string(ParseError::codeName(p.error().code));
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const bool eof = data[0] & 1;
    const std::string_view msg(reinterpret_cast<const char*>(data + 2), size - 2);
    const std::size_t cut = data[1] * msg.size() / 256;
    check(parseAll(msg, {}, eof) == parseAll(msg.substr(0, cut), msg.substr(cut), eof));
    return 0;
}
