#pragma once
// The arguments of the waiting calls of a traced program (select, poll,
// epoll_*) as text: which descriptors it waits for and which were ready,
// "[3 4], NULL, NULL, NULL -> in [4]". Part of TraceDecoder; pure, thread-safe.

#include <string>

struct sockwb_trace_record;

namespace sockwb::tracer {

std::string waitText(const sockwb_trace_record& record);

}  // namespace sockwb::tracer
