#include "widgets/sequence/experimenttrace.h"

#include <QApplication>

#include "core/net/address.h"
#include "core/net/error.h"
#include "widgets/client/clientsession.h"
#include "widgets/client/clientwindow.h"
#include "widgets/run/runwindow.h"
#include "widgets/sequence/sequenceview.h"
#include "widgets/sequence/sequencewindow.h"
#include "widgets/server/serverpanel.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

namespace {

constexpr int kScanMs = 1000;

bool isLoopbackName(const QString& host) {
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           host.compare(QLatin1String("ip6-localhost"), Qt::CaseInsensitive) == 0;
}

// The client's host and port against one listening address (IP only).
bool sameEndpoint(const QString& host, quint16 port, const Address& listening) {
    if (port == 0 || port != listening.port()) return false;
    const std::string where = listening.host();
    if (where == "0.0.0.0" || where == "::") return true;  // a wildcard bind takes any host
    if (isLoopbackName(host)) return listening.isLoopback();
    try {
        return Address::fromIp(host.toStdString(), port) == listening;
    } catch (const Error&) {
        return false;  // a name: only localhost is known without a lookup
    }
}

}  // namespace

ExperimentTrace::ExperimentTrace(ServerPanel* server, SequenceView* view, QObject* parent)
    : QObject(parent), server_(server), wholeWorkbench_(server == nullptr), view_(view) {
    connect(&scan_, &QTimer::timeout, this, &ExperimentTrace::rescan);
    scan_.start(kScanMs);
    rescan();
}

ExperimentTrace::~ExperimentTrace() = default;

SequenceWindow* ExperimentTrace::openWindow(ServerPanel* server) {
    auto* window = new SequenceWindow;
    auto* hub = new ExperimentTrace(server, window->view(), window);
    auto describe = [window, hub] {
        window->setSubject(tr("experiment"));
        window->setStatus(hub->description());
    };
    connect(hub, &ExperimentTrace::sourcesChanged, window, describe);
    if (server) connect(server, &ServerPanel::titleChanged, window, describe);
    describe();
    window->show();
    return window;
}

bool ExperimentTrace::aimsAt(const ClientWindow& client, const ServerPanel& server) {
    const Protocol protocol = client.targetProtocol();
    const QString host = client.targetHost().trimmed();
    const std::vector<Address> addresses = server.addresses();
    const auto& listeners = server.config().listeners;
    for (size_t i = 0; i < addresses.size() && i < listeners.size(); ++i) {
        if (listeners[i].protocol != protocol) continue;
        if (isUnixDomain(protocol)) {
            try {
                if (Address::unixPath(host.toStdString()) == addresses[i]) return true;
            } catch (const Error&) {
            }
            continue;
        }
        if (sameEndpoint(host, client.targetPort(), addresses[i])) return true;
    }
    return false;
}

void ExperimentTrace::rescan() {
    if (!view_) {
        scan_.stop();
        return;
    }
    bool changed = false;
    const auto before = sources_.size();
    std::erase_if(sources_, [](const Source& s) { return s.window.isNull(); });
    changed = sources_.size() != before;

    const QWidgetList windows = QApplication::topLevelWidgets();
    if (server_) {
        changed |= add(Kind::Server, server_, server_->traceAdapter(), server_->traceView());
    } else if (wholeWorkbench_) {
        for (QWidget* w : windows)
            for (ServerPanel* panel : w->findChildren<ServerPanel*>())
                changed |= add(Kind::Server, panel, panel->traceAdapter(), panel->traceView());
    }
    for (QWidget* w : windows) {
        if (auto* client = qobject_cast<ClientWindow*>(w)) {
            // A window aimed at the server; with the server gone, none more.
            const bool wanted = wholeWorkbench_ || (server_ && aimsAt(*client, *server_));
            if (wanted)
                changed |= add(Kind::Client, client, client->session()->traceAdapter(),
                               client->traceView());
        } else if (auto* run = qobject_cast<RunWindow*>(w)) {
            changed |= add(Kind::Program, run, run->traceAdapter(), run->traceView());
        }
    }
    if (changed) emit sourcesChanged();
}

bool ExperimentTrace::add(Kind kind, QObject* window, TraceAdapter* adapter, TraceView* seed) {
    if (!adapter) return false;
    for (const Source& s : sources_)
        if (s.window && s.adapter == adapter) return false;
    sources_.push_back({kind, window, adapter});
    if (seed) view_->appendEvents(seed->keptEvents());
    view_->attach(adapter);
    return true;
}

int ExperimentTrace::count(Kind kind) const {
    int n = 0;
    for (const Source& s : sources_) n += (s.window && s.kind == kind) ? 1 : 0;
    return n;
}

int ExperimentTrace::sourceCount() const {
    return count(Kind::Server) + count(Kind::Client) + count(Kind::Program);
}
int ExperimentTrace::clientCount() const { return count(Kind::Client); }
int ExperimentTrace::programCount() const { return count(Kind::Program); }

QString ExperimentTrace::description() const {
    QString servers;
    if (server_)
        servers = tr("Server %1").arg(server_->title());
    else if (!wholeWorkbench_)
        servers = tr("The server was closed");
    else
        servers = tr("%n server(s)", nullptr, count(Kind::Server));
    return tr("%1, %n client window(s)", nullptr, clientCount()).arg(servers) +
           tr(", %n program(s) run", nullptr, programCount()) +
           tr(". Client and run windows opened later join in.");
}

}  // namespace sockwb
