#pragma once
// A TLS echo server for the client suites, made of the workbench's own
// engine: a listener on 127.0.0.1:0 and one thread that serves one
// connection at a time with tls::Context::server + tls::Engine over plain
// send/recv (poll on the listener, the connection and an eventfd that
// stops it). What it saw is kept for the test: the plaintext received,
// handshakes completed, close_notify seen, its last TLS error. Each
// connection ends at the client's end of stream (or an error); the server
// then closes it. Header-only, test code only; the counters are
// thread-safe (one mutex).

#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/net/error.h"
#include "core/net/socket.h"
#include "core/net/wakeup.h"
#include "core/tls/tlsengine.h"

namespace sockwb::test {

class TlsEchoServer {
public:
    // certFile/keyFile: what the server presents (a TestPki leaf).
    TlsEchoServer(const std::string& certFile, const std::string& keyFile) {
        tls::ServerOptions options;
        options.certFile = certFile;
        options.keyFile = keyFile;
        options.alpn.clear();
        context_ = tls::Context::server(options);
        listener_ = tcpListen(Address::fromIp("127.0.0.1", 0));
        thread_ = std::thread([this] { run(); });
    }
    ~TlsEchoServer() {
        stop_ = true;
        wakeup_.notify();
        thread_.join();
    }
    TlsEchoServer(const TlsEchoServer&) = delete;
    TlsEchoServer& operator=(const TlsEchoServer&) = delete;

    uint16_t port() const { return listener_.localAddress().port(); }

    std::string received() const {
        std::lock_guard lock(m_);
        return received_;
    }
    int handshakes() const {
        std::lock_guard lock(m_);
        return handshakes_;
    }
    int closeNotifies() const {
        std::lock_guard lock(m_);
        return closeNotifies_;
    }
    int connectionsEnded() const {
        std::lock_guard lock(m_);
        return ended_;
    }
    int resumed() const {
        std::lock_guard lock(m_);
        return resumed_;
    }
    std::string lastError() const {
        std::lock_guard lock(m_);
        return lastError_;
    }

private:
    void run() {
        while (!stop_) {
            pollfd fds[2] = {{listener_.fd(), POLLIN, 0}, {wakeup_.fd(), POLLIN, 0}};
            ::poll(fds, 2, -1);
            if (stop_) return;
            if (fds[0].revents & POLLIN) serve(listener_.accept().socket);
        }
    }

    void serve(Socket conn) {
        tls::Engine engine(context_);
        std::string buf(16384, '\0');
        bool counted = false;
        bool sawClose = false;
        try {
            engine.start();
            for (;;) {
                pollfd fds[2] = {{conn.fd(), POLLIN, 0}, {wakeup_.fd(), POLLIN, 0}};
                ::poll(fds, 2, -1);
                if (stop_) break;
                const ssize_t n = ::recv(conn.fd(), buf.data(), buf.size(), 0);
                if (n <= 0) break;
                engine.receive(std::string_view(buf.data(), static_cast<size_t>(n)));
                std::string plain;
                engine.read(plain);
                if (engine.handshakeDone() && !counted) {
                    counted = true;
                    std::lock_guard lock(m_);
                    ++handshakes_;
                    if (engine.info().resumed) ++resumed_;
                }
                if (!plain.empty()) {
                    {
                        std::lock_guard lock(m_);
                        received_ += plain;
                    }
                    engine.write(plain);
                }
                if (engine.peerClosed() && !sawClose) {
                    sawClose = true;
                    std::lock_guard lock(m_);
                    ++closeNotifies_;
                }
                flush(engine, conn);
            }
        } catch (const Error& e) {
            flush(engine, conn);  // the alert, if the engine made one
            std::lock_guard lock(m_);
            lastError_ = e.what();
        }
        std::lock_guard lock(m_);
        ++ended_;
    }

    static void flush(tls::Engine& engine, Socket& conn) {
        std::string out;
        if (!engine.takeOutput(out)) return;
        size_t done = 0;
        while (done < out.size()) {
            const ssize_t n = ::send(conn.fd(), out.data() + done, out.size() - done, MSG_NOSIGNAL);
            if (n <= 0) return;
            done += static_cast<size_t>(n);
        }
    }

    std::shared_ptr<tls::Context> context_;
    Socket listener_;
    Wakeup wakeup_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    mutable std::mutex m_;
    std::string received_;
    int handshakes_ = 0;
    int closeNotifies_ = 0;
    int ended_ = 0;
    int resumed_ = 0;
    std::string lastError_;
};

}  // namespace sockwb::test
