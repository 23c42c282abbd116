#pragma once
// Which lifeline a call belongs to: the processes, one Process lifeline
// each, and one lifeline per socket instance (pid, fd), born at socket or
// accept and ended at close (a reused fd starts a new one). A fork child
// inherits its parent's open sockets: a child's first call on one of them
// makes its own lifeline (inherited) sharing the parent's stream Side.
// A child's events may arrive before its parent's fork: a call on an fd
// the child never opened then makes an "unattached" lifeline whose calls
// wait, and the fork attaches it (the caller replays those calls).
// Not thread-safe (one owner).

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/sequence/sequence.h"
#include "core/sequence/streammatcher.h"

namespace sockwb::seq {

class SocketTracker {
public:
    struct Socket {
        size_t side = kNone;  // StreamMatcher side (kNone: datagram or unattached)
        bool datagram = false;
        bool attached = true;
        std::vector<size_t> waiting;  // calls of an unattached lifeline
    };

    explicit SocketTracker(StreamMatcher& streams) : streams_(streams) {}

    // The process's own lifeline (created with the process).
    size_t processLifeline(int pid);
    size_t processIndex(int pid);
    // A new socket on (pid, fd) (socket, accept): ends an open one there.
    size_t open(int pid, int fd, Lifeline::Role role, bool datagram);
    // The open lifeline of (pid, fd): an inherited one, or a new
    // unattached one when the fd is unknown.
    size_t lookup(int pid, int fd);
    void close(size_t lifeline);
    // The open lifeline of (pid, fd), kNone when there is none (never makes one).
    size_t find(int pid, int fd) const;
    // Makes an unattached lifeline a socket of its own (its calls name it).
    void attachOwn(size_t lifeline, bool datagram);
    // `child` inherits `parent`'s open sockets (fork event or the child's
    // program_start). Returns the child's lifelines attached by it (their
    // waiting calls are to be replayed).
    std::vector<size_t> inherit(int parent, int child);
    // program_start: the process's name and parent.
    void started(int pid, int parent, std::string name);
    bool isProgram(int pid) const { return programs_.count(pid) != 0; }

    Socket& socket(size_t lifeline) { return sockets_[lifeline]; }
    std::vector<Lifeline>& lifelines() { return lifelines_; }
    const std::vector<Process>& processes() const { return processes_; }
    void clear();

private:
    size_t add(int pid, int fd, Lifeline::Role role);
    void adopt(size_t child, size_t parentLifeline);

    StreamMatcher& streams_;
    std::vector<Lifeline> lifelines_;
    std::vector<Socket> sockets_;  // parallel to lifelines_
    std::vector<Process> processes_;
    std::unordered_map<int, size_t> processByPid_;
    std::vector<size_t> processLifelines_;                 // per process
    std::unordered_map<int, std::map<int, size_t>> open_;  // pid -> fd -> lifeline
    // Per child pid: fd -> the parent's lifeline it inherited (not yet used).
    std::unordered_map<int, std::unordered_map<int, size_t>> inherited_;
    std::unordered_map<int, std::unordered_set<int>> inheritedFds_;  // ever inherited
    std::unordered_map<int, std::vector<size_t>> unattached_;
    std::unordered_set<int> programs_;
};

}  // namespace sockwb::seq
