// Server threads carry their role as their kernel name (core/server/
// threadname.h): "sw:" and the role, cut to 15 bytes with the trailing number
// kept. Checked on the name itself, then on every model: each thread a
// running server adds to this process (acceptor, loops, workers, the fork
// model's supervisor, the thread model's per-client threads) has the prefix,
// and a thread the server did not start does not.

#include <QtTest>
#include <algorithm>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/load/procstats.h"
#include "core/net/socket.h"
#include "core/server/models/uringprobe.h"
#include "core/server/server.h"
#include "core/server/threadname.h"
#include "support/testmain.h"
#include "support/tst_helpers.h"

using namespace sockwb;
using sockwb::test::readUntil;

namespace {

// Threads of this process that are not in before, with their names.
std::vector<std::string> namesOfNewThreads(const std::vector<int>& before) {
    std::vector<std::string> names;
    for (int tid : ProcStats::tasks())
        if (!std::binary_search(before.begin(), before.end(), tid))
            if (auto name = ProcStats::taskName(0, tid)) names.push_back(*name);
    return names;
}

}  // namespace

class tst_ThreadName : public QObject {
    Q_OBJECT
private slots:
    void name_data();
    void name();
    void unnamedThreadIsNotAServerThread();
    void everyModelNamesItsThreads_data();
    void everyModelNamesItsThreads();
};

void tst_ThreadName::name_data() {
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short") << "epoll"
                           << "sw:epoll";
    QTest::newRow("exactly 15") << "epoll loop 1"
                                << "sw:epoll loop 1";
    QTest::newRow("number kept") << "pool worker 2"
                                 << "sw:pool worke 2";
    QTest::newRow("two digits") << "io_uring loop 12"
                                << "sw:io_uring 12";
    QTest::newRow("no number") << "fork model accept loop"
                               << "sw:fork model a";
    QTest::newRow("address") << "thread for client 127.0.0.1:40000"
                             << "sw:thread 40000";
    QTest::newRow("all digits") << "1234567890123456789"
                                << "sw:123456789012";
}

void tst_ThreadName::name() {
    QFETCH(QString, role);
    QFETCH(QString, expected);
    const std::string got = serverThreadName(role.toStdString());
    QCOMPARE(QString::fromStdString(got), expected);
    QVERIFY(got.size() <= 15);
    QVERIFY(got.starts_with(kServerThreadPrefix));
}

void tst_ThreadName::unnamedThreadIsNotAServerThread() {
    std::promise<int> tid;
    std::promise<void> named, rename, leave;
    std::shared_future<void> leaving = leave.get_future().share();
    std::thread t([&, leaving] {
        tid.set_value(static_cast<int>(::gettid()));
        rename.get_future().wait();
        nameThisServerThread("pool worker 7");
        named.set_value();
        leaving.wait();
    });
    // The thread leaves and is joined however the checks below end.
    const std::unique_ptr<std::thread, void (*)(std::thread*)> joiner(
        &t, [](std::thread* th) { th->join(); });
    struct Leave {
        std::promise<void>&rename, &leave;
        bool renamed = false;
        ~Leave() {
            if (!renamed) rename.set_value();
            leave.set_value();
        }
    } leaveOnReturn{rename, leave};
    const int id = tid.get_future().get();
    const auto before = ProcStats::taskName(0, id);
    QVERIFY(before.has_value());
    QVERIFY2(!before->starts_with(kServerThreadPrefix), before->c_str());
    leaveOnReturn.renamed = true;
    rename.set_value();
    named.get_future().wait();
    QCOMPARE(QString::fromStdString(ProcStats::taskName(0, id).value_or("gone")),
             QStringLiteral("sw:pool worke 7"));
}

void tst_ThreadName::everyModelNamesItsThreads_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("loops");
    QTest::addColumn<int>("least");  // threads the server has at least, one client connected
    QTest::newRow("iterative") << "iterative" << 1 << 1;
    QTest::newRow("fork") << "fork" << 1 << 2;      // acceptor and supervisor
    QTest::newRow("thread") << "thread" << 1 << 2;  // acceptor and the client's thread
    QTest::newRow("pool") << "pool" << 1 << 5;      // acceptor and 4 workers
    QTest::newRow("select") << "select" << 1 << 1;
    QTest::newRow("poll") << "poll" << 1 << 1;
    QTest::newRow("epoll") << "epoll" << 1 << 1;
    QTest::newRow("epoll 2 loops") << "epoll" << 2 << 2;
    QTest::newRow("io_uring 2 loops") << "io_uring" << 2 << 2;
}

void tst_ThreadName::everyModelNamesItsThreads() {
    QFETCH(QString, model);
    QFETCH(int, loops);
    QFETCH(int, least);
    if (model == QLatin1String("io_uring"))
        if (const std::string why = ioUringUnavailableReason(); !why.empty()) QSKIP(why.c_str());
    const std::vector<int> before = ProcStats::tasks();
    {
        ServerConfig c;
        c.model = model.toStdString();
        c.loops = loops;
        c.listeners = {ListenerConfig{"echo", Protocol::Tcp, "127.0.0.1", 0}};
        Server server(c);
        server.start();
        // One client, echoed: every thread the model needs for it runs now.
        const Address at = server.addresses().front();
        Socket client = Socket::create(at.family(), SOCK_STREAM);
        client.connect(at, Millis(5000));
        client.sendAll("ping\n");
        QCOMPARE(readUntil(client, "\n"), std::string("ping\n"));
        // A thread names itself as it starts: wait until each one has.
        QTRY_VERIFY2(std::ranges::all_of(
                         namesOfNewThreads(before),
                         [](const std::string& n) { return n.starts_with(kServerThreadPrefix); }),
                     qPrintable(QString::fromStdString([&] {
                         std::string all;
                         for (const auto& n : namesOfNewThreads(before)) all += n + "; ";
                         return all;
                     }())));
        const auto names = namesOfNewThreads(before);
        QVERIFY2(int(names.size()) >= least, qPrintable(QString::number(names.size())));
        server.stop();
    }
    QTRY_VERIFY(namesOfNewThreads(before).empty());
}

SOCKWB_TEST_GUILESS_MAIN(tst_ThreadName)
#include "tst_threadname.moc"
