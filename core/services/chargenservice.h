#pragma once
// RFC 864 character generator. TCP: an endless stream of 72-character lines
// of the 95 printable ASCII characters (' ' to '~'), each line starting one
// character later than the one before, CRLF after each; whatever the client
// sends is ignored. UDP: each datagram received is answered with one
// datagram of a random length (0 to 512) taken from that stream.

#include <cstdint>
#include <optional>

#include "core/server/service.h"

namespace sockwb {

class ChargenService final : public Service {
public:
    static constexpr size_t kLineChars = 72;     // printable characters per line
    static constexpr size_t kLineBytes = 74;     // with CRLF
    static constexpr size_t kPatternLines = 95;  // the stream repeats after 95 lines
    static constexpr size_t kMaxDatagram = 512;
    static constexpr size_t kBatch = 64 * 1024;  // TCP: bytes sent per timer tick

    // seed: the UDP lengths' random generator (tests pin it); none = random.
    explicit ChargenService(std::optional<uint32_t> seed = std::nullopt) : seed_(seed) {}

    // Line `index` of the stream with its CRLF. Thread-safe.
    static std::string line(uint64_t index);
    // `size` bytes of the stream, starting at byte `offset`. Thread-safe.
    static std::string stream(uint64_t offset, size_t size);

    // Thread-safe (const).
    std::string name() const override { return "chargen"; }
    bool supportsUdp() const override { return true; }
    // A new session; owned by the caller. Thread-safe.
    std::unique_ptr<Session> newSession(const ServiceOptions& options) const override;
    // A new datagram handler; owned by the caller. Thread-safe.
    std::unique_ptr<DatagramHandler> newDatagramHandler(
        const ServiceOptions& options) const override;

private:
    std::optional<uint32_t> seed_;
};

}  // namespace sockwb
