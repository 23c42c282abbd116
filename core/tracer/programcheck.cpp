#include "core/tracer/programcheck.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace sockwb::tracer {

namespace {

// execvp's search: a name with a '/' is a path (relative to the folder the
// program will run in), else each $PATH entry. Absolute when it could be made so.
std::string locate(const std::string& program, const std::string& workDir) {
    if (program.empty()) return {};
    if (program.find('/') != std::string::npos) {
        std::filesystem::path p(program);
        if (p.is_relative() && !workDir.empty()) p = std::filesystem::path(workDir) / p;
        std::error_code ec;
        const auto absolute = std::filesystem::absolute(p, ec);
        return (ec ? p : absolute).lexically_normal().string();
    }
    const char* env = std::getenv("PATH");
    std::string path = env ? env : "/usr/local/bin:/usr/bin:/bin";
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find(':', start);
        if (end == std::string::npos) end = path.size();
        std::string dir = path.substr(start, end - start);
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return {};
}

// Reads `size` bytes at `offset`; false when the file is shorter.
bool readAt(int fd, void* buf, size_t size, off_t offset) {
    return ::pread(fd, buf, size, offset) == static_cast<ssize_t>(size);
}

// A 64- or 32-bit ELF program: does a program header say PT_INTERP?
template <class Ehdr, class Phdr>
Traceability elfKind(int fd) {
    Ehdr eh;
    if (!readAt(fd, &eh, sizeof eh, 0) || eh.e_phentsize != sizeof(Phdr))
        return Traceability::NotElf;
    if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN) return Traceability::NotElf;
    for (unsigned i = 0; i < eh.e_phnum && i < 4096; ++i) {
        Phdr ph;
        if (!readAt(fd, &ph, sizeof ph, static_cast<off_t>(eh.e_phoff + i * sizeof ph)))
            return Traceability::NotElf;
        if (ph.p_type == PT_INTERP) return Traceability::Dynamic;
    }
    return Traceability::Static;
}

Traceability fileKind(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Traceability::NotExecutable;
    unsigned char ident[EI_NIDENT] = {};
    Traceability kind = Traceability::NotElf;
    if (readAt(fd, ident, 2, 0) && ident[0] == '#' && ident[1] == '!') {
        kind = Traceability::Script;
    } else if (readAt(fd, ident, sizeof ident, 0) && std::memcmp(ident, ELFMAG, SELFMAG) == 0) {
        kind = ident[EI_CLASS] == ELFCLASS64   ? elfKind<Elf64_Ehdr, Elf64_Phdr>(fd)
               : ident[EI_CLASS] == ELFCLASS32 ? elfKind<Elf32_Ehdr, Elf32_Phdr>(fd)
                                               : Traceability::NotElf;
    }
    ::close(fd);
    return kind;
}

}  // namespace

bool ProgramCheck::runnable() const {
    return what == Traceability::Dynamic || what == Traceability::Script ||
           what == Traceability::Static || what == Traceability::SetId;
}

bool ProgramCheck::traceable() const {
    return what == Traceability::Dynamic || what == Traceability::Script;
}

ProgramCheck checkProgram(const std::string& program, const std::string& workDir) {
    ProgramCheck c;
    c.path = locate(program, workDir);
    struct stat st;
    if (c.path.empty() || ::stat(c.path.c_str(), &st) != 0) {
        c.what = Traceability::NotFound;
        if (c.path.empty()) c.path = program;
        return c;
    }
    if (!S_ISREG(st.st_mode) || ::access(c.path.c_str(), X_OK) != 0) {
        c.what = Traceability::NotExecutable;
        return c;
    }
    c.what = fileKind(c.path);
    if (c.traceable() && (st.st_mode & (S_ISUID | S_ISGID))) c.what = Traceability::SetId;
    return c;
}

std::string englishSentence(const ProgramCheck& c) {
    switch (c.what) {
        case Traceability::Dynamic:
            return c.path + " is dynamically linked: its socket calls are traced";
        case Traceability::Script:
            return c.path + " is a script: the calls of its interpreter are traced";
        case Traceability::Static:
            return c.path +
                   " is statically linked: no dynamic loader runs, so LD_PRELOAD cannot trace it "
                   "(rebuild it without -static, or use strace -f)";
        case Traceability::SetId:
            return c.path +
                   " is setuid/setgid: the dynamic loader ignores LD_PRELOAD for it, so it cannot "
                   "be traced (run a copy without the setuid bit)";
        case Traceability::NotFound:
            return c.path + ": no such program (give its path, e.g. ./my_server)";
        case Traceability::NotExecutable:
            return c.path + " is not an executable file (chmod +x? a directory?)";
        case Traceability::NotElf:
            return c.path + " is neither an ELF program nor a script: it cannot run";
    }
    return {};
}

}  // namespace sockwb::tracer
