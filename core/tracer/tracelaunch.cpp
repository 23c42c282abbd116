#include "core/tracer/tracelaunch.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/tracer/tracewire.h"

extern char** environ;

#ifndef SOCKWB_TRACE_LIB_RELDIR
#define SOCKWB_TRACE_LIB_RELDIR "../lib/sockwb"
#endif

namespace sockwb::tracer {

namespace {

// Sets NAME=value in env, replacing an earlier entry.
void setEntry(std::vector<std::string>& env, const std::string& name, const std::string& value) {
    const std::string prefix = name + "=";
    for (auto& e : env) {
        if (e.compare(0, prefix.size(), prefix) == 0) {
            e = prefix + value;
            return;
        }
    }
    env.push_back(prefix + value);
}

std::string entryValue(const std::vector<std::string>& env, const std::string& name) {
    const std::string prefix = name + "=";
    for (const auto& e : env)
        if (e.compare(0, prefix.size(), prefix) == 0) return e.substr(prefix.size());
    return {};
}

}  // namespace

std::string selfDirectory() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string{} : exe.parent_path().string();
}

std::vector<std::string> traceLibraryCandidates(const std::string& exeDir) {
    std::vector<std::string> out;
    if (const char* forced = std::getenv("SOCKWB_TRACE_LIB"); forced && *forced)
        out.emplace_back(forced);
    if (!exeDir.empty()) {
        out.push_back(exeDir + "/" + kTraceLibraryName);
        const auto installed =
            (std::filesystem::path(exeDir) / SOCKWB_TRACE_LIB_RELDIR / kTraceLibraryName)
                .lexically_normal();
        out.push_back(installed.string());
    }
    return out;
}

std::string findTraceLibrary(const std::string& exeDir) {
    for (const auto& candidate : traceLibraryCandidates(exeDir))
        if (::access(candidate.c_str(), R_OK) == 0) return candidate;
    return {};
}

std::vector<std::string> tracedEnvironment(std::vector<std::string> env, const std::string& library,
                                           const std::string& socketPath) {
    const std::string preloaded = entryValue(env, "LD_PRELOAD");
    setEntry(env, "LD_PRELOAD", preloaded.empty() ? library : library + ":" + preloaded);
    setEntry(env, SOCKWB_TRACE_ENV, socketPath);
    return env;
}

std::vector<std::string> currentEnvironment() {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
    return env;
}

}  // namespace sockwb::tracer
