#include "core/net/framing.h"

#include "core/net/error.h"

namespace sockwb {

const char* framingName(Framing f) noexcept {
    switch (f) {
        case Framing::Raw:
            return "raw";
        case Framing::Line:
            return "line";
        case Framing::Len32:
            return "len32";
    }
    return "raw";
}

Framing parseFraming(std::string_view name) {
    if (name == "raw") return Framing::Raw;
    if (name == "line") return Framing::Line;
    if (name == "len32") return Framing::Len32;
    throw Error::invalid("unknown framing '" + std::string(name) + "'",
                         "choose raw, line or len32");
}

FrameDecoder::FrameDecoder(Framing framing, size_t maxFrame)
    : framing_(framing), maxFrame_(maxFrame) {}

void FrameDecoder::tooLarge(size_t size) {
    failed_ = true;
    failedSize_ = size;
    ErrorInfo info;
    info.kind = ErrorKind::FrameTooLarge;
    info.call = "decode";
    throw Error(withDetail(info, DetailCode::BytesOverLimit, size, maxFrame_));
}

void FrameDecoder::feed(std::string_view bytes) {
    if (failed_) tooLarge(failedSize_);  // the stream cannot be resynchronised
    if (framing_ == Framing::Raw) {
        if (!bytes.empty()) ready_.emplace_back(bytes);
        return;
    }
    // Compact once the consumed prefix dominates, so a long stream of small
    // messages neither grows the buffer nor copies it on every feed.
    if (scan_ > 0 && scan_ * 2 >= buffer_.size()) {
        buffer_.erase(0, scan_);
        scan_ = 0;
    }
    buffer_.append(bytes);
    if (framing_ == Framing::Line) {
        for (;;) {
            size_t from = scan_ + searched_;
            size_t nl = buffer_.find('\n', from);
            if (nl == std::string::npos) {
                searched_ = buffer_.size() - scan_;
                if (searched_ > maxFrame_ + 1) tooLarge(searched_);
                return;
            }
            size_t end = nl;
            if (end > scan_ && buffer_[end - 1] == '\r') --end;
            if (end - scan_ > maxFrame_) tooLarge(end - scan_);
            ready_.emplace_back(buffer_, scan_, end - scan_);
            scan_ = nl + 1;
            searched_ = 0;
        }
    }
    // Len32
    for (;;) {
        size_t avail = buffer_.size() - scan_;
        if (avail < 4) return;
        const auto* p = reinterpret_cast<const unsigned char*>(buffer_.data() + scan_);
        uint32_t len =
            (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
        if (len > maxFrame_) tooLarge(len);
        if (avail < 4 + size_t(len)) return;
        ready_.emplace_back(buffer_, scan_ + 4, len);
        scan_ += 4 + len;
    }
}

std::optional<std::string> FrameDecoder::next() {
    if (ready_.empty()) return std::nullopt;
    std::string m = std::move(ready_.front());
    ready_.pop_front();
    return m;
}

std::optional<std::string> FrameDecoder::flush() {
    if (framing_ == Framing::Raw) return next();
    if (framing_ == Framing::Line && pending() > 0) {
        std::string rest = buffer_.substr(scan_);
        buffer_.clear();
        scan_ = searched_ = 0;
        return rest;
    }
    return std::nullopt;
}

std::string encodeFrame(Framing framing, std::string_view payload, bool crlf) {
    switch (framing) {
        case Framing::Raw:
            return std::string(payload);
        case Framing::Line:
            return std::string(payload) + (crlf ? "\r\n" : "\n");
        case Framing::Len32: {
            if (payload.size() > 0xffffffffu) {
                ErrorInfo info{ErrorKind::FrameTooLarge, "encode", 0, 0, {}, {}};
                throw Error(withDetail(info, DetailCode::Bytes, payload.size()));
            }
            const auto n = static_cast<uint32_t>(payload.size());
            std::string out;
            out.reserve(4 + payload.size());
            out.push_back(static_cast<char>(n >> 24));
            out.push_back(static_cast<char>((n >> 16) & 0xff));
            out.push_back(static_cast<char>((n >> 8) & 0xff));
            out.push_back(static_cast<char>(n & 0xff));
            out.append(payload);
            return out;
        }
    }
    return std::string(payload);
}

}  // namespace sockwb
