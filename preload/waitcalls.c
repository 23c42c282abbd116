/* libsockwb-trace.so: the calls that wait (select, poll, epoll, sleeps) and
 * the ones that make processes and threads (fork, pthread_create). A fork
 * child reports on its own stream (channel.c); a new thread first reports a
 * thread-start record with its own tid. */
#define _GNU_SOURCE
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include "swb.h"

typedef int (*select_fn)(int, fd_set*, fd_set*, fd_set*, struct timeval*);
typedef int (*poll_fn)(struct pollfd*, nfds_t, int);
typedef int (*poll_chk_fn)(struct pollfd*, nfds_t, int, size_t);
typedef int (*int1_fn)(int);
typedef int (*epoll_ctl_fn)(int, int, int, struct epoll_event*);
typedef int (*epoll_wait_fn)(int, struct epoll_event*, int, int);
typedef pid_t (*fork_fn)(void);
typedef int (*pthread_create_fn)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
typedef unsigned (*sleep_fn)(unsigned);
typedef int (*usleep_fn)(useconds_t);
typedef int (*nanosleep_fn)(const struct timespec*, struct timespec*);

enum { SET_BYTES = 16 }; /* fds 0..127 of each fd_set */

static void copy_set(struct swb_call* c, int slot, const fd_set* set) {
    if (set) memcpy(c->rec.data + slot * SET_BYTES, set, SET_BYTES);
}

SWB_EXPORT int select(int n, fd_set* r, fd_set* w, fd_set* x, struct timeval* t) {
    SWB_NEXT(select_fn, "select");
    struct swb_call c;
    if (!swb_begin(&c, SWB_SELECT, -1)) return real(n, r, w, x, t);
    copy_set(&c, 0, r);
    copy_set(&c, 1, w);
    c.rec.arg[0] = n;
    c.rec.arg[1] = t ? (int64_t)t->tv_sec * 1000000 + t->tv_usec : -1;
    c.rec.arg[2] = (r ? 1 : 0) | (w ? 2 : 0) | (x ? 4 : 0);
    int res = real(n, r, w, x, t);
    int e = errno;
    if (res >= 0) {
        copy_set(&c, 2, r);
        copy_set(&c, 3, w);
    }
    c.rec.data_stored = 4 * SET_BYTES;
    c.rec.data_len = 4 * SET_BYTES;
    swb_end(&c, res, res < 0, e);
    return res;
}

static void poll_done(struct swb_call* c, const struct pollfd* fds, nfds_t n, int timeout, int res,
                      int e) {
    c->rec.arg[0] = (int64_t)n;
    c->rec.arg[1] = timeout;
    size_t bytes = (size_t)n * sizeof *fds;
    swb_data(c, fds, bytes - bytes % sizeof *fds, bytes);
    c->rec.data_stored -= c->rec.data_stored % sizeof *fds;
    swb_end(c, res, res < 0, e);
}

SWB_EXPORT int poll(struct pollfd* fds, nfds_t n, int timeout) {
    SWB_NEXT(poll_fn, "poll");
    struct swb_call c;
    if (!swb_begin(&c, SWB_POLL, -1)) return real(fds, n, timeout);
    int res = real(fds, n, timeout);
    poll_done(&c, fds, n, timeout, res, errno);
    return res;
}

SWB_EXPORT int __poll_chk(struct pollfd* fds, nfds_t n, int timeout, size_t fdslen) {
    SWB_NEXT(poll_chk_fn, "__poll_chk");
    struct swb_call c;
    if (!swb_begin(&c, SWB_POLL, -1)) return real(fds, n, timeout, fdslen);
    int res = real(fds, n, timeout, fdslen);
    poll_done(&c, fds, n, timeout, res, errno);
    return res;
}

static int epoll_create_call(int call, const char* name, void** slot, int arg) {
    int1_fn real = (int1_fn)swb_next(slot, name);
    if (!real) {
        errno = ENOSYS;
        return -1;
    }
    struct swb_call c;
    int res;
    if (!swb_begin(&c, call, -1)) {
        res = real(arg);
        if (res >= 0) swb_mark_socket(res); /* its close is traced too */
        return res;
    }
    res = real(arg);
    int e = errno;
    if (res >= 0) swb_mark_socket(res);
    c.rec.arg[0] = arg;
    swb_end(&c, res, res < 0, e);
    return res;
}

static void* g_epoll_create_slot;
static void* g_epoll_create1_slot;

SWB_EXPORT int epoll_create(int size) {
    return epoll_create_call(SWB_EPOLL_CREATE, "epoll_create", &g_epoll_create_slot, size);
}

SWB_EXPORT int epoll_create1(int flags) {
    return epoll_create_call(SWB_EPOLL_CREATE1, "epoll_create1", &g_epoll_create1_slot, flags);
}

SWB_EXPORT int epoll_ctl(int epfd, int op, int fd, struct epoll_event* ev) {
    SWB_NEXT(epoll_ctl_fn, "epoll_ctl");
    struct swb_call c;
    if (!swb_begin(&c, SWB_EPOLL_CTL, epfd)) return real(epfd, op, fd, ev);
    int res = real(epfd, op, fd, ev);
    int e = errno;
    c.rec.arg[0] = op;
    c.rec.arg[1] = fd;
    c.rec.arg[2] = ev ? (int64_t)ev->events : -1;
    c.rec.arg[3] = ev ? (int64_t)ev->data.u64 : 0;
    swb_end(&c, res, res < 0, e);
    return res;
}

SWB_EXPORT int epoll_wait(int epfd, struct epoll_event* events, int max, int timeout) {
    SWB_NEXT(epoll_wait_fn, "epoll_wait");
    struct swb_call c;
    if (!swb_begin(&c, SWB_EPOLL_WAIT, epfd)) return real(epfd, events, max, timeout);
    int res = real(epfd, events, max, timeout);
    int e = errno;
    c.rec.arg[0] = max;
    c.rec.arg[1] = timeout;
    size_t ready = res > 0 ? (size_t)res * sizeof *events : 0;
    size_t fit = SOCKWB_TRACE_DATA_MAX - SOCKWB_TRACE_DATA_MAX % sizeof *events;
    swb_data(&c, events, ready < fit ? ready : fit, ready);
    swb_end(&c, res, res < 0, e);
    return res;
}

/* fork: the parent reports the child's pid; the child, already on its own
 * stream (the pthread_atfork handler of channel.c), reports 0 as its first
 * call after the hello. */
SWB_EXPORT pid_t fork(void) {
    SWB_NEXT(fork_fn, "fork");
    struct swb_call c;
    if (!swb_begin(&c, SWB_FORK, -1)) return real();
    pid_t res = real();
    int e = errno;
    if (res == 0) {
        swb_after_fork_child(); /* in case the handler did not run */
        c.rec.pid = (int32_t)getpid();
        c.rec.tid = c.rec.pid;
    }
    swb_end(&c, res, res < 0, e);
    return res;
}

struct swb_start {
    void* (*fn)(void*);
    void* arg;
};

static void* thread_trampoline(void* p) {
    struct swb_start start = *(struct swb_start*)p;
    free(p);
    struct swb_call c;
    if (swb_begin(&c, SWB_THREAD_START, -1)) swb_end(&c, c.rec.tid, 0, errno);
    return start.fn(start.arg);
}

SWB_EXPORT int pthread_create(pthread_t* t, const pthread_attr_t* attr, void* (*fn)(void*),
                              void* arg) {
    static void* slot;
    pthread_create_fn real = (pthread_create_fn)swb_next(&slot, "pthread_create");
    if (!real) return ENOSYS;
    struct swb_call c;
    if (!swb_begin(&c, SWB_PTHREAD_CREATE, -1)) return real(t, attr, fn, arg);
    int saved = errno;
    struct swb_start* start = malloc(sizeof *start);
    int res;
    if (start) {
        start->fn = fn;
        start->arg = arg;
        res = real(t, attr, thread_trampoline, start);
        if (res != 0) free(start);
    } else {
        res = real(t, attr, fn, arg);
    }
    swb_end(&c, res, res != 0, res);
    errno = saved;
    return res;
}

SWB_EXPORT unsigned sleep(unsigned seconds) {
    static void* slot;
    sleep_fn real = (sleep_fn)swb_next(&slot, "sleep");
    if (!real) return seconds;
    struct swb_call c;
    if (!swb_begin(&c, SWB_SLEEP, -1)) return real(seconds);
    unsigned left = real(seconds);
    int e = errno;
    c.rec.arg[0] = seconds;
    swb_end(&c, left, left != 0, left != 0 ? EINTR : 0);
    errno = e;
    return left;
}

SWB_EXPORT int usleep(useconds_t us) {
    SWB_NEXT(usleep_fn, "usleep");
    struct swb_call c;
    if (!swb_begin(&c, SWB_USLEEP, -1)) return real(us);
    int res = real(us);
    int e = errno;
    c.rec.arg[0] = us;
    swb_end(&c, res, res < 0, e);
    return res;
}

SWB_EXPORT int nanosleep(const struct timespec* req, struct timespec* rem) {
    SWB_NEXT(nanosleep_fn, "nanosleep");
    struct swb_call c;
    if (!swb_begin(&c, SWB_NANOSLEEP, -1)) return real(req, rem);
    int res = real(req, rem);
    int e = errno;
    c.rec.arg[0] = req ? req->tv_sec : -1;
    c.rec.arg[1] = req ? req->tv_nsec : 0;
    swb_end(&c, res, res < 0, e);
    return res;
}
