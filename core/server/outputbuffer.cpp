#include "core/server/outputbuffer.h"

#include <algorithm>
#include <cerrno>

#include "core/net/sys.h"
#include "core/server/sessionreporter.h"

namespace sockwb {

namespace {
constexpr size_t kKeep = 64 * 1024;  // what an emptied buffer may keep allocated
}

void OutputBuffer::append(std::string_view bytes) {
    const size_t unsent = size();
    if (bytes_.size() + bytes.size() > bytes_.capacity()) {
        // A new block of what is needed plus a quarter (std::string would
        // double), the sent bytes left behind on the way.
        const size_t need = unsent + bytes.size();
        std::string bigger;
        bigger.reserve(need + std::max(need / 4, kKeep));
        bigger.append(bytes_, pos_, unsent);
        bytes_.swap(bigger);
        pos_ = 0;
    }
    bytes_.append(bytes);
    charge_.set(bytes_.capacity());
}

OutputBuffer::Flushed OutputBuffer::flushTo(int fd, SessionReporter& reporter,
                                            ConnectionRecord& record) {
    Flushed result;
    while (pos_ < bytes_.size()) {
        const ssize_t n = sys::send(fd, bytes_.data() + pos_, bytes_.size() - pos_);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) result.err = errno;
            break;
        }
        reporter.bytesMoved(record, false, std::string_view(bytes_).substr(pos_, size_t(n)));
        pos_ += size_t(n);
        result.bytes += size_t(n);
    }
    if (pos_ == bytes_.size()) {
        // Empty: a large allocation goes back (a burst should not stay held).
        if (bytes_.capacity() > kKeep)
            std::string().swap(bytes_);
        else
            bytes_.clear();
        pos_ = 0;
    } else if (pos_ > 65536 && pos_ * 2 > bytes_.size()) {
        bytes_.erase(0, pos_);
        pos_ = 0;
    }
    charge_.set(bytes_.capacity());
    return result;
}

}  // namespace sockwb
