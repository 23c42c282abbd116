// findSocketOwners: see socketowners.h.

#include "core/net/socketowners.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace sockwb::diag {

namespace {

// A directory entry's name as a positive number; -1 when it is not one.
long number(const char* name) {
    if (*name < '0' || *name > '9') return -1;
    char* end = nullptr;
    errno = 0;
    const long n = std::strtol(name, &end, 10);
    return (*end == '\0' && errno == 0) ? n : -1;
}

std::string commandOf(long pid) {
    const std::string path = "/proc/" + std::to_string(pid) + "/comm";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    char text[64] = {};
    ssize_t n;
    do n = ::read(fd, text, sizeof text - 1);
    while (n < 0 && errno == EINTR);
    ::close(fd);
    std::string command(text, n > 0 ? static_cast<size_t>(n) : 0);
    while (!command.empty() && command.back() == '\n') command.pop_back();
    return command;
}

// "socket:[12345]" -> 12345; 0 for any other link.
uint64_t socketInode(const char* link, size_t length) {
    static constexpr char kPrefix[] = "socket:[";
    constexpr size_t kPrefixLength = sizeof kPrefix - 1;
    if (length <= kPrefixLength + 1 || std::memcmp(link, kPrefix, kPrefixLength) != 0 ||
        link[length - 1] != ']')
        return 0;
    uint64_t inode = 0;
    for (size_t i = kPrefixLength; i + 1 < length; ++i) {
        if (link[i] < '0' || link[i] > '9') return 0;
        inode = inode * 10 + static_cast<uint64_t>(link[i] - '0');
    }
    return inode;
}

}  // namespace

std::map<uint64_t, std::vector<SocketOwner>> findSocketOwners(const std::set<uint64_t>& inodes) {
    std::map<uint64_t, std::vector<SocketOwner>> owners;
    if (inodes.empty()) return owners;
    DIR* proc = ::opendir("/proc");
    if (!proc) return owners;
    size_t scanned = 0;
    while (const dirent* p = ::readdir(proc)) {
        const long pid = number(p->d_name);
        if (pid <= 0) continue;
        const std::string fdDir = "/proc/" + std::string(p->d_name) + "/fd";
        DIR* fds = ::opendir(fdDir.c_str());
        if (!fds) continue;  // gone, or not ours to see
        std::string command;
        bool commandRead = false;
        while (const dirent* f = ::readdir(fds)) {
            const long fd = number(f->d_name);
            if (fd < 0) continue;
            if (++scanned > kMaxFdsScanned) break;
            char link[64];
            const ssize_t n = ::readlinkat(::dirfd(fds), f->d_name, link, sizeof link);
            if (n <= 0 || static_cast<size_t>(n) >= sizeof link) continue;
            const uint64_t inode = socketInode(link, static_cast<size_t>(n));
            if (inode == 0 || !inodes.count(inode)) continue;
            if (!commandRead) {
                command = commandOf(pid);
                commandRead = true;
            }
            owners[inode].push_back({static_cast<int>(pid), static_cast<int>(fd), command});
        }
        ::closedir(fds);
        if (scanned > kMaxFdsScanned) break;
    }
    ::closedir(proc);
    for (auto& [inode, list] : owners)
        std::sort(list.begin(), list.end(), [](const SocketOwner& a, const SocketOwner& b) {
            return a.pid != b.pid ? a.pid < b.pid : a.fd < b.fd;
        });
    return owners;
}

}  // namespace sockwb::diag
