#pragma once
// select(2) backend: fd_sets rebuilt on every wait from the interest map.
// The classic limit is kept visible: an fd >= FD_SETSIZE cannot be watched.

#include <map>

#include "core/reactor/poller.h"

namespace sockwb {

class SelectPoller final : public Poller {
public:
    const char* name() const noexcept override { return "select"; }
    bool canWatch(int fd) const noexcept override;
    void add(int fd, unsigned interest) override;
    void modify(int fd, unsigned interest) override;
    void remove(int fd) override;
    int wait(int timeoutMs, std::vector<Ready>& out) override;

private:
    std::map<int, unsigned> interest_;  // ordered: the largest fd is last
};

}  // namespace sockwb
