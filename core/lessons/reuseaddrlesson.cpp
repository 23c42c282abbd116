#include "core/lessons/reuseaddrlesson.h"

#include <netinet/tcp.h>

#include "core/lessons/timewaitlesson.h"
#include "core/server/server.h"

namespace sockwb {

namespace {
ServerConfig echoOn(uint16_t port, bool reuseAddr) {
    ServerConfig config;
    config.model = "epoll";
    config.listeners.front().service = "echo";
    config.listeners.front().port = port;
    config.reuseAddr = reuseAddr;
    return config;
}
}  // namespace

void ReuseAddrLesson::steps(LessonRun& run) {
    TimeWaitLesson::serveThenStop(run);
    const uint16_t port = run.result().port;
    {
        LessonStep s;
        s.kind = LessonStepKind::RestartRefused;
        try {
            Server again(echoOn(port, false));
            again.start();
            again.stop();  // bound after all (TIME-WAIT gone already): said as is
        } catch (const Error& e) {
            s.error = e.info();
        }
        s.sockets = LessonRun::tcpSockets(port);
        for (const SocketEntry& e : s.sockets)
            if (e.localPort == port && e.state == TCP_TIME_WAIT) ++s.timeWait;
        run.report(std::move(s));
    }
    Server again(echoOn(port, true));
    again.start();
    LessonStep s;
    s.kind = LessonStepKind::RestartSucceeded;
    s.sockets = LessonRun::tcpSockets(port);
    again.stop();
    run.report(std::move(s));
}

}  // namespace sockwb
