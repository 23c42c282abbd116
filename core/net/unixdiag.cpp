// unix_diag answers into SocketEntry, the name spelt as ss spells it. See
// sockdiagparse.h.

#include <linux/rtnetlink.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

#include <cstring>

#include "core/net/sockdiagparse.h"

namespace sockwb::diag {

std::string unixName(const char* bytes, size_t length) {
    if (length == 0) return "*";
    std::string name(bytes, length);
    if (name[0] == '\0') {
        for (char& c : name)
            if (c == '\0') c = '@';
    } else {
        // A path: sun_path may carry its terminating NUL; ss stops there.
        name.resize(std::strlen(name.c_str()));
    }
    return name.empty() ? "*" : name;
}

std::optional<SocketEntry> parseUnixMessage(const void* payload, size_t length) {
    if (length < sizeof(unix_diag_msg)) return std::nullopt;
    unix_diag_msg m;
    std::memcpy(&m, payload, sizeof m);
    if (m.udiag_family != AF_UNIX) return std::nullopt;
    SocketEntry e;
    e.protocol = SocketEntry::Protocol::Unix;
    e.family = AF_UNIX;
    e.sockType = m.udiag_type;
    e.state = m.udiag_state;
    e.inode = m.udiag_ino;
    e.local = "*";
    e.peer = "*";
    const auto* bytes = static_cast<const unsigned char*>(payload);
    const size_t start = NLMSG_ALIGN(sizeof(unix_diag_msg));
    if (length <= start) return e;
    forEachAttribute(bytes + start, length - start,
                     [&](int type, const unsigned char* data, size_t size) {
                         uint32_t word = 0;
                         if (size >= sizeof word) std::memcpy(&word, data, sizeof word);
                         switch (type) {
                             case UNIX_DIAG_NAME:
                                 e.local = unixName(reinterpret_cast<const char*>(data), size);
                                 break;
                             case UNIX_DIAG_PEER:
                                 if (size >= sizeof word) e.peerInode = word;
                                 break;
                             case UNIX_DIAG_RQLEN:
                                 if (size >= sizeof(unix_diag_rqlen)) {
                                     unix_diag_rqlen q;
                                     std::memcpy(&q, data, sizeof q);
                                     e.recvQ = q.udiag_rqueue;
                                     e.sendQ = q.udiag_wqueue;
                                 }
                                 break;
                             case UNIX_DIAG_UID:
                                 if (size >= sizeof word) e.uid = word;
                                 break;
                             case UNIX_DIAG_SHUTDOWN:
                                 if (size >= 1) e.shutdown = data[0] & 3;
                                 break;
                             default:
                                 break;
                         }
                     });
    return e;
}

}  // namespace sockwb::diag
