#pragma once
// A small scripted HTTP server for the composer tests: one thread, one
// connection at a time, "Connection: close" after each answer.
//   /bytes/N   N bytes of body
//   /delay/MS  answers after MS milliseconds (gives up when the client leaves)
//   anything else: echoes the raw request as a text/plain body
// Listens on 127.0.0.1 port 0; stop() (and the destructor) is prompt.

#include <poll.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "core/net/socket.h"

class ComposerTestServer {
public:
    ComposerTestServer() : listener_(sockwb::tcpListen(sockwb::Address::fromIp("127.0.0.1", 0))) {
        port_ = listener_.localAddress().port();
        thread_ = std::thread([this] { run(); });
    }
    ~ComposerTestServer() { stop(); }
    void stop() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    quint16 port() const { return port_; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port_); }
    int accepted() const { return accepted_; }
    // Requests whose head was read.
    int requests() const { return requests_; }
    bool clientLeft() const { return clientLeft_; }

private:
    bool wait(int fd, int ms) {
        pollfd p{fd, POLLIN, 0};
        return ::poll(&p, 1, ms) > 0;
    }
    void run() {
        while (!stop_) {
            if (!wait(listener_.fd(), 20)) continue;
            auto a = listener_.accept();
            ++accepted_;
            try {
                serve(a.socket);
            } catch (const std::exception&) {
                // the client went away: next one
            }
        }
    }
    void serve(sockwb::Socket& s) {
        std::string buf;
        size_t end;
        while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
            if (stop_) return;
            const auto r = s.recvSome(buf, 65536, sockwb::Millis(2000));
            if (r.eof()) clientLeft_ = true;
            if (!r.ok()) return;
        }
        ++requests_;
        std::string lower = buf.substr(0, end);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        size_t length = 0;
        if (auto cl = lower.find("\r\ncontent-length:"); cl != std::string::npos)
            length = std::stoul(lower.substr(cl + 17));
        const bool head = buf.rfind("HEAD ", 0) == 0;
        while (buf.size() < end + 4 + length)
            if (!s.recvSome(buf, 65536, sockwb::Millis(2000)).ok()) break;
        const std::string target =
            buf.substr(buf.find(' ') + 1, buf.find(' ', buf.find(' ') + 1) - buf.find(' ') - 1);
        std::string body, type = "text/plain";
        if (target.rfind("/bytes/", 0) == 0) {
            body.assign(std::stoul(target.substr(7)), 'a');
            for (size_t i = 0; i < body.size(); i += 64) body[i] = '\n';
        } else if (target.rfind("/delay/", 0) == 0) {
            const auto until = std::chrono::steady_clock::now() +
                               std::chrono::milliseconds(std::stoi(target.substr(7)));
            while (std::chrono::steady_clock::now() < until && !stop_) {
                if (wait(s.fd(), 20)) {  // readable here means the client closed
                    clientLeft_ = true;
                    return;
                }
            }
            body = "late";
        } else {
            body = buf;
        }
        std::string out = "HTTP/1.1 200 OK\r\nContent-Type: " + type +
                          "\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\nConnection: close\r\n\r\n";
        if (!head) out += body;
        s.sendAll(out);
    }

    sockwb::Socket listener_;
    quint16 port_ = 0;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<int> accepted_{0};
    std::atomic<int> requests_{0};
    std::atomic<bool> clientLeft_{false};
};
