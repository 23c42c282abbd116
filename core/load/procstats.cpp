#include "core/load/procstats.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <string>
#include <string_view>

namespace sockwb {

namespace {

std::string procPath(pid_t pid, std::string_view leaf) {
    std::string p = pid == 0 ? std::string("/proc/self") : "/proc/" + std::to_string(pid);
    p += '/';
    p += leaf;
    return p;
}

// The whole file; nullopt if it cannot be opened (the process is gone).
// /proc files report size 0, so read until EOF.
std::optional<std::string> readAll(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            out.append(buf, static_cast<size_t>(n));
        } else if (n == 0) {
            break;
        } else if (errno != EINTR) {
            ::close(fd);
            return std::nullopt;
        }
    }
    ::close(fd);
    return out;
}

// The number after "Key:" on the line that starts with key; -1 if none.
std::int64_t field(std::string_view text, std::string_view key) {
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        if (line.size() > key.size() && line.substr(0, key.size()) == key &&
            line[key.size()] == ':') {
            line.remove_prefix(key.size() + 1);
            while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
                line.remove_prefix(1);
            std::int64_t v = -1;
            const auto r = std::from_chars(line.data(), line.data() + line.size(), v);
            return r.ec == std::errc() ? v : -1;
        }
        pos = end + 1;
    }
    return -1;
}

}  // namespace

std::optional<ProcStatus> ProcStats::status(pid_t pid) {
    const auto text = readAll(procPath(pid, "status"));
    if (!text) return std::nullopt;
    ProcStatus s;
    s.rssKiB = field(*text, "VmRSS");
    s.threads = static_cast<int>(field(*text, "Threads"));
    return s;
}

std::vector<int> ProcStats::tasks(pid_t pid) {
    std::vector<int> ids;
    DIR* dir = ::opendir(procPath(pid, "task").c_str());
    if (!dir) return ids;
    while (const dirent* e = ::readdir(dir)) {
        int id = 0;
        const std::string_view name(e->d_name);
        const auto r = std::from_chars(name.data(), name.data() + name.size(), id);
        if (r.ec == std::errc() && r.ptr == name.data() + name.size() && id > 0) ids.push_back(id);
    }
    ::closedir(dir);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<std::string> ProcStats::taskName(pid_t pid, int tid) {
    if (tid <= 0) return std::nullopt;
    auto text = readAll(procPath(pid, "task/" + std::to_string(tid) + "/comm"));
    if (text && !text->empty() && text->back() == '\n') text->pop_back();
    return text;
}

bool ProcStats::hasTask(pid_t pid, int tid) {
    if (tid <= 0) return false;
    return ::access(procPath(pid, "task/" + std::to_string(tid)).c_str(), F_OK) == 0;
}

std::int64_t ProcStats::privateKiB(pid_t pid) {
    const auto text = readAll(procPath(pid, "smaps_rollup"));
    if (!text) return -1;
    const std::int64_t clean = field(*text, "Private_Clean");
    const std::int64_t dirty = field(*text, "Private_Dirty");
    if (clean < 0 || dirty < 0) return -1;
    return clean + dirty;
}

}  // namespace sockwb
