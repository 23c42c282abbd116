#pragma once
// ComposerWorker: sends the composer's requests off the GUI thread. Each
// send() runs on its own BackgroundTask with a TraceScope feeding this
// worker's TraceAdapter, so the trace shows exactly the socket calls of that
// request. The outcome comes back to the GUI thread as a queued call.
// Like a browser, the worker keeps the http::Client of the last completed
// request, so the next send to the same origin reuses its kept-alive
// connection (Exchange::reusedConnection) instead of connecting again,
// unless the TLS or --resolve options changed (a connection made with
// verification off never serves a request that asks for it).
// cancel() returns at once: the request's thread stops at its next poll
// (Client::cancel), its outcome is dropped and its connection is not reused.

#include <QObject>
#include <QString>
#include <list>
#include <memory>

#include "core/http/client.h"
#include "core/http/preparedrequest.h"
#include "widgets/common/backgroundtask.h"

namespace sockwb {

class TraceAdapter;

// What one send produced: the hops, or an error sentence. When the
// connection failed after part of the response (ok false, error set), the
// last hop is what came (http::PartialResponseError).
struct ComposerOutcome {
    bool ok = false;
    http::Result result;
    QString error;
};

class ComposerWorker final : public QObject {
    Q_OBJECT
public:
    // Lives on the GUI thread (as every method but the threads it starts).
    explicit ComposerWorker(QObject* parent = nullptr);
    // Cancels what runs and joins every thread (prompt: cancel is immediate).
    ~ComposerWorker() override;

    // Starts sending prepared.wire (exactly those bytes, then the redirects'
    // own) to prepared.url with prepared.options; returns an id that
    // finished() will carry.
    quint64 send(const http::PreparedRequest& prepared);
    // Stops the running request, if any; no finished() follows for it.
    void cancel();
    bool isBusy() const { return current_ != 0; }
    // True while a kept-alive connection waits for the next send. GUI thread.
    bool hasIdleConnection() const { return idle_ != nullptr; }
    // Socket calls of the requests' threads, batched for a TraceView.
    TraceAdapter* traceAdapter() const { return trace_; }

signals:
    // The request with this id completed (GUI thread, never after cancel()).
    void finished(quint64 id, std::shared_ptr<const sockwb::ComposerOutcome> outcome);

private:
    struct Job {
        BackgroundTask task;
        std::shared_ptr<http::Client> client;
    };
    void deliver(quint64 id, std::shared_ptr<const ComposerOutcome> outcome,
                 std::shared_ptr<http::Client> client);
    void reap();

    TraceAdapter* trace_;
    std::list<Job> jobs_;  // the running request and cancelled ones still ending
    std::shared_ptr<http::Client> running_;
    std::shared_ptr<http::Client>
        idle_;  // the last completed request's client, its connection kept
    quint64 nextId_ = 1;
    quint64 current_ = 0;
};

}  // namespace sockwb
