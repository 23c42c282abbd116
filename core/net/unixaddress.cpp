// Address's Unix-domain members: a sockaddr_un built from a path or an
// abstract name ("@name"), its length as the kernel wants it, and its name
// read back. The rest of Address is in address.cpp.

#include <sys/un.h>

#include <cstddef>
#include <cstring>

#include "core/net/address.h"
#include "core/net/error.h"
#include "core/net/systext.h"

namespace sockwb {

namespace {
constexpr size_t kPathOffset = offsetof(sockaddr_un, sun_path);
static_assert(sizeof(sockaddr_un::sun_path) == Address::kMaxUnixName + 1);
}  // namespace

Address Address::unixPath(std::string_view path) {
    if (path.empty())
        throw Error::invalid("missing Unix socket path",
                             "write a path such as unix:/tmp/echo.sock, or unix:@name for an "
                             "abstract name");
    const bool abstract = path.front() == '@';
    const std::string_view name = abstract ? path.substr(1) : path;
    if (name.size() > kMaxUnixName) {
        ErrorInfo info{ErrorKind::InvalidInput,
                       "the Unix socket path '" + std::string(path) +
                           "' does not fit in sun_path (108 bytes with its NUL): use a shorter "
                           "path, under /tmp for instance",
                       0,
                       0,
                       {},
                       {}};
        throw Error(withDetail(info, DetailCode::BytesOverLimit, name.size(), kMaxUnixName));
    }
    if (name.find('\0') != std::string_view::npos && !abstract)
        throw Error::invalid("invalid Unix socket path", "a path cannot contain a NUL byte");
    sockaddr_un un{};
    un.sun_family = AF_UNIX;
    // An abstract name starts with a NUL and is exactly as long as the
    // length says; a path ends with its NUL, counted in the length.
    std::memcpy(un.sun_path + (abstract ? 1 : 0), name.data(), name.size());
    const auto len = static_cast<socklen_t>(kPathOffset + 1 + name.size());
    return Address(reinterpret_cast<const sockaddr*>(&un), len);
}

Address Address::unixUnnamed() {
    sockaddr_un un{};
    un.sun_family = AF_UNIX;
    return Address(reinterpret_cast<const sockaddr*>(&un), sizeof(sa_family_t));
}

size_t Address::unixPrefixLength(std::string_view text) noexcept {
    for (std::string_view prefix : {"unix:", "unixgram:"})
        if (text.substr(0, prefix.size()) == prefix) return prefix.size();
    return 0;
}

std::string Address::unixName() const {
    return isUnix() ? sys::unixSockaddrName(sockaddrPtr(), len_) : std::string();
}

bool Address::isUnixPathName() const noexcept {
    if (!isUnix() || len_ <= kPathOffset) return false;
    return reinterpret_cast<const sockaddr_un*>(&storage_)->sun_path[0] != '\0';
}

}  // namespace sockwb
