#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sockwb::http {

// Result of decoding a whole body: the bytes, or an error sentence.
struct DecompressResult {
    std::string data;
    std::string error;  // empty on success
    // True when decoding succeeded. Const: thread-safe for readers.
    bool ok() const { return error.empty(); }
};

// Content-Encoding decoding of a complete body (RFC 9110 §8.4.1) with zlib.
// Stateless: every function is thread-safe.
class Decompress {
public:
    // Decodes according to a Content-Encoding value: "gzip"/"x-gzip", "deflate",
    // "identity" or empty (copied), a list such as "deflate, gzip" decoded in reverse order.
    // Output over maxSize is an error (protects against compression bombs).
    static DecompressResult decode(std::string_view body, std::string_view contentEncoding,
                                   std::size_t maxSize);
    // gzip (RFC 1952), concatenated members included.
    static DecompressResult gunzip(std::string_view data, std::size_t maxSize);
    // "deflate" as servers send it: zlib (RFC 1950), falling back to raw deflate (RFC 1951).
    static DecompressResult inflate(std::string_view data, std::size_t maxSize);
};

}  // namespace sockwb::http
