#include "core/net/unixsocket.h"

#include <sys/stat.h>

#include <cerrno>

#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb {

namespace {

// True when nobody is bound to the socket file any more: a connect from a
// fresh socket of the same type is refused. A live peer accepts it (or its
// backlog is full: EAGAIN), and one of another type answers EPROTOTYPE.
bool nobodyAnswers(const Address& address, int type) {
    Socket probe = Socket::create(AF_UNIX, type | SOCK_NONBLOCK);
    return sys::connect(probe.fd(), address.sockaddrPtr(), address.length()) != 0 &&
           errno == ECONNREFUSED;
}

// True when path names a socket file (lstat: a symbolic link is not one).
// A plain stat of a file, not a socket call: untraced.
bool isSocketFile(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

void bindUnix(Socket& socket, const Address& address, int type) {
    if (sys::bind(socket.fd(), address.sockaddrPtr(), address.length()) == 0) return;
    const int err = errno;
    const std::string where = address.toString();
    if (err != EADDRINUSE || !address.isUnixPathName()) throw Error::fromErrno("bind", err, where);
    const std::string path = address.unixName();
    if (!isSocketFile(path) || !nobodyAnswers(address, type))
        throw Error::fromErrno("bind", EADDRINUSE, where);
    // A stale file: its server is gone. Remove it and bind again.
    if (sys::unlink(path.c_str()) != 0 && errno != ENOENT)
        throw Error::fromErrno("unlink", errno, where);
    if (sys::bind(socket.fd(), address.sockaddrPtr(), address.length()) != 0)
        throw Error::fromErrno("bind", errno, where);
}

void requireUnix(const Address& address) {
    if (!address.isUnix())
        throw Error::invalid("not a Unix-domain address: '" + address.toString() + "'",
                             "write unix:/path/to/socket");
}

}  // namespace

Socket unixListen(const Address& address, int backlog, bool nonBlocking) {
    requireUnix(address);
    Socket s = Socket::create(AF_UNIX, SOCK_STREAM | (nonBlocking ? SOCK_NONBLOCK : 0));
    bindUnix(s, address, SOCK_STREAM);
    try {
        s.listen(backlog);
    } catch (...) {
        s.close();
        removeUnixSocketFile(address);  // bound, so the file is ours
        throw;
    }
    return s;
}

Socket unixDatagramBind(const Address& address) {
    requireUnix(address);
    Socket s = Socket::create(AF_UNIX, SOCK_DGRAM);
    bindUnix(s, address, SOCK_DGRAM);
    return s;
}

Socket unixDatagramClient() {
    Socket s = Socket::create(AF_UNIX, SOCK_DGRAM);
    s.bind(Address::unixUnnamed());
    return s;
}

void removeUnixSocketFile(const Address& address) noexcept {
    if (!address.isUnixPathName()) return;
    const int saved = errno;
    sys::unlink(address.unixName().c_str());
    errno = saved;
}

}  // namespace sockwb
