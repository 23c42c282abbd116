/* The wire format between libsockwb-trace.so (preload/, plain C, loaded into
 * a student's program with LD_PRELOAD) and the workbench's TraceReceiver
 * (core/tracer/). One fixed-size record per call, sent as one message on an
 * AF_UNIX SOCK_SEQPACKET connection: no formatting in the traced process, no
 * framing to get wrong, records never torn between threads. Both sides are
 * built from this one header; a record whose magic or version differs is
 * dropped by the receiver. C and C++; no functions, so no threading contract.
 */
#ifndef SOCKWB_TRACEWIRE_H
#define SOCKWB_TRACEWIRE_H

#include <stdint.h>

/* The environment variable the launcher sets: the receiver's socket path. */
#define SOCKWB_TRACE_ENV "SOCKWB_TRACE_SOCKET"
#define SOCKWB_TRACE_MAGIC 0x54425753u /* "SWBT" little-endian */
#define SOCKWB_TRACE_VERSION 2
#define SOCKWB_TRACE_ADDR_MAX 128 /* sizeof(struct sockaddr_storage) */
/* sizeof(struct sockaddr_un) is 110: any local name fits whole (a Unix path
 * of up to 107 bytes, an IPv6 address and its port). */
#define SOCKWB_TRACE_LOCAL_MAX 112
#define SOCKWB_TRACE_DATA_MAX 256

/* Bits of the record's flags. SWB_FLAG_PEER_ASKED: accept(4) whose program
 * passed no address (or too little room): addr[] holds the peer as
 * getpeername answered, not what the program was given. */
#define SWB_FLAG_PEER_ASKED 1u

/* Which call a record is about. The numbers are the protocol: append only. */
enum sockwb_trace_call {
    SWB_HELLO = 0, /* first record of a process: data = its program name */
    SWB_SOCKET,
    SWB_BIND,
    SWB_LISTEN,
    SWB_ACCEPT,
    SWB_ACCEPT4,
    SWB_CONNECT,
    SWB_SEND,
    SWB_SENDTO,
    SWB_SENDMSG,
    SWB_RECV,
    SWB_RECVFROM,
    SWB_RECVMSG,
    SWB_READ,
    SWB_WRITE,
    SWB_SHUTDOWN,
    SWB_CLOSE,
    SWB_SETSOCKOPT,
    SWB_GETSOCKOPT,
    SWB_GETSOCKNAME,
    SWB_GETPEERNAME,
    SWB_SELECT,
    SWB_POLL,
    SWB_EPOLL_CREATE,
    SWB_EPOLL_CREATE1,
    SWB_EPOLL_CTL,
    SWB_EPOLL_WAIT,
    SWB_FORK,
    SWB_PTHREAD_CREATE,
    SWB_THREAD_START, /* first record of a new thread: result = its tid */
    SWB_SLEEP,
    SWB_NANOSLEEP,
    SWB_USLEEP,
    SWB_SOCKETPAIR,
    SWB_CALL_COUNT
};

/* What arg[] holds, per call (a = arg[0], b = arg[1], ...):
 *   socket a,b,c = domain, type, protocol     socketpair: + data = int sv[2]
 *   bind/connect  addr = the address          listen a = backlog
 *   accept(4)     addr = the peer (after; see SWB_FLAG_PEER_ASKED), b = flags
 *                 (accept4), local = the NEW socket's name
 *   send/sendto/sendmsg/write   data = the first bytes, data_len = len asked,
 *                 b = flags, addr = destination (sendto/sendmsg)
 *   recv/recvfrom/recvmsg/read  data = the first bytes received, data_len =
 *                 len asked, b = flags, addr = source (recvfrom/recvmsg)
 *   shutdown a = how                          close: nothing
 *   setsockopt/getsockopt  a,b = level, name; data = the value bytes,
 *                 data_len = optlen
 *   getsockname/getpeername  addr = the answer
 *   select a = nfds, b = timeout in us (-1 = NULL); data = 4 fd_set bitmaps of
 *                 16 bytes (fds 0..127): read and write before, read and write after
 *   poll a = nfds, b = timeout ms; data = the struct pollfd that fit (after)
 *   epoll_create(1) a = size or flags
 *   epoll_ctl a = op, b = fd, c = events, d = data.u64
 *   epoll_wait a = maxevents, b = timeout ms; data = the epoll_event that fit (after)
 *   fork          result = the child's pid (parent) or 0 (child)
 *   pthread_create result = the error number (0 = started)
 *   sleep a = seconds; usleep a = microseconds; nanosleep a,b = sec, nsec
 * local (version 2) = getsockname after bind, listen, connect (when it
 * returned 0 or EINPROGRESS), sendto, sendmsg, recvfrom and recvmsg, and on
 * the new socket after accept(4); local_stored = 0 when there is none.
 */
struct sockwb_trace_record {
    uint32_t magic;
    uint16_t version;
    uint16_t call; /* enum sockwb_trace_call */
    int32_t pid;
    int32_t tid;
    int32_t fd;  /* the descriptor the call is about, -1 when none */
    int32_t err; /* errno when the call failed, else 0 */
    int64_t result;
    int64_t time_us; /* wall clock at the call's start, us since the epoch */
    int64_t duration_ns;
    int64_t arg[4];
    uint32_t addr_len;     /* the address length the call reported */
    uint32_t data_len;     /* the whole length of the data (see above) */
    uint16_t addr_stored;  /* bytes valid in addr[] */
    uint16_t data_stored;  /* bytes valid in data[] */
    uint16_t local_stored; /* bytes valid in local[] (a sockaddr) */
    uint16_t flags;        /* SWB_FLAG_* */
    unsigned char addr[SOCKWB_TRACE_ADDR_MAX];
    unsigned char local[SOCKWB_TRACE_LOCAL_MAX];
    unsigned char data[SOCKWB_TRACE_DATA_MAX];
};

#ifdef __cplusplus
static_assert(sizeof(sockwb_trace_record) == 592, "the record is part of the protocol");
#else
_Static_assert(sizeof(struct sockwb_trace_record) == 592, "the record is part of the protocol");
#endif

#endif
