#include "tests/bench/attacks/probe.h"

#include <poll.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <thread>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/sys.h"

namespace sockwb::bench {

namespace {

Error probeTimeout(const char* call) {
    return Error(ErrorInfo{ErrorKind::Timeout, call, ETIMEDOUT, 0, "probe", "no answer in time"});
}

Millis leftUntil(Clock::time_point deadline) {
    const auto d = std::chrono::duration_cast<Millis>(deadline - Clock::now());
    return d > Millis(1) ? d : Millis(1);
}

// Reads into `got` until it holds `want` or the deadline passes.
bool readUntil(Socket& s, std::string& got, std::string_view want, Clock::time_point deadline) {
    while (got.find(want) == std::string::npos) {
        if (Clock::now() >= deadline) throw probeTimeout("recv");
        const IoResult r = s.recvSome(got, 65536, leftUntil(deadline));
        if (r.eof()) return false;
        // Keep only a tail: a chat probe reads the flood too.
        if (got.size() > (1u << 20)) got.erase(0, got.size() - 4096);
    }
    return true;
}

bool httpOnce(const Address& target, Clock::time_point deadline) {
    Socket s = tcpConnect(target, leftUntil(deadline));
    s.sendAll("GET / HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n", leftUntil(deadline));
    std::string got;
    readUntil(s, got, "\r\n\r\n", deadline);
    return got.rfind("HTTP/1.1 200", 0) == 0;
}

bool chargenOnce(const Address& target, Clock::time_point deadline) {
    Socket s = tcpConnect(target, leftUntil(deadline));
    std::string got;
    while (got.size() < 512) {
        if (Clock::now() >= deadline) throw probeTimeout("recv");
        if (s.recvSome(got, 4096, leftUntil(deadline)).eof()) return false;
    }
    return true;
}

bool udpOnce(const Address& target, Clock::time_point deadline, int n) {
    Socket s = udpSocket(target.family());
    const std::string msg = "probe " + std::to_string(n);
    s.sendTo(msg, target);
    char buf[512];
    while (Clock::now() < deadline) {
        const auto d = s.recvFrom(buf, sizeof buf, leftUntil(deadline));
        if (d && std::string_view(buf, d->size) == msg) return true;
    }
    throw probeTimeout("recvfrom");
}

// Two chat clients of the probe's own: one says a numbered line, the other
// must see it. The listener reads the whole flood, as a real client would.
class ChatPair {
public:
    explicit ChatPair(const Address& target) : target_(target) {}

    bool once(Clock::time_point deadline, int n) {
        if (!talker_) {
            talker_ = std::make_unique<Socket>(tcpConnect(target_, leftUntil(deadline)));
            listener_ = std::make_unique<Socket>(tcpConnect(target_, leftUntil(deadline)));
            // The server learns of both before the first line goes out.
            std::this_thread::sleep_for(Millis(50));
        }
        const std::string mark = "probe-line-" + std::to_string(n) + "\n";
        try {
            talker_->sendAll(mark, leftUntil(deadline));
            if (!readUntil(*listener_, seen_, mark, deadline))
                throw Error(ErrorInfo{ErrorKind::EndOfStream, "recv", 0, 0, "probe",
                                      "closed by the server"});
        } catch (const Error&) {
            talker_.reset();
            listener_.reset();
            throw;
        }
        seen_.clear();
        return true;
    }

    // Between two probes both keep reading (clients that keep up): the
    // talker gets the flood too, and one that did not read would rightly be
    // closed by the server's output limit.
    void drain(Clock::time_point until) {
        if (!listener_ || !talker_) return;
        try {
            while (Clock::now() < until) {
                pollfd fds[2] = {{listener_->fd(), POLLIN, 0}, {talker_->fd(), POLLIN, 0}};
                const auto left = std::chrono::ceil<Millis>(until - Clock::now()).count();
                if (sys::poll(fds, 2, static_cast<int>(std::max<int64_t>(0, left))) <= 0) break;
                for (int k = 0; k < 2; ++k) {
                    if (!fds[k].revents) continue;
                    std::string sink;
                    Socket& s = k == 0 ? *listener_ : *talker_;
                    if (s.recvSome(sink, 65536, Millis(1)).eof()) return;
                }
            }
        } catch (const Error&) {
        }
    }

private:
    Address target_;
    std::unique_ptr<Socket> talker_, listener_;
    std::string seen_;
};

}  // namespace

ProbeResult runProbe(ProbeKind kind, const Address& target, Millis period, Millis timeout,
                     Clock::time_point end, const std::atomic<bool>& stop) {
    ProbeResult r;
    ChatPair chat(target);
    for (int n = 0; Clock::now() < end && !stop.load(); ++n) {
        const auto start = Clock::now();
        const auto deadline = start + timeout;
        bool ok = false;
        try {
            switch (kind) {
                case ProbeKind::Http:
                    ok = httpOnce(target, deadline);
                    break;
                case ProbeKind::Chat:
                    ok = chat.once(deadline, n);
                    break;
                case ProbeKind::Chargen:
                    ok = chargenOnce(target, deadline);
                    break;
                case ProbeKind::UdpEcho:
                    ok = udpOnce(target, deadline, n);
                    break;
            }
            if (!ok && r.firstError.empty()) r.firstError = "unexpected answer or closed";
        } catch (const Error& e) {
            if (r.firstError.empty())
                r.firstError = e.kind() == ErrorKind::Timeout
                                   ? "no answer within " + std::to_string(timeout.count()) + " ms"
                                   : std::string(e.what());
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (ok) {
            ++r.served;
            r.worstMs = std::max(r.worstMs, ms);
        } else {
            ++r.failed;
        }
        const auto next = std::min(end, start + period);
        if (kind == ProbeKind::Chat)
            chat.drain(next);
        else
            std::this_thread::sleep_until(next);
    }
    return r;
}

}  // namespace sockwb::bench
