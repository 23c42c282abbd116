#pragma once
// Thin syscall wrappers (the first of the core's two layers, in the manner
// of redis' anet.c). Each one makes exactly one call, settles the errno
// policy (EINTR is retried where retrying is correct) and reports a
// TraceEvent when an observer is attached. They return what the syscall
// returns and leave errno set; the RAII types in socket.h turn failures into
// sockwb::Error. All are thread-safe as the underlying syscalls are.

#include <netdb.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <cstdint>

// The text helpers (familyName, sockaddrText, dataPreview...) live in
// systext.h; included here for the callers that format with them.
#include "core/net/systext.h"

namespace sockwb::sys {

int socket(int domain, int type, int protocol);
int bind(int fd, const sockaddr* addr, socklen_t len);
int listen(int fd, int backlog);
// accept4 with SOCK_CLOEXEC added; retries EINTR.
int accept(int fd, sockaddr* addr, socklen_t* len, int flags = 0);
int connect(int fd, const sockaddr* addr, socklen_t len);
// send with MSG_NOSIGNAL added; retries EINTR.
ssize_t send(int fd, const void* buf, size_t len, int flags = 0);
// recv; retries EINTR.
ssize_t recv(int fd, void* buf, size_t len, int flags = 0);
ssize_t sendto(int fd, const void* buf, size_t len, int flags, const sockaddr* to, socklen_t tolen);
ssize_t recvfrom(int fd, void* buf, size_t len, int flags, sockaddr* from, socklen_t* fromlen);
int shutdown(int fd, int how);
// ioctl with an int argument (FIONREAD: bytes waiting to be read).
int ioctlInt(int fd, unsigned long request, int* value);
// close; never retried (Linux releases the fd even when EINTR is returned).
int close(int fd);
int setsockopt(int fd, int level, int name, const void* value, socklen_t len);
int getsockopt(int fd, int level, int name, void* value, socklen_t* len);
int getsockname(int fd, sockaddr* addr, socklen_t* len);
int getpeername(int fd, sockaddr* addr, socklen_t* len);
// poll; EINTR is returned as 0 ready descriptors (the caller loops anyway).
int poll(pollfd* fds, nfds_t n, int timeoutMs);
int select(int nfds, fd_set* r, fd_set* w, fd_set* e, timeval* timeout);
int epollCreate();
int epollCtl(int epfd, int op, int fd, epoll_event* ev);
int epollWait(int epfd, epoll_event* events, int max, int timeoutMs);
int setNonBlocking(int fd, bool on);
int getaddrinfo(const char* host, const char* service, const addrinfo* hints, addrinfo** res);
pid_t fork();
// unlink(2): removes a Unix-domain socket's file (at stop, or a stale one
// left by a server that died). Traced: the course's servers call it too.
int unlink(const char* path);
// clock_nanosleep(CLOCK_MONOTONIC), what sleep(1) and usleep() become: the
// blocking models' pause between two timed events (the clock's ticks).
// Traced as "nanosleep" with the pause asked. NOT retried on EINTR: a
// signal interrupting the sleep is how a stopping server wakes a sleeping
// thread, so -1 with errno EINTR is returned (and traced) to the caller.
int nanosleep(int64_t ms);

// Internal plumbing, never traced: the eventfds that wake a loop, a poll or a
// worker are not part of the socket API a student is watching, and a trace
// row per wakeup would bury the calls that are. Use Wakeup (wakeup.h).
// eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK).
int eventfdCreate();
// Adds one to the counter; retries EINTR. EAGAIN (counter full) is success.
int eventfdSignal(int fd);
// Reads and resets the counter: the sum of the signals since the last drain,
// 0 when none (EAGAIN). Retries EINTR.
uint64_t eventfdDrain(int fd);
// close(2) for an eventfd, untraced.
int eventfdClose(int fd);

// getsockname/getpeername, untraced, for the text that words a message:
// Socket::localText()/peerText() run while an Error is built from a failed
// call, so a traced row there would be a call the program never made
// (often failing, ENOTCONN), wedged between the failure and its report.
// Code that asks for an address (Socket::localAddress) uses the traced ones.
int getsocknameUntraced(int fd, sockaddr* addr, socklen_t* len);
int getpeernameUntraced(int fd, sockaddr* addr, socklen_t* len);

}  // namespace sockwb::sys
