#include "widgets/composer/composerworker.h"

#include "core/net/error.h"
#include "core/net/trace.h"
#include "widgets/common/errortext.h"
#include "widgets/trace/traceadapter.h"

namespace sockwb {

namespace {

// Whether a connection made with options a may carry a request sent with
// options b: the same trust (a connection made with verification off must
// not serve a request that asks for it), client certificate and --resolve.
bool sameConnectionOptions(const http::ClientOptions& a, const http::ClientOptions& b) {
    const tls::ClientOptions &x = a.tls, &y = b.tls;
    if (x.insecure != y.insecure || x.caFile != y.caFile || x.certFile != y.certFile ||
        x.keyFile != y.keyFile || x.alpn != y.alpn || x.minVersion != y.minVersion ||
        x.maxVersion != y.maxVersion || x.resumeSessions != y.resumeSessions)
        return false;
    if (a.resolve.size() != b.resolve.size()) return false;
    for (std::size_t i = 0; i < a.resolve.size(); ++i)
        if (a.resolve[i].host != b.resolve[i].host || a.resolve[i].port != b.resolve[i].port ||
            a.resolve[i].address != b.resolve[i].address)
            return false;
    return true;
}

}  // namespace

ComposerWorker::ComposerWorker(QObject* parent) : QObject(parent), trace_(new TraceAdapter(this)) {}

ComposerWorker::~ComposerWorker() {
    for (auto& job : jobs_) job.client->cancel();
    for (auto& job : jobs_) job.task.join();  // prompt: every client is cancelled
}

quint64 ComposerWorker::send(const http::PreparedRequest& prepared) {
    cancel();
    reap();
    const quint64 id = nextId_++;
    // Other TLS or --resolve options: a new client, a new connection.
    if (idle_ && !sameConnectionOptions(idle_->options(), prepared.options)) idle_.reset();
    // The idle client is handed to the new task; from now on only it touches the client.
    auto client = idle_ ? std::move(idle_) : std::make_shared<http::Client>(prepared.options);
    client->setOptions(prepared.options);
    running_ = client;
    current_ = id;
    auto work = [client, trace = trace_, prepared] {
        auto outcome = std::make_shared<ComposerOutcome>();
        TraceScope scope(trace);
        try {
            outcome->result = client->perform(prepared);
            outcome->ok = true;
        } catch (const http::PartialResponseError& e) {
            outcome->result.hops.push_back(e.received());
            outcome->error = ErrorText::sentence(e);
        } catch (const Error& e) {
            outcome->error = ErrorText::sentence(e);
        } catch (const std::exception& e) {
            outcome->error = QString::fromStdString(e.what());
        }
        // A connection the server keeps open stays for the next send; any
        // other is closed here, so its close() belongs to this trace.
        if (!outcome->ok || !client->options().keepAlive) client->disconnect();
        return std::shared_ptr<const ComposerOutcome>(std::move(outcome));
    };
    auto done = [this, id, client](TaskResult<std::shared_ptr<const ComposerOutcome>> r) {
        deliver(id, std::move(*r.value), client);  // the work catches everything
    };
    jobs_.push_back(Job{BackgroundTask::run(this, std::move(work), std::move(done)), client});
    return id;
}

void ComposerWorker::cancel() {
    if (running_) running_->cancel();
    running_.reset();
    current_ = 0;
}

void ComposerWorker::deliver(quint64 id, std::shared_ptr<const ComposerOutcome> outcome,
                             std::shared_ptr<http::Client> client) {
    reap();
    if (id != current_) return;  // cancelled or superseded: its connection is not reused
    current_ = 0;
    running_.reset();
    if (outcome->ok) idle_ = std::move(client);  // its thread is done with it
    emit finished(id, std::move(outcome));
}

void ComposerWorker::reap() {
    jobs_.remove_if([](const Job& job) { return job.task.isFinished(); });
}

}  // namespace sockwb
