#pragma once
// poll(2) backend: one pollfd array, an fd -> slot index for O(1) updates,
// removal by swapping the last slot in.

#include <poll.h>

#include <unordered_map>
#include <vector>

#include "core/reactor/poller.h"

namespace sockwb {

class PollPoller final : public Poller {
public:
    const char* name() const noexcept override { return "poll"; }
    void add(int fd, unsigned interest) override;
    void modify(int fd, unsigned interest) override;
    void remove(int fd) override;
    int wait(int timeoutMs, std::vector<Ready>& out) override;

private:
    std::vector<pollfd> fds_;
    std::unordered_map<int, size_t> index_;
};

}  // namespace sockwb
