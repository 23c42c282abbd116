#include "core/server/errorthrottle.h"

#include <utility>

namespace sockwb {

ErrorThrottle::Decision ErrorThrottle::failed(Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (reported_ && now - lastReport_ < interval_) {
        ++skipped_;
        return {};
    }
    reported_ = true;
    lastReport_ = now;
    return {true, std::exchange(skipped_, 0)};
}

uint64_t ErrorThrottle::settle() {
    std::lock_guard lock(mutex_);
    reported_ = false;
    return std::exchange(skipped_, 0);
}

}  // namespace sockwb
