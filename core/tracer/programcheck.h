#pragma once
// ProgramCheck: can libsockwb-trace.so see this program's calls? Read from
// the file before running it. LD_PRELOAD works only where the dynamic loader
// runs: an ELF with a PT_INTERP header. A static binary has none (nothing to
// preload into); a setuid/setgid program runs with LD_PRELOAD ignored; a
// script is traced through its interpreter. Calls made with syscall(2) or
// inline assembly never pass through the C library and are never seen, in
// any program. Pure functions of the file: thread-safe.

#include <string>

namespace sockwb::tracer {

enum class Traceability {
    Dynamic,        // an ELF program with an interpreter: traced
    Script,         // "#!": its interpreter is traced (when it is dynamic)
    Static,         // an ELF without PT_INTERP: runs, but nothing is traced
    SetId,          // setuid/setgid: the loader ignores LD_PRELOAD
    NotFound,       // no such file (or not on $PATH)
    NotExecutable,  // not a regular file, or no execute permission
    NotElf,         // neither an ELF program nor a script
};

struct ProgramCheck {
    Traceability what = Traceability::NotFound;
    std::string path;  // the file found (PATH searched when no '/')
    // Whether the program can run at all (Static and SetId can, untraced).
    bool runnable() const;
    // Whether the tracer will see its calls.
    bool traceable() const;
};

// Finds `program` as execvp would once in `workDir` ("" = the current
// folder): "./srv" is workDir's; path is then absolute. Reads its header.
ProgramCheck checkProgram(const std::string& program, const std::string& workDir = {});

// One English sentence for the CLI: what is traced or why not.
std::string englishSentence(const ProgramCheck& check);

}  // namespace sockwb::tracer
