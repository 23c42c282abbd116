#include "core/server/models/eventmodel.h"

#include <cerrno>

#include "core/net/sys.h"
#include "core/reactor/eventloop.h"
#include "core/server/datagramendpoint.h"
#include "core/server/eventconnection.h"
#include "core/server/servercore.h"

namespace sockwb {

EventModel::EventModel(std::string backend) : backend_(std::move(backend)) {}

EventModel::~EventModel() { stop(); }

void EventModel::start(ServerCore& core) {
    core_ = &core;
    auto poller = makePoller(backend_);
    if (!poller) throw Error::invalid("model", "no poller named " + backend_);
    loop_ = std::make_unique<EventLoop>(std::move(poller), core.stopFd());
    auto& ls = core.listeners();
    for (size_t i = 0; i < ls.size(); ++i) {
        if (isStream(ls[i].config.protocol)) {
            loop_->watch(ls[i].socket.fd(), Poller::In, [this, i](unsigned) { acceptReady(i); });
        } else {
            auto ep = std::make_unique<DatagramEndpoint>(core, i, loop_->timers());
            DatagramEndpoint* raw = ep.get();
            loop_->watch(ep->fd(), Poller::In, [raw](unsigned) { raw->readReady(); });
            endpoints_.push_back(std::move(ep));
        }
    }
    // Connections finished during a round are destroyed after it, never
    // from inside their own handler.
    loop_->afterRound = [this] { finished_.clear(); };
    thread_ = std::thread([this] {
        ServerThreadScope scope(*core_, backend_ + " event loop");
        try {
            loop_->run();
        } catch (const Error& e) {
            core_->error(e.info());
        }
        closeAll();
    });
}

void EventModel::acceptReady(size_t index) {
    Listener& l = core_->listeners()[index];
    // Accept what is waiting, but a bounded batch: the other sockets of
    // the loop get their turn.
    for (int i = 0; i < 64; ++i) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        int fd = sys::accept(l.socket.fd(), reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK);
        if (fd < 0) {
            int err = errno;
            if (err == EAGAIN || err == EWOULDBLOCK || err == ECONNABORTED) return;
            core_->acceptFailed(
                ErrorInfo{ErrorKind::System, "accept4", err, 0, l.address.toString(), {}});
            pauseAccepting(index);  // EMFILE: the listener stays readable
            return;
        }
        core_->acceptSucceeded();
        serve(fd, Address(reinterpret_cast<sockaddr*>(&ss), len), index);
    }
}

void EventModel::serve(int fd, const Address& peer, size_t index) {
    Socket socket(fd);
    if (!loop_->canWatch(fd)) {
        // select(2) cannot watch this fd: FD_SET beyond FD_SETSIZE would
        // write outside the fd_set. Refuse this one client, keep serving.
        const std::string sentence = "select cannot watch fd " + std::to_string(fd) +
                                     ": it is >= FD_SETSIZE (" + std::to_string(FD_SETSIZE) +
                                     "); connection from " + peer.toString() + " closed";
        ErrorInfo info;
        info.kind = ErrorKind::Unsupported;
        info.call = "select";
        info.address = peer.toString();
        info.detail = sentence;
        core_->error(info);
        core_->log(sentence);
        return;
    }
    if (!core_->admit(socket, peer, index)) return;
    auto record = core_->newRecord(index, peer, fd);
    const uint64_t id = record->id;
    auto conn = std::make_unique<EventConnection>(*loop_, *core_, std::move(socket),
                                                  std::move(record), [this](uint64_t cid) {
                                                      auto it = connections_.find(cid);
                                                      if (it == connections_.end()) return;
                                                      finished_.push_back(std::move(it->second));
                                                      connections_.erase(it);
                                                  });
    EventConnection* raw = conn.get();
    connections_.emplace(id, std::move(conn));
    try {
        raw->open();
    } catch (const std::exception& e) {
        core_->log(std::string("connection failed to open: ") + e.what());
        raw->abort();
    }
}

void EventModel::pauseAccepting(size_t index) {
    const int fd = core_->listeners()[index].socket.fd();
    loop_->setInterest(fd, 0);
    loop_->timers().add(Millis(100), [this, fd] { loop_->setInterest(fd, Poller::In); });
}

void EventModel::closeAll() {
    while (!connections_.empty()) connections_.begin()->second->abort();
    finished_.clear();
    endpoints_.clear();
    loop_->timers().clear();
}

void EventModel::stop() {
    if (thread_.joinable()) thread_.join();
    loop_.reset();
    endpoints_.clear();
}

}  // namespace sockwb
