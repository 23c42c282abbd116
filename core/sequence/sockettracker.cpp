#include "core/sequence/sockettracker.h"

namespace sockwb::seq {

void SocketTracker::clear() {
    lifelines_.clear();
    sockets_.clear();
    processes_.clear();
    processByPid_.clear();
    processLifelines_.clear();
    open_.clear();
    inherited_.clear();
    inheritedFds_.clear();
    unattached_.clear();
    programs_.clear();
}

size_t SocketTracker::processIndex(int pid) {
    const auto [it, added] = processByPid_.try_emplace(pid, processes_.size());
    if (added) {
        Process p;
        p.pid = pid;
        processes_.push_back(p);
        processLifelines_.push_back(kNone);
        Lifeline l;
        l.role = Lifeline::Role::Process;
        l.pid = pid;
        l.group = static_cast<int>(it->second);
        lifelines_.push_back(l);
        sockets_.emplace_back();
        processLifelines_.back() = lifelines_.size() - 1;
    }
    return it->second;
}

size_t SocketTracker::processLifeline(int pid) { return processLifelines_[processIndex(pid)]; }

size_t SocketTracker::add(int pid, int fd, Lifeline::Role role) {
    Lifeline l;
    l.role = role;
    l.pid = pid;
    l.fd = fd;
    l.group = static_cast<int>(processIndex(pid));
    lifelines_.push_back(l);
    sockets_.emplace_back();
    const size_t index = lifelines_.size() - 1;
    const auto [it, added] = open_[pid].try_emplace(fd, index);
    if (!added) {  // the fd was reused without a close we saw
        lifelines_[it->second].closed = true;
        it->second = index;
    }
    return index;
}

size_t SocketTracker::open(int pid, int fd, Lifeline::Role role, bool datagram) {
    const auto inh = inherited_.find(pid);
    if (inh != inherited_.end()) inh->second.erase(fd);  // replaced: no longer the parent's
    const size_t l = add(pid, fd, role);
    sockets_[l].datagram = datagram;
    if (!datagram) sockets_[l].side = streams_.newSide();
    return l;
}

size_t SocketTracker::find(int pid, int fd) const {
    const auto p = open_.find(pid);
    if (p == open_.end()) return kNone;
    const auto it = p->second.find(fd);
    return it == p->second.end() ? kNone : it->second;
}

size_t SocketTracker::lookup(int pid, int fd) {
    auto& fds = open_[pid];
    const auto it = fds.find(fd);
    if (it != fds.end()) return it->second;
    const auto inh = inherited_.find(pid);
    if (inh != inherited_.end()) {
        const auto from = inh->second.find(fd);
        if (from != inh->second.end()) {
            const size_t parent = from->second;
            inh->second.erase(from);
            const size_t l = add(pid, fd, lifelines_[parent].role);
            adopt(l, parent);
            return l;
        }
    }
    const size_t l = add(pid, fd, Lifeline::Role::Unknown);
    sockets_[l].attached = false;
    unattached_[pid].push_back(l);
    return l;
}

void SocketTracker::adopt(size_t child, size_t parentLifeline) {
    const Lifeline& p = lifelines_[parentLifeline];
    Lifeline& c = lifelines_[child];
    c.inherited = true;
    c.role = p.role;
    c.local = p.local;
    c.peer = p.peer;
    Socket& s = sockets_[child];
    s.attached = true;
    s.datagram = sockets_[parentLifeline].datagram;
    s.side = sockets_[parentLifeline].side;
}

void SocketTracker::attachOwn(size_t lifeline, bool datagram) {
    Socket& s = sockets_[lifeline];
    if (s.attached) return;
    s.attached = true;
    s.datagram = datagram;
    if (!datagram) s.side = streams_.newSide();
    auto& list = unattached_[lifelines_[lifeline].pid];
    std::erase(list, lifeline);
}

void SocketTracker::close(size_t lifeline) {
    Lifeline& l = lifelines_[lifeline];
    l.closed = true;
    auto& fds = open_[l.pid];
    const auto it = fds.find(l.fd);
    if (it != fds.end() && it->second == lifeline) fds.erase(it);
}

std::vector<size_t> SocketTracker::inherit(int parent, int child) {
    std::vector<size_t> attached;
    if (parent == child || parent <= 0 || child <= 0) return attached;
    processes_[processIndex(child)].parentPid = parent;
    auto& ever = inheritedFds_[child];
    auto& pending = inherited_[child];
    auto& loose = unattached_[child];
    for (const auto& [fd, l] : open_[parent]) {
        const Lifeline& pl = lifelines_[l];
        if (ever.count(pl.fd)) continue;
        ever.insert(pl.fd);
        const Socket& ps = sockets_[l];
        if (ps.side != kNone) streams_.addCopy(ps.side);
        // The child's first unattached lifeline on that fd is this copy.
        size_t found = kNone;
        for (size_t u : loose)
            if (lifelines_[u].fd == pl.fd) {
                found = u;
                break;
            }
        if (found == kNone) {
            pending[pl.fd] = l;
            continue;
        }
        std::erase(loose, found);
        adopt(found, l);
        attached.push_back(found);
    }
    return attached;
}

void SocketTracker::started(int pid, int parent, std::string name) {
    Process& p = processes_[processIndex(pid)];
    p.name = std::move(name);
    if (parent > 0) p.parentPid = parent;
    programs_.insert(pid);
}

}  // namespace sockwb::seq
