/* libsockwb-trace.so, the part every wrapper shares: the channel to the
 * workbench (channel.c) and the record a wrapper fills around the real call.
 *
 * A wrapper looks like this:
 *     SWB_NEXT(send_fn, "send");              // the C library's send
 *     struct swb_call c;
 *     if (!swb_begin(&c, SWB_SEND, fd)) return real(fd, buf, len, flags);
 *     ssize_t r = real(fd, buf, len, flags);
 *     int e = errno;
 *     ... fill c.rec.arg / swb_data / swb_addr ...
 *     return swb_end(&c, r, r < 0, e), r;     // sends, restores errno = e
 * Thread-safe and async-signal-safe: no lock, no allocation, one send(2) per
 * record. Nothing here may change what the program sees: errno is restored,
 * and when the workbench is gone the wrappers only call through.
 */
#ifndef SOCKWB_PRELOAD_SWB_H
#define SOCKWB_PRELOAD_SWB_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <time.h>

#include "core/tracer/tracewire.h"

#define SWB_EXPORT __attribute__((visibility("default")))

struct swb_call {
    struct sockwb_trace_record rec;
    struct timespec t0;
};

/* The next definition of `name` after this library (the C library's), looked
 * up once and kept in *slot. NULL when there is none. */
void* swb_next(void** slot, const char* name);

/* Declares `real`, the C library's function of type `type`; returns -1 with
 * ENOSYS from the wrapper if the C library has none. */
#define SWB_NEXT(type, name)                      \
    static void* swb_slot_;                       \
    type real = (type)swb_next(&swb_slot_, name); \
    if (!real) {                                  \
        errno = ENOSYS;                           \
        return -1;                                \
    }

/* Starts a record: 1 when this call is traced (the channel is up and the
 * thread is not already inside a wrapper), else 0 and nothing to do. */
int swb_begin(struct swb_call* c, int call, int fd);
/* Ends it: duration, result, errno (err when failed), one send; errno = err. */
void swb_end(struct swb_call* c, int64_t result, int failed, int err);

/* Copies at most the record's room of the data / the address. */
void swb_data(struct swb_call* c, const void* data, size_t stored, size_t whole);
void swb_addr(struct swb_call* c, const struct sockaddr* addr, socklen_t len);
/* An address the kernel wrote into a buffer of `room` bytes: len (what it
 * reports) may be larger than what it wrote; only what it wrote is read. */
void swb_addr_within(struct swb_call* c, const struct sockaddr* addr, socklen_t len,
                     socklen_t room);
/* The socket's own name (the C library's getsockname, untraced) into
 * rec.local; nothing when the kernel has none to give. */
void swb_local(struct swb_call* c, int fd);
/* The peer's name (the C library's getpeername) into rec.addr, marked
 * SWB_FLAG_PEER_ASKED: for an accept whose caller gave no room for it. */
void swb_peer_asked(struct swb_call* c, int fd);

/* What an fd is, for read/write/close: only sockets (and epoll
 * instances, for close) are traced. */
void swb_mark_socket(int fd);
void swb_forget_fd(int fd);
int swb_is_socket(int fd); /* asks the kernel (fstat) once per fd */
/* 1 when fd is the library's own channel (the program must not see it). */
int swb_is_channel(int fd);
/* The program closes or replaces fd: if it is the channel, stop using it. */
void swb_release_if_channel(int fd);

/* After fork(2), in the child: a new stream for the new process. */
void swb_after_fork_child(void);

#endif
