#pragma once
// The named socket options of one running server (ServerConfig::sockopts,
// core/net/sockopt.h): set on each listener before its bind() and on every
// accepted socket, with what the kernel read back kept for
// Server::sockoptReadback(): every listener's, then the first accepted
// connection's (the later ones get the same options). Thread-safe: the
// listeners are opened on the caller's thread, sockets are accepted on any
// model thread, the read back is asked from any thread.

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "core/net/socket.h"
#include "core/net/sockopt.h"

namespace sockwb {

class ServerSockopts {
public:
    explicit ServerSockopts(std::vector<SockoptSetting> settings);

    bool empty() const noexcept { return settings_.empty(); }
    // An SO_REUSEADDR among the settings: it replaces ServerConfig::reuseAddr.
    bool setsReuseAddr() const noexcept { return setsReuseAddr_; }

    // A listener before bind(): the BeforeBind options; a datagram socket
    // also gets the Connected ones (it has no accepted sockets to carry
    // them). label names the listener ("echo/tcp"). A further loop's copy
    // of a listener (ServerConfig::loops) gets the options without a second
    // read-back: readback=false.
    void applyToListener(Socket& socket, const std::string& label, bool datagram,
                         bool readback = true);
    // An accepted socket: the Connected options (the BeforeBind ones were
    // inherited from the listener). Nothing is asked of the kernel when
    // there are none.
    void applyToAccepted(int fd, const std::string& label);

    // The listeners' read back, then the first accepted connection's.
    std::vector<SockoptReadback> readback() const;

private:
    void keep(std::vector<SockoptReadback>& into, std::vector<SockoptReadback> got,
              const std::string& label, bool accepted);

    const std::vector<SockoptSetting> settings_;
    bool setsReuseAddr_ = false;
    bool anyConnected_ = false;  // some option is for accepted sockets
    std::atomic<bool> haveFirst_{false};
    mutable std::mutex mutex_;  // guards listeners_, first_
    std::vector<SockoptReadback> listeners_;
    std::vector<SockoptReadback> first_;
};

}  // namespace sockwb
