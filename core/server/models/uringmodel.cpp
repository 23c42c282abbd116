#include "core/server/models/uringmodel.h"

#include "core/net/error.h"
#include "core/server/models/uringprobe.h"
#include "core/server/servercore.h"
#include "core/server/uringloop.h"

namespace sockwb {

UringModel::UringModel() = default;

UringModel::~UringModel() { stop(); }

void UringModel::start(ServerCore& core) {
    core_ = &core;
    if (const std::string why = ioUringUnavailableReason(); !why.empty())
        throw Error::unsupported(why);
    // Every ring first: a refusal leaves nothing running.
    const size_t n = std::max<size_t>(1, core.loopCount());
    for (size_t k = 0; k < n; ++k) loops_.push_back(std::make_unique<UringLoop>(core, k));
    for (size_t k = 0; k < n; ++k)
        threads_.emplace_back([this, k] {
            ServerThreadScope scope(*core_, "io_uring loop " + std::to_string(k));
            loops_[k]->run();
        });
}

void UringModel::stop() {
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
    loops_.clear();
}

}  // namespace sockwb
