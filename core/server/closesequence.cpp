#include "core/server/closesequence.h"

#include <sys/socket.h>

#include <cerrno>
#include <string>

#include "core/net/sys.h"
#include "core/server/connectionrecord.h"
#include "core/server/sessionreporter.h"

namespace sockwb {

namespace closesequence {

void beginGracefulClose(int fd) { sys::shutdown(fd, SHUT_WR); }

bool discardInput(int fd, SessionReporter& reporter, ConnectionRecord& record) {
    char buf[16384];
    const ssize_t n = sys::recv(fd, buf, sizeof buf);
    if (n > 0) {
        reporter.bytesMoved(record, true, std::string_view(buf, size_t(n)));
        return true;
    }
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

}  // namespace closesequence

ErrorInfo connectionError(const ConnectionRecord& record, const char* call, int err) {
    ErrorInfo info;
    info.call = call;
    info.err = err;
    info.address = record.peer.toString();
    info.detail = "connection " + std::to_string(record.id);
    return info;
}

}  // namespace sockwb
