#include "core/http/decompress.h"

#include <zlib.h>

#include <vector>

#include "core/http/grammar.h"
#include "core/http/headers.h"

namespace sockwb::http {

namespace {

enum class Format { Gzip, Zlib, Raw };

DecompressResult failure(std::string message) {
    DecompressResult r;
    r.error = std::move(message);
    return r;
}

// One zlib pass over all of data. gzip members may be concatenated (RFC 1952
// §2.2), so after a stream end with input left we start again.
DecompressResult run(std::string_view data, std::size_t maxSize, Format format) {
    const int windowBits = format == Format::Gzip   ? 16 + MAX_WBITS
                           : format == Format::Zlib ? MAX_WBITS
                                                    : -MAX_WBITS;
    z_stream zs{};
    if (inflateInit2(&zs, windowBits) != Z_OK) return failure("zlib initialisation failed");
    DecompressResult result;
    char chunk[16384];
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    // Bodies over 4 GiB are far beyond any limit we accept; uInt is 32 bits.
    zs.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (true) {
        zs.next_out = reinterpret_cast<Bytef*>(chunk);
        zs.avail_out = sizeof chunk;
        rc = ::inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = sizeof chunk - zs.avail_out;
        if (result.data.size() + produced > maxSize) {
            inflateEnd(&zs);
            return failure("decompressed body larger than the limit of " + std::to_string(maxSize) +
                           " bytes");
        }
        result.data.append(chunk, produced);
        if (rc == Z_STREAM_END) {
            if (format == Format::Gzip && zs.avail_in > 0) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
            inflateEnd(&zs);
            return failure("compressed body is truncated");
        }
        if (rc != Z_OK) {
            const std::string why = zs.msg ? zs.msg : "corrupt data";
            inflateEnd(&zs);
            return failure("cannot decompress the body: " + why);
        }
    }
    inflateEnd(&zs);
    return result;
}

}  // namespace

DecompressResult Decompress::gunzip(std::string_view data, std::size_t maxSize) {
    if (data.size() > 0xffffffffu) return failure("compressed body too large");
    return run(data, maxSize, Format::Gzip);
}

DecompressResult Decompress::inflate(std::string_view data, std::size_t maxSize) {
    if (data.size() > 0xffffffffu) return failure("compressed body too large");
    // Many servers send raw deflate under "deflate". A zlib stream starts with
    // a two-byte header whose check bits make it a multiple of 31 (RFC 1950
    // §2.2); use that to pick the format instead of trying both, so that the
    // error reported (corrupt data, size limit) is the real one.
    const auto b0 = data.size() >= 2 ? static_cast<unsigned char>(data[0]) : 0u;
    const auto b1 = data.size() >= 2 ? static_cast<unsigned char>(data[1]) : 0u;
    const bool zlibHeader =
        data.size() >= 2 && (b0 & 0x0f) == 8 && (b0 >> 4) <= 7 && (b0 * 256u + b1) % 31u == 0;
    if (!zlibHeader) return run(data, maxSize, Format::Raw);
    DecompressResult r = run(data, maxSize, Format::Zlib);
    if (r.ok() || r.error.find("limit") != std::string::npos) return r;
    // A raw stream can start with bytes that look like a zlib header by chance.
    DecompressResult raw = run(data, maxSize, Format::Raw);
    return raw.ok() ? raw : r;
}

DecompressResult Decompress::decode(std::string_view body, std::string_view contentEncoding,
                                    std::size_t maxSize) {
    std::vector<std::string_view> codings;
    while (!contentEncoding.empty()) {
        const auto comma = contentEncoding.find(',');
        const std::string_view item = grammar::trimOws(contentEncoding.substr(0, comma));
        if (!item.empty() && !Headers::equalsIgnoreCase(item, "identity")) codings.push_back(item);
        if (comma == std::string_view::npos) break;
        contentEncoding.remove_prefix(comma + 1);
    }
    DecompressResult current;
    if (body.size() > maxSize && codings.empty())
        return failure("body larger than the limit of " + std::to_string(maxSize) + " bytes");
    current.data.assign(body);
    // Codings are listed in the order they were applied: undo from the last.
    for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
        if (Headers::equalsIgnoreCase(*it, "gzip") || Headers::equalsIgnoreCase(*it, "x-gzip"))
            current = gunzip(current.data, maxSize);
        else if (Headers::equalsIgnoreCase(*it, "deflate"))
            current = inflate(current.data, maxSize);
        else
            return failure("content coding \"" + std::string(*it) + "\" is not supported");
        if (!current.ok()) return current;
    }
    return current;
}

}  // namespace sockwb::http
