#pragma once
// How each wrapped call turns its TraceRecord into the TraceEvent's text:
// one formatter per call kind (a TraceFormatter, tracerecord.h), run by
// TraceRecord::toEvent() on the thread that shows the event. sys.cpp
// stores the raw arguments in the record's fields as each formatter below
// says (arg[i], addr, local, peer, data). Pure functions: thread-safe.

#include "core/net/tracerecord.h"

namespace sockwb::sys::fmt {

void socketText(const TraceRecord& r, TraceEvent& ev);   // arg: domain, type, protocol
void bindText(const TraceRecord& r, TraceEvent& ev);     // addr, arg0 len, local
void listenText(const TraceRecord& r, TraceEvent& ev);   // arg0 backlog, local
void acceptText(const TraceRecord& r, TraceEvent& ev);   // arg: flags, has len; addr local peer
void connectText(const TraceRecord& r, TraceEvent& ev);  // addr, arg0 len, local
void sendText(const TraceRecord& r, TraceEvent& ev);     // arg: len, flags; data
void recvText(const TraceRecord& r, TraceEvent& ev);     // arg: len, flags; data
void sendtoText(const TraceRecord& r, TraceEvent& ev);   // send's + arg2 has to; addr local peer
void recvfromText(const TraceRecord& r,
                  TraceEvent& ev);  // recv's + arg2 has fromlen, arg3 has from
void shutdownText(const TraceRecord& r, TraceEvent& ev);     // arg0 how
void ioctlText(const TraceRecord& r, TraceEvent& ev);        // arg: request, value
void closeText(const TraceRecord& r, TraceEvent& ev);        // nothing
void setsockoptText(const TraceRecord& r, TraceEvent& ev);   // arg: level, name, len; data value
void getsockoptText(const TraceRecord& r, TraceEvent& ev);   // arg: level, name, int shown, value
void socknameText(const TraceRecord& r, TraceEvent& ev);     // addr (getsockname, getpeername)
void pollText(const TraceRecord& r, TraceEvent& ev);         // arg: nfds, timeout
void selectText(const TraceRecord& r, TraceEvent& ev);       // arg: nfds, has timeout, ms
void epollCreateText(const TraceRecord& r, TraceEvent& ev);  // nothing
void epollCtlText(const TraceRecord& r, TraceEvent& ev);     // arg: epfd, op, has event, events
void epollWaitText(const TraceRecord& r, TraceEvent& ev);    // arg: max, timeout
void fcntlText(const TraceRecord& r, TraceEvent& ev);        // arg0 on
void unlinkText(const TraceRecord& r, TraceEvent& ev);       // arg0 path length; data path
void nanosleepText(const TraceRecord& r, TraceEvent& ev);    // arg0 ms

}  // namespace sockwb::sys::fmt
