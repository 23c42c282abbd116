#pragma once
// The pieces of an exported C server (cserverwriter.cpp puts them in
// order): the service functions a blocking model calls (serve_client) and
// the datagram handlers (cserverservices.cpp), and the event loop of
// select, poll and epoll with its per-connection state (cserverevents.cpp).
// Each returns C source text for the plan; a function the program does not
// call is not written (cc -Wall warns about unused static functions).
// Pure functions: thread-safe.

#include <string>

#include "core/codegen/serverplan.h"

namespace sockwb::codegen::cserver {

// Shared helpers the services use: now_text, daytime_text, time_value,
// chargen_byte, send_message, pause_ms, reply (UDP), as the plan needs.
std::string helpers(const ServerPlan& plan);
// serve_client(int client_fd) for the first listener's TCP service
// (blocking models), with the chat's client table under thread.
std::string blockingService(const ServerPlan& plan);
// <service>_datagram(fd, buf, len, from, from_len) for every UDP service
// (blocking: the clock sleeps between its times, as the course's server).
std::string datagramServices(const ServerPlan& plan, bool blockingClock);
// The event models' helpers and connection table (set_nonblocking, the
// struct connection, queue, flush, close_connection, now_ms), as the plan
// needs them (cserverconnection.cpp).
std::string connectionState(const ServerPlan& plan);
// The services written for the event loop (the clock's timers, chargen's
// refill, the chat's relay, http's request head, the UDP clock's peers)
// (cserverconnection.cpp).
std::string serviceHandlers(const ServerPlan& plan);
// The event-driven part: connection table, handlers, accept/read, timers
// and the model's loop in run_event_loop().
std::string eventLoop(const ServerPlan& plan);
// main() and the model's accept loop for iterative, fork, thread and pool
// (cservermain.cpp), serving the first listener.
std::string blockingMain(const ServerPlan& plan);
// The listener table, the model's loop (select, poll or epoll) and main()
// (cservermain.cpp).
std::string eventMain(const ServerPlan& plan);
// The C name of a service's constant: "SERVICE_ECHO".
std::string serviceConstant(const std::string& service);

}  // namespace sockwb::codegen::cserver
