#pragma once
// Unix-domain sockets (AF_UNIX) on a path or an abstract name: a listening
// stream socket, a bound datagram socket, an autobound datagram client, and
// the socket file's life. No IP or TCP option is ever set on them:
// SO_REUSEADDR and TCP_NODELAY mean nothing for AF_UNIX.
//
// A stale socket file (a server that died without removing it) is handled at
// bind: when bind fails with EADDRINUSE, the path is a socket file and a
// connect to it is refused (ECONNREFUSED: nobody is bound to it any more),
// the file is unlinked and bind tried once more, all of it in the trace.
// When somebody answers, or the path is not a socket file, bind fails with
// EADDRINUSE naming the path: nothing that might be in use is removed.
// Free functions, thread-safe as the syscalls are.

#include "core/net/address.h"
#include "core/net/socket.h"

namespace sockwb {

// socket(AF_UNIX, SOCK_STREAM) + bind (stale file handled) + listen. Throws
// Error, with nothing left open or created.
Socket unixListen(const Address& address, int backlog, bool nonBlocking);
// socket(AF_UNIX, SOCK_DGRAM) + bind (stale file handled). Throws Error.
Socket unixDatagramBind(const Address& address);
// socket(AF_UNIX, SOCK_DGRAM) bound to the unnamed address: Linux autobinds
// an abstract name ("unix:@0001f"), so a server's answers find their way
// back and no file is left to remove. Throws Error.
Socket unixDatagramClient();
// Removes the socket file of a path address (abstract and unnamed ones have
// none). A file already gone is fine. Never throws.
void removeUnixSocketFile(const Address& address) noexcept;

}  // namespace sockwb
