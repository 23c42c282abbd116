#include "tests/bench/attacks/procmeter.h"

#include <dirent.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

namespace sockwb::bench {

namespace {

struct Stat {
    pid_t ppid = 0;
    uint64_t ticks = 0;
};

// /proc/PID/stat: fields after the ")" that ends the command name (which
// may hold spaces): state ppid ... utime(14) stime cutime cstime.
bool readStat(pid_t pid, Stat& out) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(f, text)) return false;
    const size_t close = text.rfind(')');
    if (close == std::string::npos) return false;
    std::istringstream in(text.substr(close + 2));
    std::string field;
    std::vector<std::string> fields;
    while (in >> field && fields.size() < 15) fields.push_back(field);
    if (fields.size() < 15) return false;
    out.ppid = static_cast<pid_t>(std::atol(fields[1].c_str()));
    // fields[0] is field 3 (state): utime..cstime are fields 14..17.
    for (int i = 11; i <= 14; ++i) out.ticks += std::strtoull(fields[i].c_str(), nullptr, 10);
    return true;
}

uint64_t rssKb(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::strtoull(line.c_str() + 6, nullptr, 10);
    return 0;
}

std::unordered_map<pid_t, Stat> allProcesses() {
    std::unordered_map<pid_t, Stat> all;
    DIR* dir = ::opendir("/proc");
    if (!dir) return all;
    while (const dirent* e = ::readdir(dir)) {
        const pid_t pid = static_cast<pid_t>(std::atol(e->d_name));
        Stat s;
        if (pid > 0 && readStat(pid, s)) all.emplace(pid, s);
    }
    ::closedir(dir);
    return all;
}

}  // namespace

ProcSample ProcMeter::sample() const {
    const auto all = allProcesses();
    ProcSample out;
    for (const auto& [pid, stat] : all) {
        // Is pid a root or below one? Walk up (bounded: a cycle is impossible,
        // but a vanished parent ends the walk).
        pid_t p = pid;
        bool mine = false;
        for (int depth = 0; depth < 64 && p > 1; ++depth) {
            if (std::find(roots_.begin(), roots_.end(), p) != roots_.end()) {
                mine = true;
                break;
            }
            const auto up = all.find(p);
            if (up == all.end()) break;
            p = up->second.ppid;
        }
        if (!mine) continue;
        out.rssKb += rssKb(pid);
        out.ticks += stat.ticks;
        ++out.processes;
    }
    for (pid_t r : roots_)
        if (all.find(r) == all.end()) out.rootsAlive = false;
    return out;
}

}  // namespace sockwb::bench
