// The HTTP client against real servers: nginx (redirect, keep-alive, a big
// file, HEAD, 404, gzip) and python3's http.server (HTTP/1.0,
// close-delimited). Each is skipped when the program is not installed.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "core/http/client.h"
#include "core/net/error.h"
#include "core/net/socket.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::http;

namespace {

uint16_t freePort() {
    Socket s = tcpListen(Address::fromIp("127.0.0.1", 0));
    return s.localAddress().port();
}

bool canConnect(uint16_t port) {
    try {
        tcpConnect(Address::fromIp("127.0.0.1", port), Millis(200));
        return true;
    } catch (const Error&) {
        return false;
    }
}

// nginx.conf for a foreground nginx serving dir/www on 127.0.0.1:port,
// with /hello and a /moved redirect to it; "" if it cannot be written.
QString writeNginxConf(const QString& dir, uint16_t port) {
    const QString conf =
        QStringLiteral(
            "daemon off; master_process off; worker_processes 1; pid %1/nginx.pid; error_log "
            "%1/logs/error.log;\n"
            "events { worker_connections 64; }\n"
            "http { access_log off; client_body_temp_path %1; proxy_temp_path %1; "
            "fastcgi_temp_path %1;\n"
            "  uwsgi_temp_path %1; scgi_temp_path %1; gzip on; gzip_min_length 10; gzip_types *;\n"
            "  server { listen 127.0.0.1:%2; root %1/www;\n"
            "    location = /hello { return 200 'hello from nginx'; }\n"
            "    location = /moved { return 301 /hello; } } }\n")
            .arg(dir)
            .arg(port);
    QFile cf(dir + QStringLiteral("/nginx.conf"));
    if (!cf.open(QIODevice::WriteOnly)) return {};
    cf.write(conf.toUtf8());
    return cf.fileName();
}

}  // namespace

class tst_HttpClientServers : public QObject {
    Q_OBJECT
private slots:
    void againstNginx();
    void againstPythonHttpServer();
};

void tst_HttpClientServers::againstNginx() {
    const QString nginx = QStringLiteral("/usr/sbin/nginx");
    if (!QFile::exists(nginx)) QSKIP("nginx-light is not installed (scripts/test installs it)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("www"));
    QDir(dir.path()).mkpath(QStringLiteral("logs"));
    std::string big(300000, 'n');
    for (size_t i = 0; i < big.size(); i += 7) big[i] = char('a' + i % 26);
    {
        QFile f(dir.filePath(QStringLiteral("www/big.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(big.data(), qint64(big.size()));
    }
    const uint16_t port = freePort();
    const QString confPath = writeNginxConf(dir.path(), port);
    QVERIFY(!confPath.isEmpty());
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    proc.start(nginx, {QStringLiteral("-p"), dir.path(), QStringLiteral("-c"), confPath});
    QVERIFY(proc.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(canConnect(port), 10000);

    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    ClientOptions o;
    o.followRedirects = true;
    Client client(o);
    auto hello = client.fetch("GET", base + "/moved");
    QCOMPARE(int(hello.hops.size()), 2);
    QCOMPARE(QString::fromStdString(hello.final().response.body),
             QStringLiteral("hello from nginx"));
    auto file = client.fetch("GET", base + "/big.bin");
    QCOMPARE(file.final().response.status, 200);
    QVERIFY(file.final().response.body == big);
    QVERIFY(file.final().reusedConnection);
    auto head = client.fetch("HEAD", base + "/big.bin");
    QCOMPARE(head.final().response.status, 200);
    QVERIFY(head.final().response.body.empty());
    auto missing = client.fetch("GET", base + "/nope");
    QCOMPARE(missing.final().response.status, 404);
    ClientOptions z;
    z.compressed = true;
    Client zclient(z);
    auto gz = zclient.fetch("GET", base + "/big.bin");
    QVERIFY(gz.final().response.headers.get("Content-Encoding").has_value());
    QVERIFY(gz.final().response.body == big);
    QVERIFY(gz.final().raw.size() < big.size());

    proc.terminate();
    QVERIFY(proc.waitForFinished(5000));
}

void tst_HttpClientServers::againstPythonHttpServer() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string data(100000, '\0');
    for (size_t i = 0; i < data.size(); ++i) data[i] = char(i * 7 % 251);
    {
        QFile f(dir.filePath(QStringLiteral("data.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data.data(), qint64(data.size()));
    }
    const uint16_t port = freePort();
    QProcess proc;
    proc.setWorkingDirectory(dir.path());
    proc.start(QStringLiteral("python3"),
               {QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("--bind"),
                QStringLiteral("127.0.0.1"), QString::number(port)});
    if (!proc.waitForStarted()) QSKIP("python3 is not available");
    QTRY_VERIFY_WITH_TIMEOUT(canConnect(port), 10000);
    Client client;
    auto r = client.fetch("GET", "http://127.0.0.1:" + std::to_string(port) + "/data.bin");
    QCOMPARE(r.final().response.status, 200);
    QCOMPARE(QString::fromStdString(r.final().response.version), QStringLiteral("HTTP/1.0"));
    QVERIFY(r.final().response.body == data);
    auto r2 = client.fetch("GET", "http://127.0.0.1:" + std::to_string(port) + "/data.bin");
    QVERIFY(!r2.final().reusedConnection);  // HTTP/1.0 closes
    proc.terminate();
    QVERIFY(proc.waitForFinished(5000));
}

SOCKWB_TEST_GUILESS_MAIN(tst_HttpClientServers)
#include "tst_http_client_servers.moc"
