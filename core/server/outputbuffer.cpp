#include "core/server/outputbuffer.h"

#include <cerrno>

#include "core/net/sys.h"
#include "core/server/sessionreporter.h"

namespace sockwb {

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
        bytes_.clear();
        pos_ = 0;
    } else if (pos_ > 65536 && pos_ * 2 > bytes_.size()) {
        bytes_.erase(0, pos_);
        pos_ = 0;
    }
    return result;
}

}  // namespace sockwb
