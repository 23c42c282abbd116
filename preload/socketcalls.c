/* libsockwb-trace.so: the calls that make, name, connect and close sockets.
 * Each wrapper calls the C library's function and, when the channel is up,
 * reports it (swb.h); errno is what the C library left. */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <unistd.h>

#include "swb.h"

typedef int (*socket_fn)(int, int, int);
typedef int (*socketpair_fn)(int, int, int, int*);
typedef int (*addr_fn)(int, const struct sockaddr*, socklen_t);
typedef int (*int2_fn)(int, int);
typedef int (*accept_fn)(int, struct sockaddr*, socklen_t*);
typedef int (*accept4_fn)(int, struct sockaddr*, socklen_t*, int);
typedef int (*name_fn)(int, struct sockaddr*, socklen_t*);
typedef int (*close_fn)(int);
typedef int (*setsockopt_fn)(int, int, int, const void*, socklen_t);
typedef int (*getsockopt_fn)(int, int, int, void*, socklen_t*);
typedef int (*dup_fn)(int);
typedef int (*dup3_fn)(int, int, int);

SWB_EXPORT int socket(int domain, int type, int protocol) {
    SWB_NEXT(socket_fn, "socket");
    struct swb_call c;
    if (!swb_begin(&c, SWB_SOCKET, -1)) {
        int r = real(domain, type, protocol);
        if (r >= 0) swb_mark_socket(r);
        return r;
    }
    int r = real(domain, type, protocol);
    int e = errno;
    if (r >= 0) swb_mark_socket(r);
    c.rec.arg[0] = domain;
    c.rec.arg[1] = type;
    c.rec.arg[2] = protocol;
    swb_end(&c, r, r < 0, e);
    return r;
}

SWB_EXPORT int socketpair(int domain, int type, int protocol, int sv[2]) {
    SWB_NEXT(socketpair_fn, "socketpair");
    struct swb_call c;
    const int on = swb_begin(&c, SWB_SOCKETPAIR, -1);
    int r = real(domain, type, protocol, sv);
    int e = errno;
    if (r == 0) {
        swb_mark_socket(sv[0]);
        swb_mark_socket(sv[1]);
    }
    if (!on) return r;
    c.rec.arg[0] = domain;
    c.rec.arg[1] = type;
    c.rec.arg[2] = protocol;
    if (r == 0) swb_data(&c, sv, 2 * sizeof(int), 2 * sizeof(int));
    swb_end(&c, r, r < 0, e);
    return r;
}

/* bind and connect: a descriptor and an address; then the socket's own name
 * (a connect under way, EINPROGRESS, has one already). */
static int addr_call(int call, const char* name, void** slot, int fd, const struct sockaddr* addr,
                     socklen_t len) {
    addr_fn real = (addr_fn)swb_next(slot, name);
    if (!real) {
        errno = ENOSYS;
        return -1;
    }
    struct swb_call c;
    if (!swb_begin(&c, call, fd)) return real(fd, addr, len);
    int r = real(fd, addr, len);
    int e = errno;
    swb_addr(&c, addr, len);
    if (r == 0 || (call == SWB_CONNECT && e == EINPROGRESS)) swb_local(&c, fd);
    swb_end(&c, r, r < 0, e);
    return r;
}

static void* g_bind_slot;
static void* g_connect_slot;

SWB_EXPORT int bind(int fd, const struct sockaddr* addr, socklen_t len) {
    return addr_call(SWB_BIND, "bind", &g_bind_slot, fd, addr, len);
}

SWB_EXPORT int connect(int fd, const struct sockaddr* addr, socklen_t len) {
    return addr_call(SWB_CONNECT, "connect", &g_connect_slot, fd, addr, len);
}

/* listen and shutdown: a descriptor and a number. */
static int int_call(int call, const char* name, void** slot, int fd, int value) {
    int2_fn real = (int2_fn)swb_next(slot, name);
    if (!real) {
        errno = ENOSYS;
        return -1;
    }
    struct swb_call c;
    if (!swb_begin(&c, call, fd)) return real(fd, value);
    int r = real(fd, value);
    int e = errno;
    c.rec.arg[0] = value;
    if (call == SWB_LISTEN && r == 0) swb_local(&c, fd);
    swb_end(&c, r, r < 0, e);
    return r;
}

static void* g_listen_slot;
static void* g_shutdown_slot;

SWB_EXPORT int listen(int fd, int backlog) {
    return int_call(SWB_LISTEN, "listen", &g_listen_slot, fd, backlog);
}

SWB_EXPORT int shutdown(int fd, int how) {
    return int_call(SWB_SHUTDOWN, "shutdown", &g_shutdown_slot, fd, how);
}

/* accept and accept4: the peer's address as the kernel wrote it (asked
 * again when the program gave no room for it, or too little), and the new
 * socket's own name. */
static void accepted(struct swb_call* c, int r, int e, const struct sockaddr* addr,
                     const socklen_t* len, socklen_t room) {
    if (r >= 0) {
        swb_mark_socket(r);
        if (addr && len && *len <= room) {
            swb_addr(c, addr, *len);
        } else {
            swb_peer_asked(c, r);
            c->rec.addr_len = addr && len ? *len : 0; /* what the program was told */
        }
        swb_local(c, r);
    }
    swb_end(c, r, r < 0, e);
}

SWB_EXPORT int accept(int fd, struct sockaddr* addr, socklen_t* len) {
    SWB_NEXT(accept_fn, "accept");
    struct swb_call c;
    if (!swb_begin(&c, SWB_ACCEPT, fd)) {
        int r = real(fd, addr, len);
        if (r >= 0) swb_mark_socket(r);
        return r;
    }
    socklen_t room = len ? *len : 0;
    int r = real(fd, addr, len);
    accepted(&c, r, errno, addr, len, room);
    return r;
}

SWB_EXPORT int accept4(int fd, struct sockaddr* addr, socklen_t* len, int flags) {
    SWB_NEXT(accept4_fn, "accept4");
    struct swb_call c;
    if (!swb_begin(&c, SWB_ACCEPT4, fd)) {
        int r = real(fd, addr, len, flags);
        if (r >= 0) swb_mark_socket(r);
        return r;
    }
    socklen_t room = len ? *len : 0;
    int r = real(fd, addr, len, flags);
    int e = errno;
    c.rec.arg[1] = flags;
    accepted(&c, r, e, addr, len, room);
    return r;
}

/* getsockname and getpeername: the address the kernel answered. */
static int name_call(int call, const char* name, void** slot, int fd, struct sockaddr* addr,
                     socklen_t* len) {
    name_fn real = (name_fn)swb_next(slot, name);
    if (!real) {
        errno = ENOSYS;
        return -1;
    }
    struct swb_call c;
    if (!swb_begin(&c, call, fd)) return real(fd, addr, len);
    int r = real(fd, addr, len);
    int e = errno;
    if (r == 0 && addr && len) swb_addr(&c, addr, *len);
    swb_end(&c, r, r < 0, e);
    return r;
}

static void* g_getsockname_slot;
static void* g_getpeername_slot;

SWB_EXPORT int getsockname(int fd, struct sockaddr* addr, socklen_t* len) {
    return name_call(SWB_GETSOCKNAME, "getsockname", &g_getsockname_slot, fd, addr, len);
}

SWB_EXPORT int getpeername(int fd, struct sockaddr* addr, socklen_t* len) {
    return name_call(SWB_GETPEERNAME, "getpeername", &g_getpeername_slot, fd, addr, len);
}

SWB_EXPORT int setsockopt(int fd, int level, int name, const void* value, socklen_t len) {
    SWB_NEXT(setsockopt_fn, "setsockopt");
    struct swb_call c;
    if (!swb_begin(&c, SWB_SETSOCKOPT, fd)) return real(fd, level, name, value, len);
    int r = real(fd, level, name, value, len);
    int e = errno;
    c.rec.arg[0] = level;
    c.rec.arg[1] = name;
    swb_data(&c, value, len, len);
    swb_end(&c, r, r < 0, e);
    return r;
}

SWB_EXPORT int getsockopt(int fd, int level, int name, void* value, socklen_t* len) {
    SWB_NEXT(getsockopt_fn, "getsockopt");
    struct swb_call c;
    if (!swb_begin(&c, SWB_GETSOCKOPT, fd)) return real(fd, level, name, value, len);
    int r = real(fd, level, name, value, len);
    int e = errno;
    c.rec.arg[0] = level;
    c.rec.arg[1] = name;
    if (r == 0 && len) swb_data(&c, value, *len, *len);
    swb_end(&c, r, r < 0, e);
    return r;
}

/* close: traced for sockets, and for a descriptor that is not open (closing
 * twice is a classic mistake). The library's own channel is not the
 * program's to see, but if the program closes it, it is closed. */
SWB_EXPORT int close(int fd) {
    SWB_NEXT(close_fn, "close");
    swb_release_if_channel(fd);
    int traced = swb_is_socket(fd);
    if (!traced) {
        int saved = errno;
        struct stat st;
        traced = fd >= 0 && fstat(fd, &st) < 0 && errno == EBADF;
        errno = saved;
    }
    struct swb_call c;
    if (!traced || !swb_begin(&c, SWB_CLOSE, fd)) {
        int r = real(fd);
        swb_forget_fd(fd);
        return r;
    }
    int r = real(fd);
    int e = errno;
    swb_forget_fd(fd);
    swb_end(&c, r, r < 0, e);
    return r;
}

/* The dup family is not traced, but a new number is a new descriptor: what it
 * was before (socket or not) no longer holds. */
SWB_EXPORT int dup(int fd) {
    SWB_NEXT(dup_fn, "dup");
    int r = real(fd);
    if (r >= 0) swb_forget_fd(r);
    return r;
}

SWB_EXPORT int dup2(int fd, int fd2) {
    SWB_NEXT(int2_fn, "dup2");
    if (fd != fd2) swb_release_if_channel(fd2);
    int r = real(fd, fd2);
    if (r >= 0) swb_forget_fd(r);
    return r;
}

SWB_EXPORT int dup3(int fd, int fd2, int flags) {
    SWB_NEXT(dup3_fn, "dup3");
    swb_release_if_channel(fd2);
    int r = real(fd, fd2, flags);
    if (r >= 0) swb_forget_fd(r);
    return r;
}
