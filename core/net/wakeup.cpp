#include "core/net/wakeup.h"

#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb {

Wakeup::Wakeup() : fd_(sys::eventfdCreate()) {
    if (fd_ < 0) throw Error::fromErrno("eventfd", errno);
}

Wakeup::~Wakeup() { sys::eventfdClose(fd_); }

void Wakeup::notify() const { sys::eventfdSignal(fd_); }

uint64_t Wakeup::drain() const { return sys::eventfdDrain(fd_); }

}  // namespace sockwb
