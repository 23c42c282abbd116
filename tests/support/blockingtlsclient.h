#pragma once
// A blocking TLS client for tests: a connected Socket and a tls::Engine
// driven by the loop of the design (send what takeOutput gives, recv →
// receive → read). Every wait has a deadline. Header-only, test code only;
// one thread drives a client.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/net/socket.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsengine.h"

namespace sockwb::test {

class BlockingTlsClient {
public:
    BlockingTlsClient(std::shared_ptr<const tls::Context> ctx, const Address& to,
                      const std::string& serverName = "localhost")
        : socket_(tcpConnect(to, Millis(5000))), engine_(std::move(ctx), serverName) {}

    // Runs the handshake; false when it did not complete in time.
    bool handshake(Millis timeout = Millis(5000)) {
        engine_.start();
        flush();
        const auto until = Clock::now() + timeout;
        while (!engine_.handshakeDone())
            if (!receiveSome(until)) return false;
        return true;
    }
    void send(std::string_view plain) {
        engine_.write(plain);
        flush();
    }
    // Plaintext until marker has arrived, the peer closed, or timeout.
    std::string readUntil(std::string_view marker, Millis timeout = Millis(5000)) {
        const auto until = Clock::now() + timeout;
        while (plain_.find(marker) == std::string::npos && !eof_)
            if (!receiveSome(until)) break;
        return plain_;
    }
    // Plaintext until the peer closed (close_notify or FIN), or timeout.
    std::string readToEof(Millis timeout = Millis(5000)) {
        const auto until = Clock::now() + timeout;
        while (!eof_)
            if (!receiveSome(until)) break;
        return plain_;
    }
    bool closeNotifySeen() const { return engine_.peerClosed(); }
    const tls::Engine& engine() const { return engine_; }

private:
    using Clock = std::chrono::steady_clock;

    void flush() {
        std::string out;
        if (engine_.takeOutput(out)) socket_.sendAll(out);
    }
    bool receiveSome(Clock::time_point until) {
        const auto left = std::chrono::duration_cast<Millis>(until - Clock::now());
        if (left.count() <= 0) return false;
        std::string cipher;
        const auto r = socket_.recvSome(cipher, 65536, left);
        if (r.status == IoResult::Eof) {
            eof_ = true;
            return false;
        }
        if (r.status != IoResult::Ok) return false;
        engine_.receive(cipher);
        engine_.read(plain_);
        flush();
        if (engine_.peerClosed()) eof_ = true;
        return true;
    }

    Socket socket_;
    tls::Engine engine_;
    std::string plain_;
    bool eof_ = false;
};

}  // namespace sockwb::test
