#include "core/server/datagramendpoint.h"

#include <cerrno>

#include "core/net/sys.h"

namespace sockwb {

DatagramEndpoint::DatagramEndpoint(ServerCore& core, size_t listener, TimerQueue& timers)
    : core_(core),
      listener_(core.listeners()[listener]),
      timers_(timers),
      guard_(listener_.address, core.config().udpRepliesPerSecond) {
    handler_ = listener_.service->newDatagramHandler(core.options());
    if (!handler_)
        throw Error::unsupported("the " + listener_.config.service + " service has no UDP form");
}

DatagramEndpoint::~DatagramEndpoint() {
    *alive_ = false;
    for (const auto& line : drops_.flush()) core_.log(listener_.label + ": " + line);
}

void DatagramEndpoint::dropped(ReflectionGuard::Drop why, const Address& peer) {
    const auto lines =
        drops_.note(why, peer, ReflectionGuard::Clock::now(), guard_.repliesPerSecond());
    for (const auto& line : lines) core_.log(listener_.label + ": " + line);
}

int DatagramEndpoint::fd() const noexcept { return listener_.socket.fd(); }

void DatagramEndpoint::readReady() {
    // 64 KiB: the largest UDP payload, so no datagram is ever cut.
    std::string buf(65536, '\0');
    for (int i = 0; i < 64; ++i)
        if (receive(buf) < 0) return;
}

bool DatagramEndpoint::readOne() {
    std::string buf(65536, '\0');
    return receive(buf) >= 0;
}

ssize_t DatagramEndpoint::receive(std::string& buf) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    ssize_t n =
        sys::recvfrom(fd(), buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&ss), &len);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) return -1;
        // ECONNREFUSED here is an ICMP "port unreachable" from an earlier
        // reply: routine for UDP, worth a log line, not a stop.
        ErrorInfo info{ErrorKind::System, "recvfrom", errno, 0, listener_.address.toString(), {}};
        core_.error(info);
        return -1;
    }
    // After stop's shutdown a blocked recvfrom returns 0 with no sender.
    if (n == 0 && core_.stopRequested()) return -1;
    // A Unix datagram sender that never bound has no address at all
    // (length 0): it is the unnamed one, to which nothing can be sent back.
    const Address from = len == 0 && listener_.address.isUnix()
                             ? Address::unixUnnamed()
                             : Address(reinterpret_cast<sockaddr*>(&ss), len);
    core_.datagramIn(size_t(n));
    std::string_view data(buf.data(), size_t(n));
    if (auto* obs = core_.observer()) obs->onData(0, true, data.substr(0, 256));
    if (const auto why = guard_.checkSource(from); why != ReflectionGuard::Drop::None) {
        dropped(why, from);
        return n;
    }
    try {
        handler_->onDatagram(*this, data, from);
    } catch (const std::exception& e) {
        core_.log(std::string("datagram handler failed: ") + e.what());
    }
    return n;
}

void DatagramEndpoint::sendTo(std::string_view bytes, const Address& to) {
    if (guard_.checkReply(to, ReflectionGuard::Clock::now()) != ReflectionGuard::Drop::None) {
        dropped(ReflectionGuard::Drop::RateLimit, to);
        return;
    }
    ssize_t n = sys::sendto(fd(), bytes.data(), bytes.size(), 0, to.sockaddrPtr(), to.length());
    if (n < 0) {
        // A full socket buffer drops the datagram, as UDP itself would.
        core_.error(ErrorInfo{ErrorKind::System, "sendto", errno, 0, to.toString(), {}});
        return;
    }
    core_.datagramOut(size_t(n));
    if (auto* obs = core_.observer()) obs->onData(0, false, bytes.substr(0, 256));
}

void DatagramEndpoint::startTimer(Millis delay, int id, const Address& peer) {
    std::weak_ptr<bool> alive = alive_;
    timers_.add(delay, [this, alive, id, peer] {
        auto a = alive.lock();
        if (!a || !*a) return;
        try {
            handler_->onTimer(*this, id, peer);
        } catch (const std::exception& e) {
            core_.log(std::string("datagram timer failed: ") + e.what());
        }
    });
}

void DatagramEndpoint::log(std::string_view text) { core_.log(text); }

const ServiceOptions& DatagramEndpoint::options() const { return core_.options(); }

}  // namespace sockwb
