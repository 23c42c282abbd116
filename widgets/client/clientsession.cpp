#include "widgets/client/clientsession.h"

#include "widgets/trace/traceadapter.h"

namespace sockwb {

ClientSession::ClientSession(QObject* parent) : QObject(parent), trace_(new TraceAdapter(this)) {
    qRegisterMetaType<sockwb::ErrorInfo>();
    qRegisterMetaType<sockwb::CloseReason>();
    qRegisterMetaType<sockwb::tls::SessionInfo>();
}

ClientSession::~ClientSession() {
    // Join before the members the I/O thread touches (trace_, mutex_) go.
    if (connection_) connection_->stop();
    connection_.reset();
}

void ClientSession::connectTo(const QString& host, quint16 port, Protocol protocol, int timeoutMs) {
    if (connection_) connection_->stop();  // prompt: the old thread is woken, not waited on
    connection_.reset();
    ++generation_;
    {
        std::lock_guard lock(mutex_);
        pending_.clear();
    }
    bytesIn_ = bytesOut_ = 0;
    ClientConfig config = configFor(settings_, sockopts_, host, port, protocol, timeoutMs);
    if (config.tls) {
        try {
            config.tlsContext = tlsContext();
        } catch (const Error& e) {  // a CA file that cannot be read
            emit errorOccurred(e.info());
            setState(State::Failed);
            emit closed(CloseReason::Error);
            return;
        }
    }
    connection_ =
        std::make_unique<ClientConnection>(config, static_cast<ClientObserver*>(this), trace_);
    setState(State::Connecting);
    try {
        connection_->start();
    } catch (const Error& e) {
        connection_.reset();
        emit errorOccurred(e.info());
        setState(State::Failed);
        emit closed(CloseReason::Error);
    }
}

ClientConfig ClientSession::configFor(const Settings& settings,
                                      const std::vector<SockoptSetting>& sockopts,
                                      const QString& host, quint16 port, Protocol protocol,
                                      int timeoutMs) {
    ClientConfig config;
    config.protocol = protocol;
    config.host = host.toStdString();
    config.port = port;
    config.connectTimeout = Millis(timeoutMs);
    config.io = settings.io;
    config.bind = settings.bind;
    config.recvSize = static_cast<size_t>(std::max(1, settings.recvSize));
    config.sockopts = sockopts;
    config.tls = settings.tls && protocol == Protocol::Tcp;
    config.tlsOptions.insecure = !settings.verify;
    config.tlsOptions.caFile = settings.caFile;
    config.tlsOptions.alpn.clear();  // a raw TCP client: no application protocol to offer
    return config;
}

std::shared_ptr<const tls::Context> ClientSession::tlsContext() {
    auto key = std::make_pair(settings_.verify, settings_.caFile);
    if (tlsContext_ && tlsContextFor_ == key) return tlsContext_;
    tls::ClientOptions options;
    options.insecure = !settings_.verify;
    options.caFile = settings_.caFile;
    options.alpn.clear();  // a raw TCP client: no application protocol to offer
    tlsContext_ = tls::Context::client(options);
    tlsContextFor_ = std::move(key);
    return tlsContext_;
}

void ClientSession::send(const QByteArray& bytes) {
    if (connection_ && state_ == State::Connected)
        connection_->send(std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
}

void ClientSession::shutdown(int how) {
    if (connection_) connection_->shutdown(how);
}

void ClientSession::disconnectFromHost() {
    if (connection_) connection_->disconnect();
}

void ClientSession::setState(State s) {
    if (state_ == s) return;
    state_ = s;
    emit stateChanged(s);
}

void ClientSession::onConnected(const Address& local, const Address& peer) {
    peer_ = peer;
    const int gen = generation_;
    QString l = QString::fromStdString(local.toString());
    QString p = QString::fromStdString(peer.toString());
    QMetaObject::invokeMethod(
        this,
        [this, gen, l, p] {
            if (gen != generation_) return;
            setState(State::Connected);
            emit connected(l, p);
        },
        Qt::QueuedConnection);
}

void ClientSession::onData(std::string_view bytes, const Address& from) {
    const QString sender = from == peer_ ? QString() : QString::fromStdString(from.toString());
    // Past this many recvs waiting for the GUI, new bytes join the last
    // chunk: the GUI then gets a bounded number of rows per turn.
    constexpr qsizetype kMaxChunks = 64;
    // Past this many bytes waiting, the rest is only counted: a flood
    // (chargen) cannot grow memory while the GUI is busy.
    constexpr qsizetype kMaxPendingBytes = 1 << 20;
    const auto size = static_cast<qsizetype>(bytes.size());
    std::lock_guard lock(mutex_);
    if (pendingBytes_ >= kMaxPendingBytes || pending_.size() >= 2 * kMaxChunks) {
        skipped_ += size;  // (twice kMaxChunks: senders that keep changing)
    } else {
        pendingBytes_ += size;
        if (pending_.size() >= kMaxChunks && pending_.last().from == sender)
            pending_.last().bytes.append(bytes.data(), size);
        else
            pending_.append(
                Chunk{QByteArray(bytes.data(), size), QDateTime::currentDateTime(), sender});
    }
    if (flushPosted_) return;
    flushPosted_ = true;
    QMetaObject::invokeMethod(this, &ClientSession::flushData, Qt::QueuedConnection);
}

void ClientSession::flushData() {
    QList<Chunk> batch;
    qint64 skipped = 0;
    {
        std::lock_guard lock(mutex_);
        flushPosted_ = false;
        batch.swap(pending_);
        pendingBytes_ = 0;
        std::swap(skipped, skipped_);
    }
    for (const Chunk& c : batch) {
        bytesIn_ += static_cast<quint64>(c.bytes.size());
        emit dataReceived(c.bytes, c.when, c.from);
    }
    if (skipped > 0) {
        bytesIn_ += static_cast<quint64>(skipped);
        emit dataSkipped(skipped);
    }
}

void ClientSession::onSent(size_t bytes) {
    const int gen = generation_;
    QMetaObject::invokeMethod(
        this,
        [this, gen, bytes] {
            if (gen != generation_) return;
            bytesOut_ += bytes;
            emit bytesWritten(static_cast<qint64>(bytes));
        },
        Qt::QueuedConnection);
}

void ClientSession::onShutdown(int how) {
    const int gen = generation_;
    QMetaObject::invokeMethod(
        this,
        [this, gen, how] {
            if (gen == generation_) emit shutDown(how);
        },
        Qt::QueuedConnection);
}

void ClientSession::onError(const ErrorInfo& error) {
    const int gen = generation_;
    QMetaObject::invokeMethod(
        this,
        [this, gen, error] {
            if (gen == generation_) emit errorOccurred(error);
        },
        Qt::QueuedConnection);
}

void ClientSession::onSockopts(const std::vector<SockoptReadback>& readback) {
    const int gen = generation_;
    QMetaObject::invokeMethod(
        this,
        [this, gen, readback] {
            if (gen == generation_) emit sockoptsRead(readback);
        },
        Qt::QueuedConnection);
}

void ClientSession::onTlsHandshake(const tls::SessionInfo& info) {
    const int gen = generation_;
    QMetaObject::invokeMethod(
        this,
        [this, gen, info] {
            if (gen == generation_) emit tlsHandshake(info);
        },
        Qt::QueuedConnection);
}

void ClientSession::onClosed(CloseReason reason) {
    const int gen = generation_;
    QMetaObject::invokeMethod(
        this,
        [this, gen, reason] {
            if (gen != generation_) return;
            flushData();  // bytes that came just before the close go first
            setState(reason == CloseReason::Error ? State::Failed : State::Closed);
            emit closed(reason);
        },
        Qt::QueuedConnection);
}

}  // namespace sockwb
