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

int idleLeftMs(SessionReporter& reporter, const ConnectionRecord& record, int idleMs,
               std::chrono::steady_clock::time_point lastActivity) {
    const auto quiet =
        std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now() - lastActivity).count();
    if (quiet < idleMs) return int(idleMs - quiet);
    reporter.log("closing connection " + std::to_string(record.id) + " from " +
                 record.peer.toString() + ": idle for " + std::to_string(idleMs) + " ms");
    return 0;
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
