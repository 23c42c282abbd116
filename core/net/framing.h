#pragma once
// Message framing over a byte stream: raw (whatever arrived), line ("\n",
// a "\r" before it dropped) and len32 (a 32-bit big-endian length, then that
// many bytes). Decoders are incremental: feed any split of the input, take
// whole messages out. An oversize frame is refused with Error
// (FrameTooLarge) before anything is allocated for it. One thread at a time.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace sockwb {

enum class Framing { Raw, Line, Len32 };

// "raw", "line", "len32". Thread-safe.
const char* framingName(Framing f) noexcept;
// Parses a framing name; throws Error (InvalidInput) listing the choices.
Framing parseFraming(std::string_view name);

class FrameDecoder {
public:
    // maxFrame: the largest message accepted (payload bytes).
    explicit FrameDecoder(Framing framing, size_t maxFrame = 16 * 1024 * 1024);

    // Appends bytes; complete messages become available through next().
    // Throws Error (FrameTooLarge) and stays failed after that.
    void feed(std::string_view bytes);
    // The next complete message, in order; nullopt when none is complete.
    std::optional<std::string> next();
    // Bytes held that do not make a complete message yet.
    size_t pending() const noexcept { return buffer_.size() - scan_; }
    // A raw decoder gives what it holds; a line decoder the unterminated
    // last line at end of stream. Empty when nothing is left.
    std::optional<std::string> flush();
    Framing framing() const noexcept { return framing_; }

private:
    void tooLarge(size_t size);

    Framing framing_;
    size_t maxFrame_;
    std::string buffer_;
    size_t scan_ = 0;      // start of the unconsumed bytes in buffer_
    size_t searched_ = 0;  // line mode: bytes after scan_ already searched for '\n'
    bool failed_ = false;
    size_t failedSize_ = 0;  // the refused frame's size, repeated on later feeds
    std::deque<std::string> ready_;
};

// Encodes one message for the wire: raw as is, line with the terminator
// appended ("\n" or "\r\n"), len32 with its 4-byte big-endian header.
// Throws Error (FrameTooLarge) for len32 payloads over 4 GiB - 1.
std::string encodeFrame(Framing framing, std::string_view payload, bool crlf = false);

}  // namespace sockwb
