/* libsockwb-trace.so: the calls that move bytes. Each record carries the
 * first bytes (a preview, SOCKWB_TRACE_DATA_MAX) and the length asked;
 * read/write are traced only on sockets. The _chk variants are what a
 * program built with _FORTIFY_SOURCE (Debian's default with -O2) calls. */
#define _GNU_SOURCE
#include <sys/uio.h>
#include <unistd.h>

#include "swb.h"

typedef ssize_t (*send_fn)(int, const void*, size_t, int);
typedef ssize_t (*sendto_fn)(int, const void*, size_t, int, const struct sockaddr*, socklen_t);
typedef ssize_t (*msg_fn)(int, const struct msghdr*, int);
typedef ssize_t (*recvmsg_fn)(int, struct msghdr*, int);
typedef ssize_t (*recv_fn)(int, void*, size_t, int);
typedef ssize_t (*recvfrom_fn)(int, void*, size_t, int, struct sockaddr*, socklen_t*);
typedef ssize_t (*read_fn)(int, void*, size_t);
typedef ssize_t (*write_fn)(int, const void*, size_t);
typedef ssize_t (*read_chk_fn)(int, void*, size_t, size_t);
typedef ssize_t (*recv_chk_fn)(int, void*, size_t, size_t, int);
typedef ssize_t (*recvfrom_chk_fn)(int, void*, size_t, size_t, int, struct sockaddr*, socklen_t*);

/* The data of a finished call: what was sent (the buffer asked) or what was
 * received (the r bytes that arrived). */
static void finish_io(struct swb_call* c, const void* buf, size_t asked, ssize_t r, int received,
                      int e) {
    /* MSG_TRUNC: a datagram's whole length, more than the buffer holds. */
    size_t shown = received ? (r > 0 ? ((size_t)r < asked ? (size_t)r : asked) : 0) : asked;
    swb_data(c, buf, shown, asked);
    swb_end(c, r, r < 0, e);
}

/* The first bytes of a scatter/gather array, at most `limit`. */
static void gather(struct swb_call* c, const struct msghdr* m, size_t limit) {
    size_t asked = 0, got = 0;
    for (size_t i = 0; i < (size_t)m->msg_iovlen; ++i) {
        const struct iovec* v = &m->msg_iov[i];
        asked += v->iov_len;
        size_t room = SOCKWB_TRACE_DATA_MAX - got;
        size_t take = v->iov_len < room ? v->iov_len : room;
        if (take > limit - got) take = limit - got;
        if (take) __builtin_memcpy(c->rec.data + got, v->iov_base, take);
        got += take;
    }
    c->rec.data_stored = (uint16_t)got;
    c->rec.data_len = (uint32_t)asked;
}

SWB_EXPORT ssize_t send(int fd, const void* buf, size_t len, int flags) {
    SWB_NEXT(send_fn, "send");
    struct swb_call c;
    if (!swb_begin(&c, SWB_SEND, fd)) return real(fd, buf, len, flags);
    ssize_t r = real(fd, buf, len, flags);
    c.rec.arg[1] = flags;
    finish_io(&c, buf, len, r, 0, errno);
    return r;
}

SWB_EXPORT ssize_t sendto(int fd, const void* buf, size_t len, int flags, const struct sockaddr* to,
                          socklen_t tolen) {
    SWB_NEXT(sendto_fn, "sendto");
    struct swb_call c;
    if (!swb_begin(&c, SWB_SENDTO, fd)) return real(fd, buf, len, flags, to, tolen);
    ssize_t r = real(fd, buf, len, flags, to, tolen);
    int e = errno;
    c.rec.arg[1] = flags;
    swb_addr(&c, to, tolen);
    swb_local(&c, fd); /* a first sendto binds the socket */
    finish_io(&c, buf, len, r, 0, e);
    return r;
}

SWB_EXPORT ssize_t sendmsg(int fd, const struct msghdr* m, int flags) {
    SWB_NEXT(msg_fn, "sendmsg");
    struct swb_call c;
    if (!swb_begin(&c, SWB_SENDMSG, fd)) return real(fd, m, flags);
    ssize_t r = real(fd, m, flags);
    int e = errno;
    c.rec.arg[1] = flags;
    if (m) {
        swb_addr(&c, (const struct sockaddr*)m->msg_name, m->msg_name ? m->msg_namelen : 0);
        gather(&c, m, SOCKWB_TRACE_DATA_MAX);
    }
    swb_local(&c, fd);
    swb_end(&c, r, r < 0, e);
    return r;
}

SWB_EXPORT ssize_t recvmsg(int fd, struct msghdr* m, int flags) {
    SWB_NEXT(recvmsg_fn, "recvmsg");
    struct swb_call c;
    if (!swb_begin(&c, SWB_RECVMSG, fd)) return real(fd, m, flags);
    socklen_t room = m ? m->msg_namelen : 0;
    ssize_t r = real(fd, m, flags);
    int e = errno;
    c.rec.arg[1] = flags;
    if (m) {
        if (r >= 0 && m->msg_name)
            swb_addr_within(&c, (const struct sockaddr*)m->msg_name, m->msg_namelen, room);
        gather(&c, m, r > 0 ? (size_t)r : 0);
    }
    if (r >= 0) swb_local(&c, fd);
    swb_end(&c, r, r < 0, e);
    return r;
}

/* recv, recvfrom and their _chk twins share these two. */
static ssize_t finish_recv(struct swb_call* c, void* buf, size_t len, int flags, ssize_t r, int e) {
    c->rec.arg[1] = flags;
    finish_io(c, buf, len, r, 1, e);
    return r;
}

/* The source of a datagram, and the receiving socket's own name. room: the
 * buffer's size, which the length written back may exceed. */
static void note_source(struct swb_call* c, int fd, ssize_t r, const struct sockaddr* from,
                        const socklen_t* fromlen, socklen_t room) {
    if (r < 0) return;
    if (from && fromlen) swb_addr_within(c, from, *fromlen, room);
    swb_local(c, fd);
}

SWB_EXPORT ssize_t recv(int fd, void* buf, size_t len, int flags) {
    SWB_NEXT(recv_fn, "recv");
    struct swb_call c;
    if (!swb_begin(&c, SWB_RECV, fd)) return real(fd, buf, len, flags);
    ssize_t r = real(fd, buf, len, flags);
    return finish_recv(&c, buf, len, flags, r, errno);
}

SWB_EXPORT ssize_t __recv_chk(int fd, void* buf, size_t len, size_t buflen, int flags) {
    SWB_NEXT(recv_chk_fn, "__recv_chk");
    struct swb_call c;
    if (!swb_begin(&c, SWB_RECV, fd)) return real(fd, buf, len, buflen, flags);
    ssize_t r = real(fd, buf, len, buflen, flags);
    return finish_recv(&c, buf, len, flags, r, errno);
}

SWB_EXPORT ssize_t recvfrom(int fd, void* buf, size_t len, int flags, struct sockaddr* from,
                            socklen_t* fromlen) {
    SWB_NEXT(recvfrom_fn, "recvfrom");
    struct swb_call c;
    if (!swb_begin(&c, SWB_RECVFROM, fd)) return real(fd, buf, len, flags, from, fromlen);
    socklen_t room = fromlen ? *fromlen : 0;
    ssize_t r = real(fd, buf, len, flags, from, fromlen);
    int e = errno;
    note_source(&c, fd, r, from, fromlen, room);
    return finish_recv(&c, buf, len, flags, r, e);
}

SWB_EXPORT ssize_t __recvfrom_chk(int fd, void* buf, size_t len, size_t buflen, int flags,
                                  struct sockaddr* from, socklen_t* fromlen) {
    SWB_NEXT(recvfrom_chk_fn, "__recvfrom_chk");
    struct swb_call c;
    if (!swb_begin(&c, SWB_RECVFROM, fd)) return real(fd, buf, len, buflen, flags, from, fromlen);
    socklen_t room = fromlen ? *fromlen : 0;
    ssize_t r = real(fd, buf, len, buflen, flags, from, fromlen);
    int e = errno;
    note_source(&c, fd, r, from, fromlen, room);
    return finish_recv(&c, buf, len, flags, r, e);
}

SWB_EXPORT ssize_t read(int fd, void* buf, size_t len) {
    SWB_NEXT(read_fn, "read");
    struct swb_call c;
    if (!swb_is_socket(fd) || !swb_begin(&c, SWB_READ, fd)) return real(fd, buf, len);
    ssize_t r = real(fd, buf, len);
    finish_io(&c, buf, len, r, 1, errno);
    return r;
}

SWB_EXPORT ssize_t __read_chk(int fd, void* buf, size_t len, size_t buflen) {
    SWB_NEXT(read_chk_fn, "__read_chk");
    struct swb_call c;
    if (!swb_is_socket(fd) || !swb_begin(&c, SWB_READ, fd)) return real(fd, buf, len, buflen);
    ssize_t r = real(fd, buf, len, buflen);
    finish_io(&c, buf, len, r, 1, errno);
    return r;
}

SWB_EXPORT ssize_t write(int fd, const void* buf, size_t len) {
    SWB_NEXT(write_fn, "write");
    struct swb_call c;
    if (!swb_is_socket(fd) || !swb_begin(&c, SWB_WRITE, fd)) return real(fd, buf, len);
    ssize_t r = real(fd, buf, len);
    finish_io(&c, buf, len, r, 0, errno);
    return r;
}
