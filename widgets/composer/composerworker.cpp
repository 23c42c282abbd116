#include "widgets/composer/composerworker.h"

#include <QMetaObject>

#include "core/net/error.h"
#include "core/net/trace.h"
#include "widgets/common/errortext.h"
#include "widgets/trace/traceadapter.h"

namespace sockwb {

ComposerWorker::ComposerWorker(QObject* parent) : QObject(parent), trace_(new TraceAdapter(this)) {}

ComposerWorker::~ComposerWorker() {
    for (auto& job : jobs_) job->client->cancel();
    for (auto& job : jobs_)
        if (job->thread.joinable()) job->thread.join();
}

quint64 ComposerWorker::send(const http::Request& request, const http::Url& url,
                             const http::ClientOptions& options) {
    cancel();
    reap();
    const quint64 id = nextId_++;
    auto job = std::make_unique<Job>();
    // The idle client is handed to the new thread; from now on only it touches the client.
    job->client = idle_ ? std::move(idle_) : std::make_shared<http::Client>(options);
    job->client->setOptions(options);
    running_ = job->client;
    current_ = id;
    Job* raw = job.get();
    TraceAdapter* trace = trace_;
    job->thread = std::thread([this, raw, trace, id, request, url] {
        auto outcome = std::make_shared<ComposerOutcome>();
        {
            TraceScope scope(trace);
            try {
                outcome->result = raw->client->perform(request, url);
                outcome->ok = true;
            } catch (const Error& e) {
                outcome->error = ErrorText::sentence(e);
            } catch (const std::exception& e) {
                outcome->error = QString::fromStdString(e.what());
            }
            // A connection the server keeps open stays for the next send; any
            // other is closed here, so its close() belongs to this trace.
            if (!outcome->ok || !raw->client->options().keepAlive) raw->client->disconnect();
        }
        raw->done = true;
        // Queued to the GUI thread; dropped if the worker is gone (it joins us first).
        QMetaObject::invokeMethod(
            this, [this, id, outcome, client = raw->client] { deliver(id, outcome, client); },
            Qt::QueuedConnection);
    });
    jobs_.push_back(std::move(job));
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
    for (auto it = jobs_.begin(); it != jobs_.end();) {
        if ((*it)->done) {
            (*it)->thread.join();
            it = jobs_.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace sockwb
