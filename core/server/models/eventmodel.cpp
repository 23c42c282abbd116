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
    // select and poll keep one loop: ServerCore::loopCount() says 1 for them.
    const size_t n = core.loopCount();
    for (size_t k = 0; k < n; ++k) {
        auto lp = std::make_unique<Loop>();
        lp->index = k;
        setUp(*lp);
        loops_.push_back(std::move(lp));
    }
    // Every loop is built before any thread runs: a chat line may be posted
    // to any loop as soon as one serves.
    for (auto& lp : loops_) {
        Loop* raw = lp.get();
        raw->thread = std::thread([this, raw] { run(*raw); });
    }
}

void EventModel::setUp(Loop& lp) {
    auto poller = makePoller(backend_);
    if (!poller) throw Error::invalid("model", "no poller named " + backend_);
    lp.loop = std::make_unique<EventLoop>(std::move(poller), core_->stopFd());
    if (core_->loopCount() > 1) lp.loop->acceptPosts();
    auto& ls = core_->listeners();
    for (size_t i = 0; i < ls.size(); ++i) {
        if (ls[i].loop != lp.index) continue;
        if (isStream(ls[i].config.protocol)) {
            lp.loop->watch(ls[i].socket.fd(), Poller::In,
                           [this, &lp, i](unsigned) { acceptReady(lp, i); });
        } else {
            auto ep = std::make_unique<DatagramEndpoint>(*core_, i, lp.loop->timers());
            DatagramEndpoint* raw = ep.get();
            lp.loop->watch(ep->fd(), Poller::In, [raw](unsigned) { raw->readReady(); });
            lp.endpoints.push_back(std::move(ep));
        }
    }
    // Connections finished during a round are destroyed after it, never
    // from inside their own handler.
    lp.loop->afterRound = [&lp] { lp.finished.clear(); };
}

void EventModel::run(Loop& lp) {
    const std::string role = loops_.size() > 1 ? backend_ + " loop " + std::to_string(lp.index)
                                               : backend_ + " event loop";
    ServerThreadScope scope(*core_, role);
    try {
        lp.loop->run();
    } catch (const Error& e) {
        core_->error(e.info());
    }
    closeAll(lp);
}

void EventModel::acceptReady(Loop& lp, size_t index) {
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
            pauseAccepting(lp, index);  // EMFILE: the listener stays readable
            return;
        }
        core_->acceptSucceeded();
        serve(lp, fd, Address(reinterpret_cast<sockaddr*>(&ss), len), index);
    }
}

void EventModel::serve(Loop& lp, int fd, const Address& peer, size_t index) {
    Socket socket(fd);
    if (!lp.loop->canWatch(fd)) {
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
    auto conn = std::make_unique<EventConnection>(*lp.loop, *core_, std::move(socket),
                                                  std::move(record), [&lp](uint64_t cid) {
                                                      auto it = lp.connections.find(cid);
                                                      if (it == lp.connections.end()) return;
                                                      lp.finished.push_back(std::move(it->second));
                                                      lp.connections.erase(it);
                                                  });
    EventConnection* raw = conn.get();
    lp.connections.emplace(id, std::move(conn));
    try {
        raw->open();
    } catch (const std::exception& e) {
        core_->log(std::string("connection failed to open: ") + e.what());
        raw->abort();
    }
}

void EventModel::pauseAccepting(Loop& lp, size_t index) {
    const int fd = core_->listeners()[index].socket.fd();
    EventLoop* loop = lp.loop.get();
    loop->setInterest(fd, 0);
    loop->timers().add(Millis(100), [loop, fd] { loop->setInterest(fd, Poller::In); });
}

void EventModel::closeAll(Loop& lp) {
    while (!lp.connections.empty()) lp.connections.begin()->second->abort();
    lp.finished.clear();
    lp.endpoints.clear();
    lp.loop->timers().clear();
}

void EventModel::stop() {
    // Every loop leaves run() on the stop fd; all are joined before any is
    // destroyed (a loop may still post to another until it ends).
    for (auto& lp : loops_)
        if (lp->thread.joinable()) lp->thread.join();
    for (auto& lp : loops_) lp->endpoints.clear();
    loops_.clear();
}

}  // namespace sockwb
