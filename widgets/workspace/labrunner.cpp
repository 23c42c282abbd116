#include "widgets/workspace/labrunner.h"

#include <QRegularExpression>
#include <algorithm>
#include <atomic>
#include <list>

#include "core/http/client.h"
#include "core/relay/relay.h"
#include "core/server/server.h"
#include "widgets/common/backgroundtask.h"
#include "widgets/common/errortext.h"
#include "widgets/composer/composerprepared.h"
#include "widgets/workspace/labclient.h"

namespace sockwb {

namespace {

// Counts a server's open connections as they open and close, and keeps the
// most seen at once. Called on the server's threads.
class ActiveCounter final : public ServerObserver {
public:
    void onConnectionOpened(const ConnectionInfo&) override {
        const uint64_t now = ++active_;
        uint64_t seen = max_.load();
        while (now > seen && !max_.compare_exchange_weak(seen, now)) {
        }
    }
    void onConnectionClosed(const ConnectionInfo&) override {
        uint64_t v = active_.load();
        while (v > 0 && !active_.compare_exchange_weak(v, v - 1)) {
        }
    }
    uint64_t max() const { return max_.load(); }

private:
    std::atomic<uint64_t> active_{0};
    std::atomic<uint64_t> max_{0};
};

// What came back for a request (or why nothing did).
struct RequestOutcome {
    int status = -1;
    QByteArray body;
    QString error;
};

QString hostPort(const Address& a) { return QString::fromStdString(a.toString()); }

}  // namespace

// A composer request marked `run`: its client (cancel() from here), the
// thread that sends it, and what came back.
struct LabRunner::RequestRun {
    const WorkspaceComposer* spec = nullptr;
    std::shared_ptr<http::Client> client;
    BackgroundTask task;
    std::optional<RequestOutcome> outcome;
    qint64 atMs = -1;
    bool sent = false;
};

struct LabRunner::Impl {
    struct ServerRun {
        const WorkspaceServer* spec = nullptr;
        std::unique_ptr<Server> server;
        ActiveCounter counter;
    };
    struct RelayRun {
        QString name;
        std::unique_ptr<Relay> relay;
    };
    Workspace workspace;
    LabReport report;
    QElapsedTimer clock;
    std::list<ServerRun> servers;
    std::list<RelayRun> relays;
    std::vector<std::unique_ptr<LabClient>> clients;
    std::list<RequestRun> requests;
    std::vector<QTimer*> timers;  // connectAfterMs, sendAfterMs, the run's timeout
    bool started = false;
    bool running = false;
    bool done = false;
};

LabRunner::LabRunner(Workspace workspace, QObject* parent)
    : QObject(parent), d(std::make_unique<Impl>()) {
    d->workspace = std::move(workspace);
    d->report.title = d->workspace.lab.title.en;
}

LabRunner::~LabRunner() {
    if (d->running) cancel();
}

bool LabRunner::isRunning() const { return d->running; }
const LabReport& LabRunner::report() const { return d->report; }

QString LabRunner::addressOf(const QString& name) const {
    for (const auto& s : d->servers)
        if (s.spec->name == name && s.server && s.server->isRunning()) {
            const auto addresses = s.server->addresses();
            return addresses.empty() ? QString() : hostPort(addresses.front());
        }
    for (const auto& r : d->relays)
        if (r.name == name && r.relay && r.relay->running()) return hostPort(r.relay->address());
    return {};
}

namespace {

// The names ${NAME} of a URL.
QStringList placeholders(const QString& url) {
    static const QRegularExpression re(QStringLiteral("\\$\\{([^}]*)\\}"));
    QStringList names;
    for (auto it = re.globalMatch(url); it.hasNext();) names << it.next().captured(1);
    return names;
}

// Why the workspace cannot run as written (a name that refers to nothing), "" when fine.
QString unresolved(const Workspace& w) {
    auto known = [&w](const QString& name, bool relays) {
        const WorkspaceServer* s = w.server(name);
        if (s)
            return s->autostart ? QString() : QStringLiteral(" is not started (autostart is off)");
        if (relays) {
            if (const WorkspaceRelay* r = w.relay(name))
                return r->autostart ? QString()
                                    : QStringLiteral(" is not started (autostart is off)");
        }
        return QStringLiteral(" is not a server%1 of the workspace")
            .arg(relays ? QStringLiteral(" or relay") : QString());
    };
    for (const WorkspaceRelay& r : w.relays) {
        if (!r.autostart || r.targetServer.isEmpty()) continue;
        if (const QString why = known(r.targetServer, false); !why.isEmpty())
            return QStringLiteral("relay %1: its target '%2'%3").arg(r.name, r.targetServer, why);
    }
    for (const WorkspaceClient& c : w.clients) {
        if (c.connectAfterMs < 0 || c.target.isEmpty()) continue;
        if (const QString why = known(c.target, true); !why.isEmpty())
            return QStringLiteral("%1: its target '%2'%3").arg(c.name, c.target, why);
        const WorkspaceServer* s = w.server(c.target);
        if (s && (c.listener < 0 || static_cast<size_t>(c.listener) >= s->config.listeners.size()))
            return QStringLiteral("%1: server %2 has no listener %3")
                .arg(c.name, c.target)
                .arg(c.listener);
    }
    for (const WorkspaceComposer& c : w.composers) {
        if (!c.run) continue;
        for (const QString& name : placeholders(QString::fromStdString(c.request.url)))
            if (const QString why = known(name, true); !why.isEmpty())
                return QStringLiteral("request %1: ${%2}%3")
                    .arg(QString::fromStdString(c.request.title()), name, why);
    }
    return {};
}

}  // namespace

void LabRunner::start() {
    if (d->started) return;
    d->started = true;
    d->running = true;
    d->clock.start();
    // start() returns at once: what follows (and an early finish) runs from the loop.
    QMetaObject::invokeMethod(
        this, [this] { begin(); }, Qt::QueuedConnection);
}

void LabRunner::begin() {
    if (d->done) return;
    const Workspace& w = d->workspace;
    if (const QString why = unresolved(w); !why.isEmpty()) return fail(why);
    for (const WorkspaceServer& spec : w.servers) {
        if (!spec.autostart) continue;
        auto& run = d->servers.emplace_back();
        run.spec = &spec;
        try {
            run.server = std::make_unique<Server>(spec.config);
            run.server->setObserver(&run.counter);
            run.server->start();
        } catch (const Error& e) {
            return fail(tr("server %1 did not start: %2").arg(spec.name, ErrorText::sentence(e)));
        }
        for (const Address& a : run.server->addresses())
            emit progress(
                tr("server %1 (%2) listening on %3")
                    .arg(spec.name, QString::fromStdString(spec.config.model), hostPort(a)));
    }
    for (const WorkspaceRelay& spec : w.relays) {
        if (!spec.autostart) continue;
        RelayConfig config = spec.config;
        if (!spec.targetServer.isEmpty()) {
            const Address target = Address::parse(addressOf(spec.targetServer).toStdString());
            config.targetHost = target.host();
            config.targetPort = target.port();
        }
        auto& run = d->relays.emplace_back();
        run.name = spec.name;
        try {
            run.relay = std::make_unique<Relay>(config);
            run.relay->start();
        } catch (const Error& e) {
            return fail(tr("relay %1 did not start: %2").arg(spec.name, ErrorText::sentence(e)));
        }
        emit progress(tr("relay %1 listening on %2, forwarding to %3:%4")
                          .arg(spec.name, hostPort(run.relay->address()),
                               QString::fromStdString(config.targetHost))
                          .arg(config.targetPort));
    }
    d->clock.restart();  // the clients' and requests' delays count from here
    for (const WorkspaceClient& spec : w.clients) {
        auto client = std::make_unique<LabClient>(spec, d->clock);
        connect(client.get(), &LabClient::progress, this, &LabRunner::progress);
        connect(client.get(), &LabClient::scriptFinished, this, [this] { checkDone(); });
        LabClient* raw = client.get();
        d->clients.push_back(std::move(client));
        if (spec.connectAfterMs < 0) continue;
        raw->schedule();
        after(spec.connectAfterMs, [this, raw, &spec] { connectClient(*raw, spec); });
    }
    for (const WorkspaceComposer& spec : w.composers) {
        if (!spec.run) continue;
        auto& run = d->requests.emplace_back();
        run.spec = &spec;
        after(std::max(0, spec.sendAfterMs), [this, &run] { sendRequest(run); });
    }
    after(std::max(0, w.runTimeoutMs), [this] { timeOut(); });
    checkDone();
}

void LabRunner::after(int ms, std::function<void()> what) {
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, std::move(what));
    d->timers.push_back(timer);
    timer->start(ms);
}

void LabRunner::connectClient(LabClient& client, const WorkspaceClient& spec) {
    if (d->done) return;
    ClientConfig config = spec.config;
    if (!spec.target.isEmpty()) {
        Address target;
        if (const WorkspaceServer* s = d->workspace.server(spec.target)) {
            for (const auto& run : d->servers)
                if (run.spec == s) target = run.server->addresses().at(spec.listener);
        } else {
            target = Address::parse(addressOf(spec.target).toStdString());
        }
        config.host = target.host();
        config.port = target.port();
    }
    const QString where =
        spec.target.isEmpty()
            ? QStringLiteral("%1:%2").arg(QString::fromStdString(config.host)).arg(config.port)
            : spec.target;
    client.connectTo(config, where);
}

void LabRunner::sendRequest(RequestRun& run) {
    if (d->done) return;
    run.sent = true;
    ComposerRequest form = run.spec->request;
    QString url = QString::fromStdString(form.url);
    for (const QString& name : placeholders(url))
        url.replace(QStringLiteral("${%1}").arg(name), addressOf(name));
    form.url = url.toStdString();
    emit progress(tr("request %1: %2 %3")
                      .arg(QString::fromStdString(run.spec->request.title()),
                           QString::fromStdString(form.method), url));
    const ComposerPrepared prepared = ComposerPrepared::prepare(form);
    if (!prepared.ok()) {
        RequestOutcome o;
        o.error = prepared.problem == ComposerPrepared::Problem::Url
                      ? QString::fromStdString(prepared.urlError.message)
                      : tr("the request cannot be sent as written");
        run.outcome = o;
        run.atMs = d->clock.elapsed();
        return checkDone();
    }
    run.client = std::make_shared<http::Client>(prepared.ready->options);
    auto work = [client = run.client, ready = *prepared.ready] {
        RequestOutcome o;
        try {
            const http::Result result = client->perform(ready);
            o.status = result.final().response.status;
            o.body = QByteArray::fromStdString(result.final().response.body);
        } catch (const http::PartialResponseError& e) {
            if (e.received().headComplete) {
                o.status = e.received().response.status;
                o.body = QByteArray::fromStdString(e.received().response.body);
            }
            o.error = ErrorText::sentence(e);
        } catch (const Error& e) {
            o.error = ErrorText::sentence(e);
        }
        client->disconnect();
        return o;
    };
    auto done = [this, &run](TaskResult<RequestOutcome> r) {
        run.outcome = r.value ? *r.value : RequestOutcome{-1, {}, tr("the request failed")};
        run.atMs = d->clock.elapsed();
        emit progress(
            run.outcome->status >= 0
                ? tr("request %1 answered with status %2")
                      .arg(QString::fromStdString(run.spec->request.title()))
                      .arg(run.outcome->status)
                : tr("request %1: %2")
                      .arg(QString::fromStdString(run.spec->request.title()), run.outcome->error));
        checkDone();
    };
    run.task = BackgroundTask::run(this, std::move(work), std::move(done));
}

void LabRunner::checkDone() {
    if (d->done || !d->running) return;
    for (const auto& c : d->clients)
        if (!c->isFinished()) return;
    for (const auto& r : d->requests)
        if (!r.outcome) return;
    finish(false);
}

void LabRunner::timeOut() {
    if (d->done) return;
    d->report.timedOut = true;
    emit progress(tr("the run timed out after %1 ms").arg(d->workspace.runTimeoutMs));
    finish(false);
}

void LabRunner::fail(const QString& error) {
    d->report.error = error;
    emit progress(error);
    finish(false);
}

void LabRunner::cancel() {
    if (d->done) return;
    if (!d->started) d->started = true;
    if (d->report.error.isEmpty()) d->report.error = tr("the run was cancelled");
    finish(true);
}

void LabRunner::finish(bool cancelled) {
    if (d->done) return;
    d->done = true;
    for (QTimer* t : d->timers) t->stop();
    // Everything stops before the report is made: what the clients saw is final.
    for (auto& c : d->clients) c->stop();
    for (auto& r : d->requests)
        if (r.client) r.client->cancel();
    for (auto& r : d->requests) r.task.join();
    for (auto& r : d->relays)
        if (r.relay) r.relay->stop();
    for (auto& s : d->servers)
        if (s.server) s.server->stop();
    LabReport& report = d->report;
    report.elapsedMs = d->clock.elapsed();
    const QString pending =
        report.timedOut
            ? tr("still waiting when the run timed out after %1 ms").arg(d->workspace.runTimeoutMs)
        : cancelled ? tr("still waiting when the run was cancelled")
                    : tr("still waiting when the run stopped");
    if (report.error.isEmpty() || cancelled) {
        for (const auto& c : d->clients) report.checks += c->checks(pending);
        for (const auto& s : d->servers) {
            if (!s.server) continue;
            QList<LabCheck> checks = serverChecks(*s.spec, s.server->stats(), s.counter.max());
            for (LabCheck& c : checks) c.atMs = report.elapsedMs;  // decided at the end
            report.checks += checks;
        }
        for (const auto& r : d->requests) {
            const RequestOutcome o = r.outcome.value_or(
                RequestOutcome{-1, {}, r.sent ? pending : tr("not sent before the run ended")});
            QList<LabCheck> checks = requestChecks(*r.spec, o.status, o.body, o.error);
            for (LabCheck& c : checks) c.atMs = r.atMs;
            report.checks += checks;
        }
    }
    d->running = false;
    emit finished(report);
}

}  // namespace sockwb
