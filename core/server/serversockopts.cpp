#include "core/server/serversockopts.h"

#include <iterator>

namespace sockwb {

ServerSockopts::ServerSockopts(std::vector<SockoptSetting> settings)
    : settings_(std::move(settings)) {
    setsReuseAddr_ = findSetting(settings_, "SO_REUSEADDR") != nullptr;
    for (const auto& s : settings_) {
        const SockoptSpec* spec = findSockopt(s.name);
        if (spec && !spec->beforeBind) anyConnected_ = true;
    }
}

void ServerSockopts::applyToListener(Socket& socket, const std::string& label, bool datagram,
                                     bool readback) {
    if (settings_.empty()) return;
    auto got = applySockopts(socket.fd(), settings_, SockoptStage::BeforeBind);
    if (datagram) {
        auto more = applySockopts(socket.fd(), settings_, SockoptStage::Connected);
        got.insert(got.end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
    }
    if (!readback) return;
    std::lock_guard lock(mutex_);
    keep(listeners_, std::move(got), label, false);
}

void ServerSockopts::applyToAccepted(int fd, const std::string& label) {
    if (!anyConnected_) return;
    auto got = applySockopts(fd, settings_, SockoptStage::Connected);
    if (haveFirst_.load(std::memory_order_acquire)) return;
    std::lock_guard lock(mutex_);
    if (haveFirst_.load(std::memory_order_relaxed)) return;  // another thread was first
    keep(first_, std::move(got), label, true);
    haveFirst_.store(true, std::memory_order_release);
}

void ServerSockopts::keep(std::vector<SockoptReadback>& into, std::vector<SockoptReadback> got,
                          const std::string& label, bool accepted) {
    for (auto& r : got) {
        r.socket = label;
        r.accepted = accepted;
        into.push_back(std::move(r));
    }
}

std::vector<SockoptReadback> ServerSockopts::readback() const {
    std::lock_guard lock(mutex_);
    std::vector<SockoptReadback> out = listeners_;
    out.insert(out.end(), first_.begin(), first_.end());
    return out;
}

}  // namespace sockwb
