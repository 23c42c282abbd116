#include "core/reactor/poller.h"

#include "core/reactor/epollpoller.h"
#include "core/reactor/pollpoller.h"
#include "core/reactor/selectpoller.h"

namespace sockwb {

std::unique_ptr<Poller> makePoller(std::string_view name) {
    if (name == "select") return std::make_unique<SelectPoller>();
    if (name == "poll") return std::make_unique<PollPoller>();
    if (name == "epoll") return std::make_unique<EpollPoller>();
    return nullptr;
}

}  // namespace sockwb
