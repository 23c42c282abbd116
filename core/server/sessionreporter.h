#pragma once
// Where a serving loop reports what happens on its connections. In-process
// models report to the ServerCore (counters, registry, observer); a fork
// child reports through a pipe to its parent, which does the same there.
// This is the seam that keeps a fork child away from the parent's locks.

#include <string>
#include <string_view>

#include "core/net/error.h"

namespace sockwb {

struct ConnectionRecord;

class SessionReporter {
public:
    virtual ~SessionReporter() = default;
    // A connection starts being served (record filled: id, fd, peer, tid/pid).
    virtual void connectionOpened(ConnectionRecord& record) = 0;
    // Bytes moved on it: incoming = received from the peer.
    virtual void bytesMoved(ConnectionRecord& record, bool incoming, std::string_view bytes) = 0;
    // The connection is closed (its fd already closed or about to be).
    virtual void connectionClosed(ConnectionRecord& record) = 0;
    // Chat: bytes for every other session of the same listener.
    virtual void broadcast(ConnectionRecord& from, std::string_view bytes) = 0;
    // A client that does not read was disconnected (output limit): counted,
    // and reason goes to the log.
    virtual void slowReaderClosed(ConnectionRecord& record, std::string_view reason) {
        (void)record;
        log(reason);
    }
    // A session answered one request (ServerStats::requests). A fork child
    // does not relay it: its requests are not counted.
    virtual void requestHandled() {}
    // The connection's TLS handshake completed (summary: "TLSv1.3
    // TLS_AES_256_GCM_SHA384"): ConnectionInfo::tls, onConnectionTls.
    virtual void tlsEstablished(ConnectionRecord& record, const std::string& summary) {
        (void)record;
        (void)summary;
    }
    // A line for the server log.
    virtual void log(std::string_view text) = 0;
    // A failure that did not stop the server.
    virtual void error(const ErrorInfo& info) = 0;
};

}  // namespace sockwb
