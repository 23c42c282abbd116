#include "core/tracer/tracedprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "core/net/error.h"

namespace sockwb::tracer {

namespace {

// posix_spawn's argument and environment arrays over strings kept alive by the caller.
std::vector<char*> cArray(const std::vector<std::string>& items, const std::string* first) {
    std::vector<char*> out;
    if (first) out.push_back(const_cast<char*>(first->c_str()));
    for (const auto& s : items) out.push_back(const_cast<char*>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

}  // namespace

TracedProcess::~TracedProcess() {
    if (pid_ > 0 && !reaped_) {
        ::kill(pid_, SIGKILL);
        wait();
    }
    closeOutput();
}

void TracedProcess::closeOutput() {
    closeFd(out_);
    closeFd(err_);
}

void TracedProcess::start(const LaunchSpec& spec) {
    int outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1};
    if (spec.captureOutput &&
        (::pipe2(outPipe, O_CLOEXEC) < 0 || ::pipe2(errPipe, O_CLOEXEC) < 0)) {
        const int e = errno;
        for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
            if (fd >= 0) ::close(fd);
        throw Error::fromErrno("pipe2", e);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (spec.captureOutput) {
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);
    }
    if (!spec.workDir.empty()) posix_spawn_file_actions_addchdir_np(&actions, spec.workDir.c_str());
    // Signals sockwb handles or ignores are the program's defaults again.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults, none;
    sigemptyset(&defaults);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT}) sigaddset(&defaults, s);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    auto argv = cArray(spec.args, &spec.path);
    auto envp = cArray(spec.env, nullptr);
    pid_t pid = -1;
    const int rc =
        ::posix_spawn(&pid, spec.path.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (spec.captureOutput) {
        ::close(outPipe[1]);
        ::close(errPipe[1]);
    }
    if (rc != 0) {
        if (spec.captureOutput) {
            ::close(outPipe[0]);
            ::close(errPipe[0]);
        }
        throw Error::fromErrno("posix_spawn", rc, {}, spec.path);
    }
    pid_ = pid;
    reaped_ = false;
    out_ = spec.captureOutput ? outPipe[0] : -1;
    err_ = spec.captureOutput ? errPipe[0] : -1;
}

int TracedProcess::wait() {
    if (pid_ <= 0) return -1;
    while (!reaped_) {
        if (::waitpid(pid_, &status_, 0) == pid_)
            reaped_ = true;
        else if (errno != EINTR)
            break;
    }
    if (WIFEXITED(status_)) return WEXITSTATUS(status_);
    if (WIFSIGNALED(status_)) return 128 + WTERMSIG(status_);
    return -1;
}

void TracedProcess::signal(int number) const {
    if (pid_ > 0 && !reaped_) ::kill(pid_, number);
}

}  // namespace sockwb::tracer
