#include "core/server/server.h"

#include <algorithm>

#include "core/server/models/concurrencymodel.h"
#include "core/server/servercore.h"
#include "core/server/serverloops.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsservice.h"

namespace sockwb {

namespace {

// loops > 1: only the models built on event loops run several, and only
// listeners that several sockets can share (SO_REUSEPORT on a port; a
// Unix path names one socket, so a unix stream listener cannot be copied).
void validateLoops(const ServerConfig& config) {
    const int n = config.loops;
    if (n < 1 || n > kMaxServerLoops)
        throw Error::invalid("loops", "must be between 1 and " + std::to_string(kMaxServerLoops));
    if (n == 1) return;
    const std::string flag = "--loops " + std::to_string(n);
    if (config.model != "epoll" && config.model != "io_uring")
        throw Error::invalid("loops",
                             flag +
                                 " needs the epoll or io_uring model (thread and pool already "
                                 "use several threads)");
    for (const auto& l : config.listeners)
        if (l.protocol == Protocol::Unix)
            throw Error::invalid("loops", flag +
                                              " cannot serve a unix stream listener: a socket "
                                              "path names one socket, which loops cannot share "
                                              "as they share a TCP port (SO_REUSEPORT)");
}

bool isEventDriven(const std::string& model) {
    return model == "select" || model == "poll" || model == "epoll" || model == "io_uring";
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

const char* ioModeName(IoMode mode) noexcept { return mode == IoMode::Poll ? "poll" : "blocking"; }

std::optional<IoMode> ioModeFromName(std::string_view name) noexcept {
    if (name == "blocking") return IoMode::Blocking;
    if (name == "poll") return IoMode::Poll;
    return std::nullopt;
}

bool usesBlockingCalls(const ServerConfig& config) noexcept {
    return config.io == IoMode::Blocking && !isEventDriven(config.model);
}

std::optional<Refusal> refusalOf(const std::string& model, const Service& service,
                                 Protocol protocol, size_t listenerCount) {
    using R = Refusal::Reason;
    const auto refused = [&](R reason) { return Refusal{reason, model, service.name()}; };
    const auto models = modelNames();
    if (std::find(models.begin(), models.end(), model) == models.end())
        return refused(R::UnknownModel);
    if (!modelUnavailableReason(model).empty()) return refused(R::ModelUnavailable);
    const bool udp = isDatagram(protocol);  // unixgram follows UDP's rules
    if (udp && !service.supportsUdp())
        return refused(service.needsBroadcast() ? R::RelayNeedsConnections : R::NoUdpForm);
    if (!udp && !service.supportsTcp()) return refused(R::NoTcpForm);
    if (service.needsBroadcast() && model == "fork") return refused(R::RelayUnderFork);
    if (service.needsBroadcast() && model == "iterative") return refused(R::RelayUnderIterative);
    if (udp && model == "fork") return refused(R::UdpUnderFork);
    if (udp && (model == "thread" || model == "pool")) return refused(R::UdpUnderThreads);
    if (udp && model == "iterative" && listenerCount > 1) return refused(R::IterativeOneUdp);
    return std::nullopt;
}

std::optional<Refusal> refusalOf(const std::string& model, const std::string& service,
                                 Protocol protocol, size_t listenerCount) {
    const auto models = modelNames();
    if (std::find(models.begin(), models.end(), model) == models.end())
        return Refusal{Refusal::Reason::UnknownModel, model, service};
    const auto names = serviceNames();
    if (std::find(names.begin(), names.end(), service) == names.end())
        return Refusal{Refusal::Reason::UnknownService, model, service};
    return refusalOf(model, *makeService(service), protocol, listenerCount);
}

std::string englishSentence(const Refusal& r) {
    const std::string& name = r.service;
    switch (r.reason) {
        case Refusal::Reason::UnknownModel:
            return "unknown model '" + r.model + "': valid models are " + joined(modelNames());
        case Refusal::Reason::UnknownService:
            // As makeService() words it (an InvalidInput error's what()).
            return "unknown service '" + name + "': the services are " + joined(serviceNames());
        case Refusal::Reason::RelayNeedsConnections:
            return "the " + name +
                   " service relays lines between connected clients, and UDP has "
                   "no connections: use TCP";
        case Refusal::Reason::NoUdpForm:
            return "the " + name + " service has no UDP form: use TCP";
        case Refusal::Reason::NoTcpForm:
            return "the " + name + " service has no TCP form: use UDP";
        case Refusal::Reason::RelayUnderFork:
            return "the " + name +
                   " service cannot run under fork: each client lives in its own "
                   "process, so lines cannot be relayed";
        case Refusal::Reason::RelayUnderIterative:
            return "the " + name +
                   " service cannot run under iterative: one client at a time cannot "
                   "talk to anyone";
        case Refusal::Reason::UdpUnderFork:
            return "UDP has no connections to hand to a worker process: serve UDP with "
                   "iterative, select, poll or epoll";
        case Refusal::Reason::UdpUnderThreads:
            return "UDP has no connections to hand to a worker thread: serve UDP with "
                   "iterative, select, poll or epoll";
        case Refusal::Reason::ModelUnavailable:
            return "the " + r.model + " model cannot run here: " + modelUnavailableReason(r.model);
        case Refusal::Reason::IterativeOneUdp:
            return "the iterative model serves one UDP listener in its recvfrom loop: use select, "
                   "poll or epoll to host several services in one server";
    }
    return {};
}

std::string whyRefused(const std::string& model, const Service& service, Protocol protocol,
                       size_t listenerCount) {
    const auto r = refusalOf(model, service, protocol, listenerCount);
    return r ? englishSentence(*r) : std::string{};
}

std::string whyRefused(const std::string& model, const std::string& service, Protocol protocol,
                       size_t listenerCount) {
    const auto r = refusalOf(model, service, protocol, listenerCount);
    return r ? englishSentence(*r) : std::string{};
}

Server::Server(ServerConfig config) : config_(std::move(config)) {
    for (const auto& l : config_.listeners) services_.push_back(makeService(l.service));
    validate();
}

Server::Server(ServerConfig config, std::vector<std::shared_ptr<const Service>> services)
    : config_(std::move(config)), services_(std::move(services)) {
    validate();
}

Server::~Server() { stop(); }

void Server::validate() const {
    if (config_.listeners.empty())
        throw Error::invalid("listeners", "a server needs at least one listener");
    if (services_.size() != config_.listeners.size() ||
        std::any_of(services_.begin(), services_.end(), [](const auto& s) { return !s; }))
        throw Error::invalid("services", "one service per listener is needed");
    (void)makeModel(config_.model);  // throws the list of valid models
    const size_t n = config_.listeners.size();
    bool anyUdp = false;
    for (size_t i = 0; i < n; ++i) {
        const auto& l = config_.listeners[i];
        if (isDatagram(l.protocol)) anyUdp = true;
        // A Unix socket path too long for sun_path fails here, before any call.
        if (isUnixDomain(l.protocol)) (void)Address::unixPath(l.bindAddress);
        std::string why = whyRefused(config_.model, *services_[i], l.protocol, n);
        if (!why.empty()) throw Error::unsupported(why);
    }
    if (anyUdp && n > 1 && !isEventDriven(config_.model))
        throw Error::unsupported("the " + config_.model +
                                 " model cannot mix UDP with other "
                                 "listeners: use select, poll or epoll for a multi-service server");
    validateLoops(config_);
    if (config_.backlog < 1) throw Error::invalid("backlog", "must be at least 1");
    if (config_.model == "pool" && config_.poolSize < 1)
        throw Error::invalid("pool size", "must be at least 1");
    if (config_.maxConnections < 0)
        throw Error::invalid("max connections", "must be 0 (no limit) or more");
    if (config_.idleTimeoutMs < 0) throw Error::invalid("idle timeout", "must be 0 (none) or more");
    if (config_.maxWorkers < 0) throw Error::invalid("max workers", "must be 0 (no limit) or more");
}

void Server::setObserver(ServerObserver* observer) { observer_ = observer; }

void Server::setTraceObserver(TraceObserver* observer) { trace_ = observer; }

std::shared_ptr<ServerCore> Server::core() const {
    std::lock_guard lock(coreMutex_);
    return core_;
}

void Server::start() {
    std::vector<std::pair<std::string, Address>> listening;
    {
        std::lock_guard lock(mutex_);
        if (running_) return;
        ServerConfig cfg = config_;
        cfg.serviceOptions.modelName = config_.model;
        // TLS: one context for every connection, made before any model
        // starts (a fork child inherits it: same certificate, same ticket
        // keys); a bad certificate or key throws here, naming the file.
        std::shared_ptr<const tls::Context> tlsContext;
        auto services = services_;
        if (config_.tls) {
            tlsContext = tls::Context::server(config_.tlsOptions);
            for (size_t i = 0; i < services.size(); ++i)
                if (config_.listeners[i].protocol == Protocol::Tcp)
                    services[i] = std::make_shared<tls::TlsService>(services[i], tlsContext);
        }
        auto core =
            std::make_shared<ServerCore>(std::move(cfg), std::move(services), observer_, trace_);
        auto model = makeModel(config_.model);
        {
            // The listeners' socket/bind/listen calls belong to this
            // server's trace even though they run on the caller's thread.
            TraceScope scope(trace_);
            core->open();  // throws with nothing left open
            try {
                model->start(*core);
            } catch (...) {
                core->requestStop();
                core->wakeBlockedCalls();
                model->stop();
                core->close();
                throw;
            }
        }
        // One line per configured listener, not per loop's copy of it.
        for (const auto& l : core->listeners())
            if (l.loop == 0) listening.emplace_back(l.label, l.address);
        model_ = std::move(model);
        {
            std::lock_guard c(coreMutex_);
            core_ = std::move(core);
            tlsContext_ = std::move(tlsContext);
        }
        running_ = true;
    }
    if (observer_)
        for (const auto& [label, address] : listening) observer_->onListening(label, address);
}

void Server::stop() {
    {
        std::lock_guard lock(mutex_);
        if (!running_) return;
        auto core = this->core();
        TraceScope scope(trace_);
        core->requestStop();
        core->wakeBlockedCalls();
        model_->stop();
        model_.reset();
        core->close();
        running_ = false;
    }
    if (observer_) observer_->onStopped();
}

bool Server::isRunning() const { return running_; }

std::vector<Address> Server::addresses() const {
    auto c = core();
    return c ? c->addresses() : std::vector<Address>{};
}

std::string Server::modelName() const { return config_.model; }

ServerStats Server::stats() const {
    auto c = core();
    return c ? c->stats() : ServerStats{};
}

std::vector<ConnectionInfo> Server::connections() const {
    auto c = core();
    return c ? c->connections() : std::vector<ConnectionInfo>{};
}

std::vector<SockoptReadback> Server::sockoptReadback() const {
    auto c = core();
    return c ? c->sockoptReadback() : std::vector<SockoptReadback>{};
}

tls::CertificateInfo Server::tlsCertificate() const {
    std::lock_guard lock(coreMutex_);
    return tlsContext_ ? tlsContext_->ownCertificate() : tls::CertificateInfo{};
}

std::string Server::tlsCertFile() const {
    std::lock_guard lock(coreMutex_);
    return tlsContext_ ? tlsContext_->certFile() : std::string{};
}

}  // namespace sockwb
