#include "core/services/httpecho.h"

#include "core/net/jsonwriter.h"

namespace sockwb {

namespace {

// How much of body is shown: all of it, or kShownBody bytes moved back to
// the start of a UTF-8 sequence (so a cut character is left out, not
// escaped as stray bytes).
size_t shownLength(std::string_view body) {
    if (body.size() <= HttpEcho::kShownBody) return body.size();
    size_t cut = HttpEcho::kShownBody;
    for (int back = 0;
         back < 3 && cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80; ++back)
        --cut;
    return cut;
}

}  // namespace

std::string HttpEcho::json(const http::Request& req) {
    const std::string_view body = req.body;
    const size_t shown = shownLength(body);
    std::string out;
    out.reserve(128 + req.target.size() + shown + shown / 4);
    out += "{\"method\":";
    JsonWriter::appendString(out, req.method);
    out += ",\"target\":";
    JsonWriter::appendString(out, req.target);
    out += ",\"version\":";
    JsonWriter::appendString(out, req.version);
    out += ",\"headers\":[";
    bool first = true;
    for (const auto& f : req.headers) {
        out += first ? "[" : ",[";
        first = false;
        JsonWriter::appendString(out, f.name);
        out += ',';
        JsonWriter::appendString(out, f.value);
        out += ']';
    }
    out += "],\"body\":";
    JsonWriter::appendString(out, body.substr(0, shown));
    out += ",\"bodyLength\":" + std::to_string(body.size());
    out += shown < body.size() ? ",\"bodyTruncated\":true}\n" : ",\"bodyTruncated\":false}\n";
    return out;
}

}  // namespace sockwb
