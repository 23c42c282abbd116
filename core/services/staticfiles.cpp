#include "core/services/staticfiles.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <optional>
#include <vector>

#include "core/http/percentencoding.h"
#include "core/net/error.h"

namespace sockwb {

namespace {

// O_NONBLOCK: opening a FIFO someone left in the root must not block the
// serving thread (fstat then refuses it); a regular file ignores the flag.
constexpr int kOpenFlags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;

StaticFiles::Lookup refuse(int status, std::string reason) {
    StaticFiles::Lookup l;
    l.status = status;
    l.reason = std::move(reason);
    return l;
}

StaticFiles::Lookup refuseErrno(int err) {
    switch (err) {
        case ENOENT:
        case ENOTDIR:
        case ENAMETOOLONG:
            return refuse(404, "no such file");
        case EXDEV:
            return refuse(403, "resolves outside the root");
        case ELOOP:
            return refuse(403, "a symbolic link that is not followed here");
        case EACCES:
        case EPERM:
            return refuse(403, "permission denied");
        default:
            return refuse(500, "open: " + errnoName(err));
    }
}

// openat2 through syscall(2) (glibc 2.36 has no wrapper). Symlinks inside
// the root are followed, absolute ones and any leading outside are refused
// (EXDEV). EAGAIN: a rename raced the walk; tried again, a few times.
int openBeneath(int rootFd, const std::string& rel) {
#ifdef SYS_openat2
    open_how how{};
    how.flags = kOpenFlags;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const int fd = int(::syscall(SYS_openat2, rootFd, rel.c_str(), &how, sizeof how));
        if (fd >= 0 || (errno != EAGAIN && errno != EINTR)) return fd;
    }
    return -1;
#else
    (void)rootFd;
    (void)rel;
    errno = ENOSYS;
    return -1;
#endif
}

// Without openat2: one component at a time from the root, never following
// a symlink (a symlink component fails with ELOOP).
int openByWalk(int rootFd, const std::vector<std::string>& segments) {
    if (segments.empty()) return ::openat(rootFd, ".", kOpenFlags);
    StaticFiles::File dir;
    int at = rootFd;
    for (size_t i = 0; i + 1 < segments.size(); ++i) {
        const int fd =
            ::openat(at, segments[i].c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            struct stat st {};
            const int err = errno;
            const bool link = ::fstatat(at, segments[i].c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                              S_ISLNK(st.st_mode);
            errno = link ? ELOOP : err;
            return -1;
        }
        dir = StaticFiles::File(fd);
        at = fd;
    }
    return ::openat(at, segments.back().c_str(), kOpenFlags | O_NOFOLLOW);
}

int openUnder(int rootFd, const std::vector<std::string>& segments,
              StaticFiles::Resolver resolver) {
    static std::atomic<bool> noOpenat2{false};  // learnt once: ENOSYS
    if (resolver == StaticFiles::Resolver::Auto && !noOpenat2.load(std::memory_order_relaxed)) {
        std::string rel;
        for (const auto& s : segments) rel += (rel.empty() ? "" : "/") + s;
        const int fd = openBeneath(rootFd, rel.empty() ? std::string(".") : rel);
        if (fd >= 0 || errno != ENOSYS) return fd;
        noOpenat2.store(true, std::memory_order_relaxed);
    }
    return openByWalk(rootFd, segments);
}

// The decoded segments of `path` ("." and empty ones dropped), or the refusal.
std::optional<StaticFiles::Lookup> splitPath(std::string_view path,
                                             std::vector<std::string>& segments) {
    if (path.empty() || path.front() != '/') return refuse(400, "path does not start with /");
    // Decode segment by segment: decoding the whole path first would turn
    // "%2F" into a separator and "%2e%2e" into a traversal after the check.
    size_t start = 1;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const auto decoded = http::percent::decode(path.substr(start, end - start));
        if (!decoded) return refuse(400, "malformed percent-encoding");
        const std::string& seg = *decoded;
        if (seg.find('/') != std::string::npos || seg.find('\\') != std::string::npos ||
            seg.find('\0') != std::string::npos)
            return refuse(403, "encoded separator or NUL in the path");
        if (seg == "..") return refuse(403, "\"..\" segment: outside the root");
        if (!seg.empty() && seg != ".") segments.push_back(seg);
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace

StaticFiles::File& StaticFiles::File::operator=(File&& other) noexcept {
    if (this != &other) {
        close();
        fd_ = other.release();
    }
    return *this;
}

int StaticFiles::File::release() noexcept {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

void StaticFiles::File::close() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

size_t StaticFiles::File::read(char* buf, size_t n) const {
    size_t got = 0;
    while (got < n) {
        const ssize_t r = ::read(fd_, buf + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += static_cast<size_t>(r);
    }
    return got;
}

StaticFiles::Lookup StaticFiles::resolve(std::string_view root, std::string_view path,
                                         Resolver resolver) {
    std::vector<std::string> segments;
    if (auto refused = splitPath(path, segments)) return std::move(*refused);
    File rootDir(::open(std::string(root).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!rootDir.isOpen()) return refuse(404, "the root folder does not exist");
    File file(openUnder(rootDir.fd(), segments, resolver));
    if (!file.isOpen()) return refuseErrno(errno);
    // From here on only the descriptor counts: it is what gets read.
    struct stat st {};
    if (::fstat(file.fd(), &st) != 0) return refuseErrno(errno);
    if (S_ISDIR(st.st_mode)) {
        if (path.back() != '/') {
            Lookup l;
            l.status = 301;
            l.location = folderLocation(path);
            l.reason = "a folder: add a /";
            return l;
        }
        segments.push_back("index.html");
        file = File(openUnder(rootDir.fd(), segments, resolver));
        if (!file.isOpen())
            return errno == ENOENT ? refuse(404, "folder without index.html") : refuseErrno(errno);
        if (::fstat(file.fd(), &st) != 0) return refuseErrno(errno);
    }
    if (!S_ISREG(st.st_mode)) return refuse(403, "not a regular file");
    Lookup l;
    l.status = 200;
    l.file = std::move(file);
    for (const auto& s : segments) l.name += "/" + s;
    l.size = static_cast<uint64_t>(st.st_size);
    return l;
}

std::string StaticFiles::folderLocation(std::string_view path) {
    // Empty segments dropped: "//evil.example/x" would be read by a browser
    // as another host; "/evil.example/x/" is a path on this one.
    std::string out;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view seg = path.substr(start, end - start);
        if (!seg.empty() && seg != ".") (out += '/') += seg;
        start = end + 1;
    }
    return out + "/";
}

std::string_view StaticFiles::contentType(std::string_view path) {
    const size_t slash = path.rfind('/');
    const size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return "application/octet-stream";
    std::string ext;
    for (char c : path.substr(dot + 1))
        ext += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    struct Entry {
        std::string_view ext, type;
    };
    static constexpr Entry table[] = {
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"json", "application/json"},
        {"txt", "text/plain; charset=utf-8"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"svg", "image/svg+xml"},
        {"ico", "image/x-icon"},
        {"wasm", "application/wasm"},
        {"pdf", "application/pdf"},
    };
    for (const auto& e : table)
        if (e.ext == ext) return e.type;
    return "application/octet-stream";
}

}  // namespace sockwb
