#include "core/client/clienttls.h"

namespace sockwb {

ClientTls::ClientTls(std::shared_ptr<const tls::Context> context, std::string serverName,
                     std::string sessionKey)
    : engine_(std::move(context), std::move(serverName), std::move(sessionKey)) {}

ClientTls::~ClientTls() = default;

void ClientTls::attach(int fd) {
    std::lock_guard lock(mutex_);
    engine_.setTraceFd(fd);
}

void ClientTls::start() {
    std::lock_guard lock(mutex_);
    engine_.start();
}

void ClientTls::receive(std::string_view ciphertext, std::string& plain) {
    std::lock_guard lock(mutex_);
    engine_.receive(ciphertext);
    engine_.read(plain);
}

void ClientTls::write(std::string_view plain) {
    std::lock_guard lock(mutex_);
    if (!plain.empty()) engine_.write(plain);
}

void ClientTls::close() {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_ = true;
    engine_.close();
}

bool ClientTls::takeOutput(std::string& out) {
    std::lock_guard lock(mutex_);
    return engine_.takeOutput(out);
}

bool ClientTls::hasOutput() const {
    std::lock_guard lock(mutex_);
    return engine_.hasOutput();
}

bool ClientTls::handshakeDone() const {
    std::lock_guard lock(mutex_);
    return engine_.handshakeDone();
}

bool ClientTls::takeHandshakeReport() {
    std::lock_guard lock(mutex_);
    if (reported_ || !engine_.handshakeDone()) return false;
    reported_ = true;
    return true;
}

bool ClientTls::peerClosed() const {
    std::lock_guard lock(mutex_);
    return engine_.peerClosed();
}

tls::SessionInfo ClientTls::info() const {
    std::lock_guard lock(mutex_);
    return engine_.info();
}

}  // namespace sockwb
