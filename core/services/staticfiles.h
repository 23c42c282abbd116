#pragma once
// Maps a request path to a file under the http service's root, with no
// way out of it, and opens it. Each segment is percent-decoded on its own,
// so "%2e%2e" is "..", refused like ".."; an encoded "/" or NUL is refused.
// What is served is what was opened, not a path checked earlier: the root
// is opened once per lookup, the file is opened relative to it with
// openat2(RESOLVE_BENEATH), which fails when a symlink (or a rename during
// the walk) would lead outside the root, and the opened descriptor is the
// one checked (fstat) and read. A file swapped for a symlink to an outside
// file between two requests is refused, never followed. Kernels without
// openat2 (before 5.6): the path is walked one component at a time with
// openat(O_NOFOLLOW), so every symlink is refused there, even inside the root.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sockwb {

class StaticFiles {
public:
    // An open file descriptor, closed once. Move-only. One thread at a time.
    class File {
    public:
        File() = default;
        explicit File(int fd) noexcept : fd_(fd) {}
        File(File&& other) noexcept : fd_(other.release()) {}
        File& operator=(File&& other) noexcept;
        File(const File&) = delete;
        File& operator=(const File&) = delete;
        ~File() { close(); }

        bool isOpen() const noexcept { return fd_ >= 0; }
        int fd() const noexcept { return fd_; }
        int release() noexcept;
        void close() noexcept;
        // Reads up to n bytes (retrying short reads and EINTR); fewer only at
        // the end of the file or on an error.
        size_t read(char* buf, size_t n) const;

    private:
        int fd_ = -1;
    };

    struct Lookup {
        int status = 404;      // 200 (file found), 301 (add a "/"), 400, 403, 404
        File file;             // 200: the regular file, open for reading
        std::string name;      // 200: its path under the root, for its type and the log
        uint64_t size = 0;     // 200: its size
        std::string location;  // 301: the path to redirect to
        std::string reason;    // why not 200, for the log and the body
    };

    // How the file is reached. Auto: openat2 when the kernel has it, else
    // Walk (component by component, O_NOFOLLOW). Walk is for the tests.
    enum class Resolver { Auto, Walk };

    // Resolves `path` (the request target without its query) under `root`
    // and opens it. Touches the file system; thread-safe.
    static Lookup resolve(std::string_view root, std::string_view path,
                          Resolver resolver = Resolver::Auto);
    // Content-Type by file extension (case-insensitive); application/octet-stream
    // when unknown. Thread-safe (pure).
    static std::string_view contentType(std::string_view path);
    // `path` + "/" as a path-absolute Location: leading slashes collapsed to
    // one, so that "//host" (a network-path reference, another site) can
    // never come out. Thread-safe (pure).
    static std::string folderLocation(std::string_view path);
};

}  // namespace sockwb
