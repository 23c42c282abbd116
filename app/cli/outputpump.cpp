#include "app/cli/outputpump.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "core/net/sys.h"

namespace sockwb::app {

OutputPump::OutputPump(int outFd, int errFd, Sink sink)
    : fds_{outFd, errFd}, sink_(std::move(sink)) {
    thread_ = std::thread([this] { run(); });
}

OutputPump::~OutputPump() { finish(Millis(0)); }

void OutputPump::finish(Millis timeout) {
    if (!thread_.joinable()) return;
    {
        // The thread ends by itself at both EOFs; past the timeout it is told to stop.
        std::unique_lock lock(mutex_);
        ended_.wait_for(lock, timeout, [this] { return done_; });
    }
    stop_.notify();
    thread_.join();
}

void OutputPump::run() {
    char buf[4096];
    int open = 2;
    while (open > 0 && !readRound(buf, sizeof buf, open)) {
    }
    std::lock_guard lock(mutex_);
    done_ = true;
    ended_.notify_all();
}

bool OutputPump::readRound(char* buf, size_t size, int& open) {
    static const char* const kNames[2] = {"stdout", "stderr"};
    pollfd p[3] = {{stop_.fd(), POLLIN, 0}, {fds_[0], POLLIN, 0}, {fds_[1], POLLIN, 0}};
    if (sys::poll(p, 3, -1) < 0) return false;
    for (int i = 0; i < 2; ++i) {
        if (fds_[i] < 0 || !p[i + 1].revents) continue;
        const ssize_t n = ::read(fds_[i], buf, size);
        if (n > 0) {
            sink_(kNames[i], std::string_view(buf, static_cast<size_t>(n)));
        } else if (n == 0 || errno != EINTR) {
            fds_[i] = -1;  // poll ignores negative fds
            --open;
        }
    }
    return p[0].revents != 0;
}

}  // namespace sockwb::app
