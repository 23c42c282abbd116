#pragma once
// Maps a request path to a file under the http service's root, with no
// way out of it: each segment is percent-decoded on its own, so "%2e%2e"
// is "..", refused like ".."; an encoded "/" or NUL is refused; and the
// realpath of the file (symlinks followed) must stay under the realpath of
// the root, which defeats symlinks pointing outside.

#include <cstdint>
#include <string>
#include <string_view>

namespace sockwb {

class StaticFiles {
public:
    struct Lookup {
        int status = 404;      // 200 (file found), 301 (add a "/"), 400, 403, 404
        std::string file;      // 200: the real path of a regular file
        uint64_t size = 0;     // 200: its size
        std::string location;  // 301: the path to redirect to
        std::string reason;    // why not 200, for the log and the body
    };

    // Resolves `path` (the request target without its query) under `root`.
    // Touches the file system (stat, realpath); thread-safe.
    static Lookup resolve(std::string_view root, std::string_view path);
    // Content-Type by file extension (case-insensitive); application/octet-stream
    // when unknown. Thread-safe (pure).
    static std::string_view contentType(std::string_view path);
};

}  // namespace sockwb
