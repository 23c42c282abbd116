// Static files of the http service against hostile roots: a file swapped
// for a symlink to an outside file while a keep-alive client asks for it
// again and again (what is served is what was opened), symlinks leading out
// under both resolvers (openat2 and the component walk), the folder
// redirect that must not become "//host", nosniff on every answer, and "/"
// serving the root's index.html.

#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <atomic>
#include <fstream>
#include <thread>

#include "core/http/responseparser.h"
#include "core/net/socket.h"
#include "core/server/server.h"
#include "core/services/httpservice.h"
#include "core/services/staticfiles.h"
#include "support/fakeservicecontext.h"
#include "support/testmain.h"

using namespace sockwb;
using sockwb::test::FakeSessionContext;

namespace {

// Longer than the public file: read in its place, it fills the announced length.
const std::string kSecret = "TOPSECRET-TOPSECRET-TOPSECRET-TOPSECRET\n";

void writeFile(const QString& path, const std::string& bytes) {
    std::ofstream f(path.toStdString(), std::ios::binary);
    f << bytes;
}

std::string run(std::string_view wire, const ServiceOptions& opt) {
    auto s = HttpService().newSession(opt);
    FakeSessionContext ctx(opt);
    s->onData(ctx, wire);
    while (ctx.fireTimer(*s)) {
    }
    return ctx.sent;
}

http::Response parseOne(std::string_view bytes) {
    http::ResponseParser p;
    p.feed(bytes);
    if (p.status() != http::ResponseParser::Status::Complete) return {};
    return p.takeResponse(false);
}

std::string header(const http::Response& r, std::string_view name) {
    return std::string(r.headers.get(name).value_or(""));
}

// Two CPUs this process may run on, or fewer when it has only one.
std::vector<int> twoCpus() {
    cpu_set_t set;
    std::vector<int> out;
    if (::sched_getaffinity(0, sizeof set, &set) != 0) return out;
    for (int i = 0; i < CPU_SETSIZE && out.size() < 2; ++i)
        if (CPU_ISSET(i, &set)) out.push_back(i);
    return out;
}

void pinTo(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    ::sched_setaffinity(0, sizeof set, &set);  // this thread only
}

}  // namespace

class tst_StaticFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString root_;
    ServiceOptions rooted_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        root_ = dir_.path() + "/root";
        QVERIFY(QDir().mkpath(root_ + "/sub"));
        QVERIFY(QDir().mkpath(root_ + "/noindex"));
        QVERIFY(QDir().mkpath(dir_.path() + "/outside"));
        writeFile(root_ + "/index.html", "<p>root index</p>\n");
        writeFile(root_ + "/sub/index.html", "<p>sub</p>\n");
        writeFile(dir_.path() + "/outside/secret.txt", kSecret);
        const QString secret = dir_.path() + "/outside/secret.txt";
        auto link = [](const QString& target, const QString& at) {
            return ::symlink(target.toLocal8Bit().constData(), at.toLocal8Bit().constData());
        };
        QCOMPARE(link(secret, root_ + "/abs.txt"), 0);
        QCOMPARE(link("../outside/secret.txt", root_ + "/rel.txt"), 0);
        QCOMPARE(link("../outside", root_ + "/outdir"), 0);
        QCOMPARE(link("index.html", root_ + "/alias.html"), 0);
        QCOMPARE(link("../sub", root_ + "/noindex/up"), 0);
        QVERIFY(QDir().mkpath(root_ + "/linkedindex"));
        QCOMPARE(link(secret, root_ + "/linkedindex/index.html"), 0);
        QCOMPARE(::mkfifo((root_ + "/fifo").toLocal8Bit().constData(), 0600), 0);
        rooted_.root = root_.toStdString();
        rooted_.modelName = "epoll";
    }

    // Both resolvers: what leads outside is refused, what stays inside is
    // served (the walk refuses every symlink: it cannot tell).
    void resolve_data() {
        QTest::addColumn<bool>("walk");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        for (const bool walk : {false, true}) {
            const char* w = walk ? "walk " : "openat2 ";
            auto row = [&](const char* name, const char* path, int status) {
                QTest::addRow("%s%s", w, name) << walk << path << status;
            };
            row("file", "/index.html", 200);
            row("folder index", "/sub/", 200);
            row("root index", "/", 200);
            row("folder no slash", "/sub", 301);
            row("missing", "/nope", 404);
            row("file as folder", "/index.html/x", 404);
            row("no index", "/noindex/", 404);
            row("absolute link out", "/abs.txt", 403);
            row("relative link out", "/rel.txt", 403);
            row("folder link out", "/outdir/secret.txt", 403);
            row("index link out", "/linkedindex/", 403);
            row("fifo", "/fifo", 403);
            row("inside link", "/alias.html", walk ? 403 : 200);
            row("inside folder link", "/noindex/up/index.html", walk ? 403 : 200);
        }
    }
    void resolve() {
        QFETCH(bool, walk);
        QFETCH(QString, path);
        QFETCH(int, status);
        const auto how = walk ? StaticFiles::Resolver::Walk : StaticFiles::Resolver::Auto;
        StaticFiles::Lookup l = StaticFiles::resolve(rooted_.root, path.toStdString(), how);
        QVERIFY2(l.status == status,
                 qPrintable(QString::number(l.status) + " " + QString::fromStdString(l.reason)));
        QCOMPARE(l.file.isOpen(), status == 200);
        if (status != 200) return;
        std::string got(l.size, '\0');
        QCOMPARE(l.file.read(got.data(), got.size()), got.size());
        QVERIFY(got.find("TOPSECRET") == std::string::npos);
    }

    void folderLocation_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("location");
        QTest::newRow("plain") << "/sub"
                               << "/sub/";
        QTest::newRow("two slashes") << "//sub"
                                     << "/sub/";
        QTest::newRow("many slashes") << "////evil.example/sub"
                                      << "/evil.example/sub/";
        QTest::newRow("dot first") << "/.//evil.example"
                                   << "/evil.example/";
        QTest::newRow("inner") << "/a//b"
                               << "/a/b/";
        QTest::newRow("root dot") << "/."
                                  << "/";
    }
    void folderLocation() {
        QFETCH(QString, path);
        QFETCH(QString, location);
        QCOMPARE(QString::fromStdString(StaticFiles::folderLocation(path.toStdString())), location);
    }

    // GET //sub: the answer sends the browser to /sub/ on this host, not to
    // the host "sub".
    void redirectStaysOnThisHost() {
        const auto r = parseOne(run("GET //sub HTTP/1.1\r\nHost: x\r\n\r\n", rooted_));
        QCOMPARE(r.status, 301);
        QCOMPARE(header(r, "Location"), std::string("/sub/"));
    }

    void nosniffOnEveryAnswer_data() {
        QTest::addColumn<QString>("target");
        QTest::newRow("404") << "/nope";
        QTest::newRow("403") << "/abs.txt";
        QTest::newRow("301") << "/sub";
        QTest::newRow("file") << "/index.html";
        QTest::newRow("status") << "/status/500";
        QTest::newRow("echo") << "/echo";
        QTest::newRow("bytes") << "/bytes/10";
        QTest::newRow("delay") << "/delay/0";
    }
    void nosniffOnEveryAnswer() {
        QFETCH(QString, target);
        const auto r =
            parseOne(run("GET " + target.toStdString() + " HTTP/1.1\r\nHost: x\r\n\r\n", rooted_));
        QVERIFY(r.status >= 200);
        QCOMPARE(header(r, "X-Content-Type-Options"), std::string("nosniff"));
        const auto bad = parseOne(run("BAD\r\n\r\n", rooted_));
        QCOMPARE(bad.status, 400);
        QCOMPARE(header(bad, "X-Content-Type-Options"), std::string("nosniff"));
    }

    // With a root, "/" is its index.html (as the README says); without an
    // index.html, or without a root, the hello page.
    void rootServesIndex() {
        const auto r = parseOne(run("GET / HTTP/1.1\r\nHost: x\r\n\r\n", rooted_));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("<p>root index</p>\n"));
        ServiceOptions noIndex = rooted_;
        noIndex.root = (root_ + "/noindex").toStdString();
        const auto hello = parseOne(run("GET / HTTP/1.1\r\nHost: x\r\n\r\n", noIndex));
        QCOMPARE(hello.status, 200);
        QVERIFY(hello.body.find("<strong>epoll</strong>") != std::string::npos);
        const auto bare = parseOne(run("GET / HTTP/1.1\r\nHost: x\r\n\r\n", ServiceOptions{}));
        QCOMPARE(bare.status, 200);
        QVERIFY(bare.body.find("<strong>") != std::string::npos);
    }

    // The race of the issue: file.txt is swapped (renameat2 RENAME_EXCHANGE,
    // atomic) with a symlink to the outside secret as fast as a thread can,
    // while a keep-alive client asks for it. Before the fix the path was
    // checked, then opened again by name: some answers carried the secret.
    // The race of the issue: file.txt is swapped (renameat2 RENAME_EXCHANGE,
    // atomic) with a symlink to the outside secret as fast as a thread can,
    // while one keep-alive session answers request after request for it.
    // Before the fix the path was checked, then opened again by name: some
    // answers carried the secret. The two threads run on two CPUs when the
    // machine has them, so they truly overlap. Bounded: 20,000 swaps and
    // requests, or 3 s.
    void symlinkSwapRace() {
        QTemporaryDir d;
        const QString root = d.path() + "/root";
        QVERIFY(QDir().mkpath(root));
        writeFile(d.path() + "/secret.txt", kSecret);
        writeFile(root + "/file.txt", "public-public-public-public-pub\n");
        const QByteArray file = (root + "/file.txt").toLocal8Bit();
        const QByteArray other = (root + "/other").toLocal8Bit();
        QCOMPARE(::symlink((d.path() + "/secret.txt").toLocal8Bit().constData(), other), 0);
        ServiceOptions opt;
        opt.root = root.toStdString();
        const std::vector<int> cpus = twoCpus();
        std::atomic<bool> done{false};
        std::atomic<int> swaps{0};
        std::thread swapper([&] {
            if (cpus.size() == 2) pinTo(cpus[1]);
            while (!done.load() && swaps.load() < 2000000) {
                if (::renameat2(AT_FDCWD, file, AT_FDCWD, other, RENAME_EXCHANGE) != 0) break;
                swaps.fetch_add(1);
            }
        });
        cpu_set_t before;
        ::sched_getaffinity(0, sizeof before, &before);
        if (cpus.size() == 2) pinTo(cpus[0]);
        const std::string request = "GET /file.txt HTTP/1.1\r\nHost: x\r\n\r\n";
        int n = 0, served = 0, leaked = 0;
        QElapsedTimer t;
        t.start();
        while (leaked == 0 && (n < 20000 || swaps.load() < 20000) && t.elapsed() < 3000) {
            // One keep-alive connection; a new one if the server closes it.
            auto session = HttpService().newSession(opt);
            FakeSessionContext ctx(opt);
            for (; !ctx.closed && leaked == 0 && t.elapsed() < 3000; ++n) {
                session->onData(ctx, request);
                while (ctx.fireTimer(*session)) {
                }
                const std::string sent = ctx.take();
                if (sent.find("TOPSECRET") != std::string::npos) ++leaked;
                served += sent.rfind("HTTP/1.1 200 ", 0) == 0;
                if (n >= 20000 && swaps.load() >= 20000) break;
            }
        }
        done = true;
        swapper.join();
        ::sched_setaffinity(0, sizeof before, &before);
        qInfo("%d swaps, %d requests, %d served, %d leaked", swaps.load(), n, served, leaked);
        QCOMPARE(leaked, 0);
        QVERIFY(swaps.load() > 100);  // the race really ran
        QVERIFY(served > 0);
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_StaticFiles)
#include "tst_static_files.moc"
