/* libsockwb-trace.so: the channel to the workbench. At load time (or at the
 * first traced call, whichever comes first) the library connects an AF_UNIX
 * SOCK_SEQPACKET socket to the path in $SOCKWB_TRACE_SOCKET and says hello;
 * each traced call then sends one fixed-size record (tracewire.h). A fork
 * child closes its parent's stream and opens its own. Any failure turns the
 * channel off for the process: the program runs on, untraced, unchanged.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "swb.h"

enum { CHAN_UNSET, CHAN_OPENING, CHAN_ON, CHAN_OFF };

static int g_state = CHAN_UNSET; /* atomic */
static int g_fd = -1;            /* atomic; never closed while others may send */
static int g_pid;                /* this process, updated in a fork child */
static int g_generation;         /* bumped by each fork: per-thread caches refresh */
static struct sockaddr_un g_path;
static socklen_t g_path_len;

static __thread int t_busy __attribute__((tls_model("initial-exec")));
static __thread int t_tid __attribute__((tls_model("initial-exec")));
static __thread int t_tid_generation __attribute__((tls_model("initial-exec")));

/* fd -> 0 unknown, 1 socket, 2 something else (read/write are not traced). */
#define SWB_FD_TABLE 65536
static unsigned char g_fdkind[SWB_FD_TABLE];

typedef int (*socket_fn)(int, int, int);
typedef int (*connect_fn)(int, const struct sockaddr*, socklen_t);
typedef ssize_t (*send_fn)(int, const void*, size_t, int);
typedef int (*close_fn)(int);
typedef int (*name_fn)(int, struct sockaddr*, socklen_t*);
static void* g_socket_slot;
static void* g_getsockname_slot;
static void* g_getpeername_slot;
static void* g_connect_slot;
static void* g_send_slot;
static void* g_close_slot;

void* swb_next(void** slot, const char* name) {
    void* p = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (!p) {
        p = dlsym(RTLD_NEXT, name);
        __atomic_store_n(slot, p, __ATOMIC_RELEASE);
    }
    return p;
}

static int current_tid(void) {
    int generation = __atomic_load_n(&g_generation, __ATOMIC_RELAXED);
    if (t_tid == 0 || t_tid_generation != generation) {
        t_tid = (int)syscall(SYS_gettid);
        t_tid_generation = generation;
    }
    return t_tid;
}

static void fill_header(struct sockwb_trace_record* r, int call, int fd) {
    memset(r, 0, sizeof *r);
    r->magic = SOCKWB_TRACE_MAGIC;
    r->version = SOCKWB_TRACE_VERSION;
    r->call = (uint16_t)call;
    r->pid = g_pid;
    r->tid = current_tid();
    r->fd = fd;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    r->time_us = (int64_t)now.tv_sec * 1000000 + now.tv_nsec / 1000;
}

/* One record, one message. A failed send (the workbench went away) turns the
 * channel off; the fd stays open so its number cannot be reused under
 * another thread's send. */
static void send_record(const struct sockwb_trace_record* r) {
    send_fn real_send = (send_fn)swb_next(&g_send_slot, "send");
    int fd = __atomic_load_n(&g_fd, __ATOMIC_ACQUIRE);
    if (fd < 0 || !real_send) return;
    ssize_t n;
    do n = real_send(fd, r, sizeof *r, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        __atomic_store_n(&g_state, CHAN_OFF, __ATOMIC_RELEASE);
        __atomic_store_n(&g_fd, -1, __ATOMIC_RELEASE);
    }
}

static void say_hello(void) {
    struct sockwb_trace_record r;
    fill_header(&r, SWB_HELLO, -1);
    r.arg[0] = getppid();
    const char* name = program_invocation_name;
    size_t len = name ? strlen(name) : 0;
    r.data_len = (uint32_t)len;
    r.data_stored = (uint16_t)(len < SOCKWB_TRACE_DATA_MAX ? len : SOCKWB_TRACE_DATA_MAX);
    if (len) memcpy(r.data, name, r.data_stored);
    send_record(&r);
}

/* Connects to the workbench; the socket is moved to a high number so the
 * program's own descriptors keep the numbers it expects. */
static int open_stream(void) {
    socket_fn real_socket = (socket_fn)swb_next(&g_socket_slot, "socket");
    connect_fn real_connect = (connect_fn)swb_next(&g_connect_slot, "connect");
    close_fn real_close = (close_fn)swb_next(&g_close_slot, "close");
    if (!real_socket || !real_connect || !real_close || g_path_len == 0) return -1;
    int fd = real_socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int r;
    do r = real_connect(fd, (const struct sockaddr*)&g_path, g_path_len);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        real_close(fd);
        return -1;
    }
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 800);
    if (high >= 0) {
        real_close(fd);
        fd = high;
    }
    return fd;
}

static void open_channel(void) {
    int saved = errno;
    g_pid = (int)getpid();
    int fd = open_stream();
    __atomic_store_n(&g_fd, fd, __ATOMIC_RELEASE);
    __atomic_store_n(&g_state, fd >= 0 ? CHAN_ON : CHAN_OFF, __ATOMIC_RELEASE);
    if (fd >= 0) say_hello();
    errno = saved;
}

static void init_once(void) {
    int expected = CHAN_UNSET;
    if (!__atomic_compare_exchange_n(&g_state, &expected, CHAN_OPENING, 0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE))
        return;
    const char* path = getenv(SOCKWB_TRACE_ENV);
    size_t len = path ? strlen(path) : 0;
    if (len == 0 || len >= sizeof g_path.sun_path) {
        __atomic_store_n(&g_state, CHAN_OFF, __ATOMIC_RELEASE);
        return;
    }
    g_path.sun_family = AF_UNIX;
    memcpy(g_path.sun_path, path, len + 1);
    g_path_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
    open_channel();
}

/* fork children not made by our fork() wrapper (daemon(), a library's fork)
 * reconnect too: pthread_atfork runs this in every child. */
static void atfork_child(void) { swb_after_fork_child(); }

__attribute__((constructor)) static void swb_load(void) {
    init_once();
    pthread_atfork(NULL, NULL, atfork_child);
}

void swb_after_fork_child(void) {
    if (__atomic_load_n(&g_pid, __ATOMIC_RELAXED) == (int)getpid()) return; /* done already */
    __atomic_add_fetch(&g_generation, 1, __ATOMIC_RELAXED);
    t_busy = 0;
    int old = __atomic_load_n(&g_fd, __ATOMIC_ACQUIRE);
    if (old >= 0) {
        close_fn real_close = (close_fn)swb_next(&g_close_slot, "close");
        if (real_close) real_close(old); /* the parent's stream; the child is single-threaded */
    }
    __atomic_store_n(&g_fd, -1, __ATOMIC_RELEASE);
    if (__atomic_load_n(&g_state, __ATOMIC_ACQUIRE) == CHAN_ON || old >= 0)
        open_channel();
    else
        g_pid = (int)getpid();
}

int swb_begin(struct swb_call* c, int call, int fd) {
    if (t_busy) return 0;
    int state = __atomic_load_n(&g_state, __ATOMIC_ACQUIRE);
    if (state == CHAN_UNSET) {
        init_once();
        state = __atomic_load_n(&g_state, __ATOMIC_ACQUIRE);
    }
    if (state != CHAN_ON) return 0;
    t_busy = 1;
    int saved = errno;
    fill_header(&c->rec, call, fd);
    clock_gettime(CLOCK_MONOTONIC, &c->t0);
    errno = saved;
    return 1;
}

void swb_end(struct swb_call* c, int64_t result, int failed, int err) {
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    c->rec.duration_ns =
        (int64_t)(t1.tv_sec - c->t0.tv_sec) * 1000000000 + (t1.tv_nsec - c->t0.tv_nsec);
    c->rec.result = result;
    c->rec.err = failed ? err : 0;
    send_record(&c->rec);
    t_busy = 0;
    errno = err;
}

void swb_data(struct swb_call* c, const void* data, size_t stored, size_t whole) {
    if (stored > SOCKWB_TRACE_DATA_MAX) stored = SOCKWB_TRACE_DATA_MAX;
    if (!data) stored = 0;
    if (stored) memcpy(c->rec.data, data, stored);
    c->rec.data_stored = (uint16_t)stored;
    c->rec.data_len = (uint32_t)(whole > UINT32_MAX ? UINT32_MAX : whole);
}

void swb_addr(struct swb_call* c, const struct sockaddr* addr, socklen_t len) {
    c->rec.addr_len = len;
    if (!addr) return;
    size_t n = len < SOCKWB_TRACE_ADDR_MAX ? len : SOCKWB_TRACE_ADDR_MAX;
    memcpy(c->rec.addr, addr, n);
    c->rec.addr_stored = (uint16_t)n;
}

void swb_addr_within(struct swb_call* c, const struct sockaddr* addr, socklen_t len,
                     socklen_t room) {
    swb_addr(c, addr, len < room ? len : room);
    c->rec.addr_len = len;
}

void swb_local(struct swb_call* c, int fd) {
    name_fn real = (name_fn)swb_next(&g_getsockname_slot, "getsockname");
    if (!real || fd < 0) return;
    int saved = errno;
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (real(fd, (struct sockaddr*)&ss, &len) == 0 && len > 0) {
        size_t n = len < SOCKWB_TRACE_LOCAL_MAX ? len : SOCKWB_TRACE_LOCAL_MAX;
        memcpy(c->rec.local, &ss, n);
        c->rec.local_stored = (uint16_t)n;
    }
    errno = saved;
}

void swb_peer_asked(struct swb_call* c, int fd) {
    name_fn real = (name_fn)swb_next(&g_getpeername_slot, "getpeername");
    if (!real || fd < 0) return;
    int saved = errno;
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (real(fd, (struct sockaddr*)&ss, &len) == 0 && len > 0) {
        swb_addr(c, (const struct sockaddr*)&ss, len);
        c->rec.flags |= SWB_FLAG_PEER_ASKED;
    }
    errno = saved;
}

void swb_mark_socket(int fd) {
    if (fd >= 0 && fd < SWB_FD_TABLE) __atomic_store_n(&g_fdkind[fd], 1, __ATOMIC_RELAXED);
}

void swb_forget_fd(int fd) {
    if (fd >= 0 && fd < SWB_FD_TABLE) __atomic_store_n(&g_fdkind[fd], 0, __ATOMIC_RELAXED);
}

int swb_is_socket(int fd) {
    if (fd < 0) return 0;
    unsigned char kind = fd < SWB_FD_TABLE ? __atomic_load_n(&g_fdkind[fd], __ATOMIC_RELAXED) : 0;
    if (kind) return kind == 1;
    int saved = errno;
    struct stat st;
    int sock = fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode) && !swb_is_channel(fd);
    errno = saved;
    if (fd < SWB_FD_TABLE) __atomic_store_n(&g_fdkind[fd], sock ? 1 : 2, __ATOMIC_RELAXED);
    return sock;
}

int swb_is_channel(int fd) { return fd >= 0 && fd == __atomic_load_n(&g_fd, __ATOMIC_ACQUIRE); }

void swb_release_if_channel(int fd) {
    if (!swb_is_channel(fd)) return;
    __atomic_store_n(&g_state, CHAN_OFF, __ATOMIC_RELEASE);
    __atomic_store_n(&g_fd, -1, __ATOMIC_RELEASE);
}
