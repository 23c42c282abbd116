#pragma once
// A real TLS server for the client-side tests and benchmarks: nginx
// (nginx-light has TLS built in) in the foreground, one process, listening
// with `ssl` on 127.0.0.1 at a free port, with the certificate the test
// made (testpki.h). TLS 1.2 and 1.3 and session tickets as nginx ships
// them; the protocols can be narrowed (the protocol-version case) and
// client certificates required (ssl_verify_client with a CA).
//   /hello    200 "hello over tls"
//   /big      1 MiB (bigBody())
//   /session  "$ssl_protocol $ssl_cipher $ssl_session_reused $ssl_server_name"
//   /client   "$ssl_client_verify $ssl_client_s_dn"
// The process is stopped (and reaped) by the destructor: nothing is left
// running. Header-only, test code only. Not thread-safe: one test thread.
//
//   sockwb::test::NginxTls::Options o;
//   o.certFile = pem.certFile; o.keyFile = pem.keyFile;
//   SOCKWB_START_NGINX_TLS(nginx, o);   // QSKIPs when nginx is missing
//   ... "https://localhost:" + nginx.port() ...

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdint>
#include <string>

#include "core/net/error.h"
#include "core/net/socket.h"

namespace sockwb::test {

class NginxTls {
public:
    struct Options {
        std::string certFile;                       // PEM (ssl_certificate)
        std::string keyFile;                        // PEM (ssl_certificate_key)
        std::string protocols = "TLSv1.2 TLSv1.3";  // ssl_protocols
        bool sessionTickets = true;                 // ssl_session_tickets
        // ssl_verify_client: "" (off), "on" or "optional"; clientCaFile is
        // the CA the client certificate must come from.
        std::string verifyClient;
        std::string clientCaFile;
        // More directives inside server { } (a test's own locations...).
        std::string extraServer;
    };

    static QString program() { return QStringLiteral("/usr/sbin/nginx"); }
    static bool available() { return QFile::exists(program()); }

    // The body of /big: 1 MiB, the same bytes every time.
    static const std::string& bigBody() {
        static const std::string body = [] {
            std::string b(1 << 20, '\0');
            for (size_t i = 0; i < b.size(); ++i) b[i] = char('a' + (i * 7 + i / 4096) % 26);
            return b;
        }();
        return body;
    }

    NginxTls() = default;
    NginxTls(const NginxTls&) = delete;
    NginxTls& operator=(const NginxTls&) = delete;
    ~NginxTls() { stop(); }

    // Starts nginx and waits until it accepts connections. A port taken by
    // another process between choosing and binding is retried with another
    // one. False with error() saying why (nginx's own error log included).
    bool start(const Options& options) {
        stop();
        if (!available()) return failed("nginx is not installed (" + program() + ")");
        if (!dir_.isValid()) return failed(QStringLiteral("no temporary directory"));
        QDir(dir_.path()).mkpath(QStringLiteral("www"));
        QDir(dir_.path()).mkpath(QStringLiteral("logs"));
        QFile big(dir_.filePath(QStringLiteral("www/big")));
        if (!big.open(QIODevice::WriteOnly)) return failed("cannot write " + big.fileName());
        big.write(bigBody().data(), qint64(bigBody().size()));
        big.close();
        for (int attempt = 0; attempt < 3; ++attempt) {
            port_ = freePort();
            if (!writeConf(options)) return failed(QStringLiteral("cannot write nginx.conf"));
            proc_.setProcessChannelMode(QProcess::MergedChannels);
            proc_.start(program(), {QStringLiteral("-p"), dir_.path(), QStringLiteral("-c"),
                                    dir_.filePath(QStringLiteral("nginx.conf"))});
            if (!proc_.waitForStarted(5000)) return failed(QStringLiteral("nginx did not start"));
            const QDeadlineTimer deadline(10000);
            while (!deadline.hasExpired()) {
                if (canConnect(port_)) return true;
                // Waits for nginx to exit (a bad configuration, a taken
                // port), at most 20 ms before the next connect.
                if (proc_.waitForFinished(20)) break;
            }
            const QString log = QString::fromUtf8(proc_.readAll());
            stop();
            if (!log.contains(QStringLiteral("Address already in use")))
                return failed("nginx did not accept connections: " + log);
        }
        return failed(QStringLiteral("no free port for nginx after 3 attempts"));
    }

    // Stops nginx (SIGTERM, then SIGKILL) and reaps it. Idempotent.
    void stop() {
        if (proc_.state() == QProcess::NotRunning) return;
        proc_.terminate();
        if (!proc_.waitForFinished(5000)) {
            proc_.kill();
            proc_.waitForFinished(5000);
        }
    }

    bool running() const { return proc_.state() == QProcess::Running; }
    uint16_t port() const { return port_; }
    const QString& error() const { return error_; }
    // "https://<host>:<port><path>"
    std::string url(const std::string& path, const std::string& host = "localhost") const {
        return "https://" + host + ":" + std::to_string(port_) + path;
    }
    QString dir() const { return dir_.path(); }

private:
    static uint16_t freePort() {
        Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
        return s.localAddress().port();
    }

    static bool canConnect(uint16_t port) {
        try {
            tcpConnect(Address::fromIp("127.0.0.1", port), Millis(200));
            return true;
        } catch (const Error&) {
            return false;
        }
    }

    bool failed(const QString& why) {
        error_ = why;
        return false;
    }

    bool writeConf(const Options& o) {
        QString verify;
        if (!o.verifyClient.empty())
            verify = QStringLiteral("    ssl_verify_client %1; ssl_client_certificate %2;\n")
                         .arg(QString::fromStdString(o.verifyClient),
                              QString::fromStdString(o.clientCaFile));
        const QString conf =
            QStringLiteral(
                "daemon off; master_process off; worker_processes 1; pid %1/nginx.pid;\n"
                "error_log %1/logs/error.log;\n"
                "events { worker_connections 256; }\n"
                "http { access_log off; client_body_temp_path %1; proxy_temp_path %1;\n"
                "  fastcgi_temp_path %1; uwsgi_temp_path %1; scgi_temp_path %1;\n"
                "  default_type application/octet-stream;\n"
                "  server { listen 127.0.0.1:%2 ssl; server_name localhost; root %1/www;\n"
                "    ssl_certificate %3; ssl_certificate_key %4;\n"
                "    ssl_protocols %5; ssl_session_tickets %6;\n"
                "    ssl_session_cache shared:sockwbtls:1m;\n"
                "%7"
                "    location = /hello { return 200 'hello over tls'; }\n"
                "    location = /session { return 200 '$ssl_protocol $ssl_cipher "
                "$ssl_session_reused $ssl_server_name'; }\n"
                "    location = /client { return 200 '$ssl_client_verify $ssl_client_s_dn'; }\n"
                "%8  } }\n")
                .arg(dir_.path())
                .arg(port_)
                .arg(QString::fromStdString(o.certFile), QString::fromStdString(o.keyFile),
                     QString::fromStdString(o.protocols),
                     o.sessionTickets ? QStringLiteral("on") : QStringLiteral("off"), verify,
                     QString::fromStdString(o.extraServer));
        QFile f(dir_.filePath(QStringLiteral("nginx.conf")));
        if (!f.open(QIODevice::WriteOnly)) return false;
        f.write(conf.toUtf8());
        return true;
    }

    QTemporaryDir dir_;
    QProcess proc_;
    uint16_t port_ = 0;
    QString error_;
};

}  // namespace sockwb::test

// Starts `name` (a NginxTls) with `options`, skipping the test when nginx
// is not installed and failing it (with nginx's words) when it cannot start.
#define SOCKWB_START_NGINX_TLS(name, options)                             \
    ::sockwb::test::NginxTls name;                                        \
    if (!::sockwb::test::NginxTls::available())                           \
        QSKIP("nginx-light is not installed (scripts/test installs it)"); \
    QVERIFY2(name.start(options), qPrintable(name.error()))
