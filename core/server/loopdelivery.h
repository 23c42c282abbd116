#pragma once
// ConnectionRecord::deliver for a chat connection served by an event loop
// (EventConnection on an EventLoop, UringConnection on a UringLoop). A line
// from a session of the connection's own loop is handed over at once; one
// from another loop (--loops N) is copied and posted to the connection's
// loop, which alone touches the connection. `self` is the connection's
// self cell (null once the connection is gone); `relay` sends a line in the
// session's wire form. Loop needs inLoopThread() and post(std::function).
// The function it returns is thread-safe.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace sockwb {

template <class Conn, class Loop>
std::function<void(std::string_view)> loopDelivery(Loop& loop, std::weak_ptr<Conn*> self,
                                                   void (Conn::*relay)(std::string_view)) {
    auto here = [relay](const std::weak_ptr<Conn*>& weak, std::string_view bytes) {
        if (auto s = weak.lock(); s && *s) ((*s)->*relay)(bytes);
    };
    return [loop = &loop, self = std::move(self), here](std::string_view bytes) {
        if (loop->inLoopThread())
            here(self, bytes);
        else
            loop->post([self, here, copy = std::string(bytes)] { here(self, copy); });
    };
}

}  // namespace sockwb
