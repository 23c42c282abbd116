#pragma once
// How each wrapped call turns its TraceRecord into the TraceEvent's text:
// one formatter per call kind (a TraceFormatter, tracerecord.h), run by
// TraceRecord::toEvent() on the thread that shows the event. sys.cpp
// stores the raw arguments in the record's fields as each formatter below
// says (arg[i], addr, local, peer, data). Pure functions: thread-safe.

#include "core/net/tracerecord.h"

namespace sockwb::sys::fmt {

void socket(const TraceRecord& r, TraceEvent& ev);       // arg: domain, type, protocol
void bind(const TraceRecord& r, TraceEvent& ev);         // addr, arg0 len, local
void listen(const TraceRecord& r, TraceEvent& ev);       // arg0 backlog, local
void accept(const TraceRecord& r, TraceEvent& ev);       // arg: flags, has len; addr local peer
void connect(const TraceRecord& r, TraceEvent& ev);      // addr, arg0 len, local
void send(const TraceRecord& r, TraceEvent& ev);         // arg: len, flags; data
void recv(const TraceRecord& r, TraceEvent& ev);         // arg: len, flags; data
void sendto(const TraceRecord& r, TraceEvent& ev);       // send's + arg2 has to; addr local peer
void recvfrom(const TraceRecord& r, TraceEvent& ev);     // recv's + arg2 has fromlen, arg3 has from
void shutdown(const TraceRecord& r, TraceEvent& ev);     // arg0 how
void ioctl(const TraceRecord& r, TraceEvent& ev);        // arg: request, value
void close(const TraceRecord& r, TraceEvent& ev);        // nothing
void setsockopt(const TraceRecord& r, TraceEvent& ev);   // arg: level, name, len; data value
void getsockopt(const TraceRecord& r, TraceEvent& ev);   // arg: level, name, int shown, value
void sockname(const TraceRecord& r, TraceEvent& ev);     // addr (getsockname, getpeername)
void poll(const TraceRecord& r, TraceEvent& ev);         // arg: nfds, timeout
void select(const TraceRecord& r, TraceEvent& ev);       // arg: nfds, has timeout, ms
void epollCreate(const TraceRecord& r, TraceEvent& ev);  // nothing
void epollCtl(const TraceRecord& r, TraceEvent& ev);     // arg: epfd, op, has event, events
void epollWait(const TraceRecord& r, TraceEvent& ev);    // arg: max, timeout
void fcntl(const TraceRecord& r, TraceEvent& ev);        // arg0 on
void unlink(const TraceRecord& r, TraceEvent& ev);       // arg0 path length; data path
void nanosleep(const TraceRecord& r, TraceEvent& ev);    // arg0 ms

}  // namespace sockwb::sys::fmt
