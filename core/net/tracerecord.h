#pragma once
// TraceRecord: one traced call in binary form, what a record-taking
// observer (the GUI's TraceAdapter) receives instead of a TraceEvent. It is
// filled on the traced thread with no allocation and no formatting: the
// call's name is a pointer to a static string, the arguments stay raw
// integers, sockaddrs and at most kTraceDataBytes of data copied inline;
// `format` (one function per call kind) turns it into the TraceEvent the
// call has always reported, later, on whichever thread shows it. A plain
// value: copy it freely, any thread; toEvent() is pure (but for the
// interface name of a link-local IPv6 address, as endpointText()).

#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/net/trace.h"

namespace sockwb {

struct TraceRecord;

// Fills ev.args and the structured fields (data, local, peer) from the raw
// arguments; the header fields (time, fd, result...) are set by toEvent().
using TraceFormatter = void (*)(const TraceRecord& record, TraceEvent& ev);

// A socket address as the kernel gave it; len 0 = none.
struct TraceAddr {
    socklen_t len = 0;
    alignas(sockaddr_storage) unsigned char bytes[sizeof(sockaddr_storage)];

    const sockaddr* sa() const { return reinterpret_cast<const sockaddr*>(bytes); }
    // Copies min(n, sizeof bytes) bytes of addr (none when addr is null) and
    // keeps n as the length the call reported.
    void set(const sockaddr* addr, socklen_t n) noexcept {
        if (!addr) n = 0;
        len = n;
        std::memcpy(bytes, addr ? static_cast<const void*>(addr) : "",
                    n < sizeof bytes ? n : sizeof bytes);
    }
};

struct TraceRecord {
    const char* call = "";            // static string: "send", "recv", ...
    TraceFormatter format = nullptr;  // null: the args are the data as text
    int64_t timeUs = 0;
    int64_t result = 0;
    int64_t durationNs = 0;
    int pid = 0;
    int tid = 0;
    int fd = -1;
    int err = 0;
    int64_t arg[4] = {0, 0, 0, 0};  // the call's raw arguments, per formatter
    TraceAddr addr;                 // the address argument (bind, connect, sendto...)
    TraceAddr local;                // getsockname after the call, when it asks
    TraceAddr peer;                 // getpeername after the call, when it asks
    uint32_t dataLen = 0;           // bytes held in data
    char data[kTraceDataBytes];     // data moved, an option value, a note's text

    // Copies min(n, kTraceDataBytes) bytes of p into data.
    void setData(const void* p, size_t n) noexcept {
        dataLen = static_cast<uint32_t>(n < kTraceDataBytes ? n : kTraceDataBytes);
        if (dataLen) std::memcpy(data, p, dataLen);
    }

    // The TraceEvent this record stands for, exactly as the call built it
    // when it formatted on the spot. In tracerecord.cpp.
    TraceEvent toEvent() const;
};

}  // namespace sockwb
