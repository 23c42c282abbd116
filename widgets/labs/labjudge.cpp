#include "widgets/labs/labjudge.h"

#include <algorithm>

#include "widgets/client/clientwindow.h"
#include "widgets/server/serverobserveradapter.h"
#include "widgets/server/serverpanel.h"

namespace sockwb {

namespace {

bool hasExpectation(const std::vector<ScriptStep>& steps) {
    return std::any_of(steps.begin(), steps.end(), [](const ScriptStep& s) {
        return s.kind == ScriptStep::Kind::Expect || s.kind == ScriptStep::Kind::ExpectClose;
    });
}

bool sameServices(const ServerConfig& a, const ServerConfig& b) {
    if (a.model != b.model || a.listeners.size() != b.listeners.size()) return false;
    for (size_t i = 0; i < a.listeners.size(); ++i)
        if (a.listeners[i].service != b.listeners[i].service ||
            a.listeners[i].protocol != b.listeners[i].protocol)
            return false;
    return true;
}

}  // namespace

LabJudge::LabJudge(QObject* parent) : QObject(parent) {
    timeout_.setSingleShot(true);
    connect(&timeout_, &QTimer::timeout, this, [this] { finish(true); });
}

void LabJudge::setWorkspace(const Workspace& workspace) {
    running_ = false;
    timeout_.stop();
    for (const auto& c : std::as_const(watches_)) disconnect(c);
    watches_.clear();
    workspace_ = workspace;
    checks_.clear();
    pending_.clear();
    servers_.clear();
    emit checksChanged();
}

void LabJudge::begin() {
    setWorkspace(Workspace(workspace_));
    for (const WorkspaceClient& c : workspace_.clients)
        if (hasExpectation(c.script)) pending_.insert(c.name);
    running_ = true;
    clock_.start();
    timeout_.start(std::max(1, workspace_.runTimeoutMs));
    if (pending_.isEmpty())
        QTimer::singleShot(0, this, [this] {
            if (running_ && pending_.isEmpty()) finish();
        });
}

void LabJudge::watch(const QList<ServerPanel*>& servers, const QList<ClientWindow*>& clients) {
    QList<ServerPanel*> freePanels = servers;
    for (const WorkspaceServer& spec : workspace_.servers) {
        for (ServerPanel* panel : std::as_const(freePanels)) {
            if (!sameServices(panel->config(), spec.config)) continue;
            freePanels.removeOne(panel);
            watchServer(spec.name, panel);
            break;
        }
    }
    QList<ClientWindow*> freeWindows = clients;
    for (const WorkspaceClient& spec : workspace_.clients) {
        if (!pending_.contains(spec.name)) continue;
        for (ClientWindow* window : std::as_const(freeWindows)) {
            if (window->script() != spec.script) continue;
            freeWindows.removeOne(window);
            watchClient(spec.name, window);
            break;
        }
    }
}

void LabJudge::watchServer(const QString& name, ServerPanel* panel) {
    servers_[name];
    watches_ << connect(panel->observerAdapter(), &ServerObserverAdapter::eventsReady, this,
                        [this, name](const QVector<ServerEvent>& events, quint64) {
                            if (!running_) return;
                            ServerSeen& seen = servers_[name];
                            for (const ServerEvent& e : events) {
                                if (e.kind == ServerEvent::Opened) {
                                    ++seen.stats.accepted;
                                    ++seen.active;
                                    seen.maxActive = std::max(seen.maxActive, seen.active);
                                } else if (e.kind == ServerEvent::Closed && seen.active > 0) {
                                    --seen.active;
                                }
                            }
                        });
}

void LabJudge::watchClient(const QString& name, ClientWindow* window) {
    // The window's Script tab shows each step's result; the check says where to look.
    watches_ << connect(window, &ClientWindow::scriptFinished, this, [this, name](bool ok) {
        clientFinished(name, ok,
                       ok ? tr("every expectation met")
                          : tr("an expectation was not met (its Script tab says which)"));
    });
}

void LabJudge::clientFinished(const QString& name, const std::vector<StepResult>& results) {
    if (!running_ || !pending_.contains(name)) return;
    for (const WorkspaceClient& c : workspace_.clients) {
        if (c.name != name) continue;
        QList<LabCheck> found = scriptChecks(name, c.script, results);
        for (LabCheck& check : found)
            if (check.atMs < 0) check.atMs = elapsed();
        checks_ << found;
    }
    done(name);
}

void LabJudge::clientFinished(const QString& name, bool passed, const QString& observed) {
    if (!running_ || !pending_.contains(name)) return;
    for (const WorkspaceClient& c : workspace_.clients) {
        if (c.name != name) continue;
        LabCheck check;
        check.subject = name;
        check.expected = expectations(c.script);
        check.observed = observed;
        check.passed = passed;
        check.atMs = elapsed();
        checks_ << check;
    }
    done(name);
}

void LabJudge::serverObserved(const QString& name, const ServerStats& stats,
                              quint64 maxActiveSeen) {
    ServerSeen& seen = servers_[name];
    seen.stats = stats;
    seen.maxActive = maxActiveSeen;
    seen.reported = true;
}

void LabJudge::requestFinished(int composer, int status, const QByteArray& body,
                               const QString& error) {
    if (!running_ || composer < 0 || composer >= int(workspace_.composers.size())) return;
    QList<LabCheck> found =
        requestChecks(workspace_.composers[size_t(composer)], status, body, error);
    for (LabCheck& check : found)
        if (check.atMs < 0) check.atMs = elapsed();
    checks_ << found;
    emit checksChanged();
}

void LabJudge::done(const QString& client) {
    pending_.remove(client);
    emit checksChanged();
    if (pending_.isEmpty()) finish();
}

void LabJudge::finish(bool timedOut) {
    if (!running_) return;
    running_ = false;
    timeout_.stop();
    for (const QString& name : std::as_const(pending_)) {
        LabCheck check;
        check.subject = name;
        check.expected = tr("plays its script to the end");
        check.observed = tr("still playing after %1 ms").arg(workspace_.runTimeoutMs);
        checks_ << check;
    }
    pending_.clear();
    for (const WorkspaceServer& spec : workspace_.servers) {
        if (spec.expectAcceptedAtLeast < 0 && spec.expectMaxActiveAtMost < 0) continue;
        const ServerSeen seen = servers_.value(spec.name);
        QList<LabCheck> found = serverChecks(spec, seen.stats, seen.maxActive);
        for (LabCheck& check : found)
            if (check.atMs < 0) check.atMs = elapsed();
        checks_ << found;
    }
    emit checksChanged();
    emit finished(timedOut);
}

QStringList LabJudge::pending() const {
    QStringList names(pending_.begin(), pending_.end());
    names.sort();
    return names;
}

bool LabJudge::passed() const {
    return !checks_.isEmpty() &&
           std::all_of(checks_.begin(), checks_.end(), [](const LabCheck& c) { return c.passed; });
}

QString LabJudge::expectations(const std::vector<ScriptStep>& steps) {
    QStringList parts;
    for (const ScriptStep& s : steps) {
        if (s.kind == ScriptStep::Kind::Expect) {
            QString text = QString::fromStdString(s.bytes);
            text.replace(QLatin1Char('\r'), QLatin1String("\\r"))
                .replace(QLatin1Char('\n'), QLatin1String("\\n"));
            parts << (s.minAfterMs >= 0
                          ? tr("receives \"%1\" after at least %2 ms").arg(text).arg(s.minAfterMs)
                          : tr("receives \"%1\"").arg(text));
        } else if (s.kind == ScriptStep::Kind::ExpectClose) {
            parts << tr("sees the server close");
        }
    }
    return parts.join(tr(", then "));
}

qint64 LabJudge::elapsed() const { return clock_.isValid() ? clock_.elapsed() : -1; }

}  // namespace sockwb
