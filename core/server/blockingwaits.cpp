#include "core/server/blockingwaits.h"

#include <signal.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "core/net/sys.h"

namespace sockwb {

namespace {

using Clock = std::chrono::steady_clock;

extern "C" void onWakeSignal(int) {}

// Once per process; fork children inherit it.
void installWakeHandler() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction sa {};
        sa.sa_handler = onWakeSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0;  // no SA_RESTART: the sleep must return EINTR
        ::sigaction(BlockingWaits::wakeSignal(), &sa, nullptr);
    });
}

}  // namespace

BlockingWaits::BlockingWaits() { installWakeHandler(); }

int BlockingWaits::wakeSignal() noexcept { return SIGRTMIN + 3; }

uint64_t BlockingWaits::watch(int fd) {
    if (fd < 0) return 0;
    std::lock_guard lock(mutex_);
    const uint64_t token = next_++;
    sockets_.emplace(token, fd);
    return token;
}

void BlockingWaits::unwatch(uint64_t token) {
    if (token == 0) return;
    std::lock_guard lock(mutex_);
    sockets_.erase(token);
}

bool BlockingWaits::sleepFor(Millis ms) {
    const auto until = Clock::now() + ms;
    uint64_t token;
    {
        std::lock_guard lock(mutex_);
        token = next_++;
        sleepers_.emplace(token, ::pthread_self());
    }
    bool slept = false;
    for (int round = 0; round < 1000; ++round) {
        if (stopping()) break;
        const auto left = std::chrono::ceil<Millis>(until - Clock::now()).count();
        if (left <= 0 || sys::nanosleep(left) == 0) {
            slept = true;
            break;
        }
        if (errno != EINTR) break;
    }
    std::lock_guard lock(mutex_);
    sleepers_.erase(token);
    return slept && !stopping();
}

bool BlockingWaits::signalSleepers() {
    std::lock_guard lock(mutex_);
    for (const auto& [token, thread] : sleepers_) ::pthread_kill(thread, wakeSignal());
    return !sleepers_.empty();
}

void BlockingWaits::wakeAll() {
    {
        std::lock_guard lock(mutex_);
        stopping_.store(true, std::memory_order_release);
        for (const auto& [token, fd] : sockets_) sys::shutdown(fd, SHUT_RDWR);
    }
    const auto until = Clock::now() + std::chrono::seconds(1);
    while (signalSleepers() && Clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

}  // namespace sockwb
