// Export as C program, servers: every model with a set of services (echo,
// daytime, time, clock, chat where the model relays, http, chargen,
// discard), UDP echo, clock, daytime and time, and the multi-service server
// under select, poll and epoll. Each export is compiled with `cc -Wall
// -Wextra -Werror` (all at once, before the tests), run on free loopback
// ports and spoken to with the core's Socket: the exact bytes. Also: what
// cannot be exported is refused with a sentence, and the header says what
// the program leaves out.

#include <algorithm>

#include "core/codegen/codeexport.h"
#include "core/net/error.h"
#include "support/exportchecks.h"
#include "support/testmain.h"

using namespace sockwb;
using namespace sockwb::codegen;
using namespace sockwb::test;

namespace {

struct Row {
    std::string model;
    std::vector<ExportListener> listeners;
};

// Every model with echo, daytime and the clock (and chat where it relays);
// the iterative model with every other service and the UDP ones; the event
// models also as the multi-service server (every service, TCP and UDP, on
// one loop). Few programs: each costs a compile.
std::vector<std::pair<std::string, Row>> rows() {
    std::vector<std::pair<std::string, Row>> out;
    for (const std::string m : {"iterative", "fork", "thread", "pool"}) {
        for (const std::string s : {"echo", "daytime", "clock"})
            out.push_back({m + "/" + s, {m, {{s, Protocol::Tcp}}}});
    }
    out.push_back({"thread/chat", {"thread", {{"chat", Protocol::Tcp}}}});
    for (const std::string s : {"time", "http", "chargen", "discard"})
        out.push_back({"iterative/" + s, {"iterative", {{s, Protocol::Tcp}}}});
    for (const std::string s : {"echo", "clock", "daytime"})
        out.push_back({"iterative/" + s + "-udp", {"iterative", {{s, Protocol::Udp}}}});
    for (const std::string m : {"select", "poll", "epoll"}) {
        out.push_back({m + "/clock", {m, {{"clock", Protocol::Tcp}}}});
        out.push_back({m + "/multi-service",
                       {m,
                        {{"echo", Protocol::Tcp},
                         {"clock", Protocol::Tcp},
                         {"chat", Protocol::Tcp},
                         {"daytime", Protocol::Tcp},
                         {"time", Protocol::Tcp},
                         {"http", Protocol::Tcp},
                         {"chargen", Protocol::Tcp},
                         {"discard", Protocol::Tcp},
                         {"echo", Protocol::Udp},
                         {"clock", Protocol::Udp},
                         {"daytime", Protocol::Udp},
                         {"time", Protocol::Udp}}}});
    }
    return out;
}

}  // namespace

class TestServerExportC : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        cc_ = QStandardPaths::findExecutable(QStringLiteral("cc"));
        if (cc_.isEmpty()) QSKIP("no C compiler (cc) on this machine");
        QVERIFY(dir_.isValid());
        // Write every export, then compile them several at a time (a
        // compile mostly waits: little CPU each).
        std::vector<std::unique_ptr<QProcess>> running;
        auto finishOne = [&](QProcess& p) {
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                     qPrintable(QString::fromUtf8(p.readAll())));
        };
        for (const auto& [name, row] : rows()) {
            const ExportedProgram program =
                exportServer(exportConfig(row.model, row.listeners), Language::C);
            const QString source = dir_.filePath(QString::fromStdString(program.fileName));
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(program.source.data(), qint64(program.source.size()));
            f.close();
            const QString exe = source.chopped(2);
            binaries_[name] = exe;
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::MergedChannels);
            QStringList args = {QStringLiteral("-Wall"),
                                QStringLiteral("-Wextra"),
                                QStringLiteral("-Werror"),
                                QStringLiteral("-o"),
                                exe,
                                source};
            if (program.buildCommand.find("-pthread") != std::string::npos)
                args << QStringLiteral("-pthread");
            p->start(cc_, args);
            running.push_back(std::move(p));
            if (running.size() >= 8) {
                finishOne(*running.front());
                if (QTest::currentTestFailed()) return;
                running.erase(running.begin());
            }
        }
        for (auto& p : running) {
            finishOne(*p);
            if (QTest::currentTestFailed()) return;
        }
    }

    void exchange_data() {
        QTest::addColumn<QString>("name");
        for (const auto& [name, row] : rows())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    // Runs the export on free ports and checks every listener's exchange.
    void exchange() {
        QFETCH(QString, name);
        const std::string key = name.toStdString();
        Row row;
        for (const auto& [n, r] : rows())
            if (n == key) row = r;
        QStringList ports;
        const std::vector<uint16_t> numbers = freePorts(row.listeners);
        for (uint16_t n : numbers) ports << QString::number(n);
        RunningExport server(binaries_[key], ports, int(row.listeners.size()));
        QTRY_VERIFY_WITH_TIMEOUT(server.listening(), 20000);
        for (size_t i = 0; i < row.listeners.size(); ++i) {
            const auto& l = row.listeners[i];
            if (l.protocol == Protocol::Udp)
                checkUdpService(l.service, numbers[i]);
            else
                checkTcpService(l.service, numbers[i]);
            if (QTest::currentTestFailed()) return;
        }
        // Two clients at once: the iterative model serves them one after
        // the other, the others together; both are answered in full.
        if (row.listeners.size() == 1 && row.listeners[0].service == "clock" &&
            row.listeners[0].protocol == Protocol::Tcp) {
            Socket a = connectTo(numbers[0]);
            Socket b = connectTo(numbers[0]);
            a.sendAll("Bonjour");
            b.sendAll("Bonjour");
            checkClockBytes(readToEnd(a));
            checkClockBytes(readToEnd(b));
        }
        QCOMPARE(server.process().state(), QProcess::Running);  // served, still up
    }

    void fileNameAndCommands() {
        const ExportedProgram p =
            exportServer(exportConfig("iterative", {{"clock", Protocol::Tcp}}), Language::C);
        QCOMPARE(p.fileName, std::string("clock_server_iterative.c"));
        QCOMPARE(
            p.buildCommand,
            std::string("cc -Wall -Wextra -o clock_server_iterative clock_server_iterative.c"));
        QCOMPARE(p.runCommand, std::string("./clock_server_iterative 8080"));
        const ExportedProgram t =
            exportServer(exportConfig("thread", {{"chat", Protocol::Tcp}}), Language::C);
        QVERIFY(t.buildCommand.find("-pthread") != std::string::npos);
        // The course's calls, in its order, with its checks.
        for (const char* call : {"socket(", "setsockopt(", "bind(", "listen(", "accept(",
                                 "pthread_create(", "pthread_detach(", "perror("})
            QVERIFY2(t.source.find(call) != std::string::npos, call);
    }

    void portFromConfig() {
        ServerConfig config = exportConfig("fork", {{"echo", Protocol::Tcp}});
        config.listeners[0].port = 7777;
        const ExportedProgram p = exportServer(config, Language::C);
        QCOMPARE(p.runCommand, std::string("./echo_server_fork 7777"));
        QVERIFY(p.source.find("parse_port(argc > 1 ? argv[1] : NULL, 7777)") != std::string::npos);
        QVERIFY(p.source.find("SIGCHLD") != std::string::npos);
        QVERIFY(p.source.find("close(listen_fd)") != std::string::npos);
    }

    void omissionsAreListed() {
        ServerConfig config = exportConfig("epoll", {{"echo", Protocol::Tcp}});
        config.tls = true;
        config.idleTimeoutMs = 5000;
        config.maxConnections = 10;
        config.sockopts.push_back(parseSockopt("TCP_NODELAY=on"));
        const ExportedProgram p = exportServer(config, Language::C);
        QCOMPARE(p.omissions.size(), size_t(5));  // TLS, option, limit, timeout, budget
        for (const auto& o : p.omissions) {
            // Each is in the header comment too (its first words at least).
            QVERIFY2(p.source.find(o.substr(0, 20)) != std::string::npos, o.c_str());
        }
        QVERIFY(p.omissions[0].find("TLS") != std::string::npos);
        QVERIFY(p.omissions[1].find("TCP_NODELAY") != std::string::npos);
        // A blocking model with several listeners says it serves the first.
        const ExportedProgram it = exportServer(
            exportConfig("iterative", {{"echo", Protocol::Tcp}, {"daytime", Protocol::Tcp}}),
            Language::C);
        QVERIFY(it.omissions.front().find("daytime/tcp") != std::string::npos);
        // Several event loops: the program runs one, and says so.
        ServerConfig loops = exportConfig("epoll", {{"echo", Protocol::Tcp}});
        loops.loops = 4;
        const ExportedProgram one = exportServer(loops, Language::C);
        QVERIFY(std::any_of(one.omissions.begin(), one.omissions.end(), [](const auto& o) {
            return o.find("The 4 event loops") != std::string::npos;
        }));
        QVERIFY(one.source.find("The 4 event loops") != std::string::npos);
    }

    void refusals() {
        ServerConfig unix = exportConfig("epoll", {{"echo", Protocol::Unix}});
        unix.listeners[0].bindAddress = "/tmp/x.sock";
        QVERIFY_THROWS_EXCEPTION(Error, exportServer(unix, Language::C));
        QVERIFY_THROWS_EXCEPTION(Error, exportServer(unix, Language::Python));
        try {
            exportServer(exportConfig("pool", {{"chat", Protocol::Tcp}}), Language::C);
            QFAIL("chat under pool exported");
        } catch (const Error& e) {
            QVERIFY2(
                std::string(e.what()).find("thread, select, poll and epoll") != std::string::npos,
                e.what());
        }
        QVERIFY_THROWS_EXCEPTION(
            Error, exportServer(exportConfig("fork", {{"chat", Protocol::Tcp}}), Language::C));
        QVERIFY_THROWS_EXCEPTION(
            Error, exportServer(exportConfig("thread", {{"echo", Protocol::Udp}}), Language::C));
    }

    void terminatorIsKept() {
        ServerConfig config = exportConfig("iterative", {{"clock", Protocol::Tcp}});
        QVERIFY(exportServer(config, Language::C).source.find("#define TERMINATOR \"\"") !=
                std::string::npos);
        config.serviceOptions.terminator = Terminator::CrLf;
        QVERIFY(exportServer(config, Language::C).source.find("#define TERMINATOR \"\\r\\n\"") !=
                std::string::npos);
    }

private:
    QString cc_;
    QTemporaryDir dir_;
    std::map<std::string, QString> binaries_;
};

SOCKWB_TEST_GUILESS_MAIN(TestServerExportC)
#include "tst_serverexport_c.moc"
