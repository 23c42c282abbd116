#include "core/net/tracerecord.h"

namespace sockwb {

TraceEvent TraceRecord::toEvent() const {
    TraceEvent ev;
    ev.timeUs = timeUs;
    ev.pid = pid;
    ev.tid = tid;
    ev.fd = fd;
    ev.call = call;
    ev.result = result;
    ev.err = err;
    ev.durationNs = durationNs;
    if (format)
        format(*this, ev);
    else
        ev.args.assign(data, dataLen);  // a note: its text is the data
    return ev;
}

}  // namespace sockwb
