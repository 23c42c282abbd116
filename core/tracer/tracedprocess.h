#pragma once
// TracedProcess: the program `sockwb trace` runs, started with posix_spawn
// (fork's cost without its hazards in a threaded process) in sockwb's own
// process group, so Ctrl-C in the terminal reaches it as it reaches sockwb.
// Its standard output and error are inherited, or piped to the caller
// (outputFd/errorFd) when capture is asked. One owning thread; signal() is
// async-signal-safe.

#include <sys/types.h>

#include <string>
#include <vector>

namespace sockwb::tracer {

struct LaunchSpec {
    std::string path;               // the file to run (checkProgram().path)
    std::vector<std::string> args;  // argv[1..]
    std::vector<std::string> env;   // "NAME=value", the whole environment
    std::string workDir;            // "" = the current directory
    bool captureOutput = false;     // pipe stdout/stderr instead of inheriting them
};

class TracedProcess {
public:
    TracedProcess() = default;
    // Kills (SIGKILL) and reaps a program still running.
    ~TracedProcess();
    TracedProcess(const TracedProcess&) = delete;
    TracedProcess& operator=(const TracedProcess&) = delete;

    // Starts the program. argv[0] is spec.path. Throws Error ("posix_spawn",
    // errno: ENOENT, EACCES, ENOEXEC...) with nothing left running.
    void start(const LaunchSpec& spec);
    pid_t pid() const { return pid_; }
    // The read ends of the pipes (captureOutput), -1 otherwise; the caller
    // reads them until EOF and may close them (then they are set to -1).
    int outputFd() const { return out_; }
    int errorFd() const { return err_; }
    void closeOutput();

    // Waits for the end; returns the exit code, or 128 + the signal number
    // as a shell does. Retries EINTR. Idempotent.
    int wait();
    // Sends a signal to the program (if still running). Async-signal-safe.
    void signal(int number) const;
    // The raw wait status after wait().
    int rawStatus() const { return status_; }

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
    int out_ = -1;
    int err_ = -1;
};

}  // namespace sockwb::tracer
