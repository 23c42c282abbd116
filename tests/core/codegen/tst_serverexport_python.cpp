// Export as Python, servers: every model with echo and the clock, chat
// under thread, the iterative UDP clock and echo, and the multi-service
// server (every service, TCP and UDP) under select, poll and epoll. Each
// program runs with python3 on free loopback ports and is spoken to with
// the core's Socket: the same exact bytes as the C exports and the
// workbench's own services.

#include "core/codegen/codeexport.h"
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

std::vector<std::pair<std::string, Row>> rows() {
    std::vector<std::pair<std::string, Row>> out;
    for (const std::string m : {"iterative", "fork", "thread", "pool"})
        for (const std::string s : {"echo", "clock"})
            out.push_back({m + "/" + s, {m, {{s, Protocol::Tcp}}}});
    out.push_back({"thread/chat", {"thread", {{"chat", Protocol::Tcp}}}});
    out.push_back({"iterative/http", {"iterative", {{"http", Protocol::Tcp}}}});
    out.push_back({"iterative/chargen", {"iterative", {{"chargen", Protocol::Tcp}}}});
    for (const std::string s : {"echo", "clock", "time"})
        out.push_back({"iterative/" + s + "-udp", {"iterative", {{s, Protocol::Udp}}}});
    for (const std::string m : {"select", "poll", "epoll"})
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
                         {"daytime", Protocol::Udp}}}});
    return out;
}

}  // namespace

class TestServerExportPython : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The system's interpreter first: a version manager's shim on PATH
        // can take seconds to start.
        python_ =
            QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
        if (python_.isEmpty()) python_ = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python_.isEmpty()) QSKIP("no python3 on this machine");
        QVERIFY(dir_.isValid());
    }

    void exchange_data() {
        QTest::addColumn<QString>("name");
        for (const auto& [name, row] : rows())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void exchange() {
        QFETCH(QString, name);
        const std::string key = name.toStdString();
        Row row;
        for (const auto& [n, r] : rows())
            if (n == key) row = r;
        const ExportedProgram program =
            exportServer(exportConfig(row.model, row.listeners), Language::Python);
        QVERIFY(program.buildCommand.empty());
        QCOMPARE(program.runCommand.rfind("python3 " + program.fileName, 0), size_t(0));
        const QString file = dir_.filePath(QString::fromStdString(program.fileName));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(program.source.data(), qint64(program.source.size()));
        f.close();
        QStringList args = {file};
        const std::vector<uint16_t> ports = freePorts(row.listeners);
        for (uint16_t n : ports) args << QString::number(n);
        RunningExport server(python_, args, int(row.listeners.size()));
        QTRY_VERIFY2_WITH_TIMEOUT(server.listening(), qPrintable(server.errors()), 15000);
        for (size_t i = 0; i < row.listeners.size(); ++i) {
            const auto& l = row.listeners[i];
            if (l.protocol == Protocol::Udp)
                checkUdpService(l.service, ports[i]);
            else
                checkTcpService(l.service, ports[i]);
            if (QTest::currentTestFailed()) {
                qWarning("%s", qPrintable(server.errors()));
                return;
            }
        }
        QCOMPARE(server.process().state(), QProcess::Running);
    }

    void fileNameAndModules() {
        const ExportedProgram p =
            exportServer(exportConfig("epoll", {{"clock", Protocol::Udp}}), Language::Python);
        QCOMPARE(p.fileName, std::string("clock_udp_server_epoll.py"));
        QVERIFY(p.source.find("select.epoll()") != std::string::npos);
        QVERIFY(p.source.find("TERMINATOR = b\"\"") != std::string::npos);
        const ExportedProgram f =
            exportServer(exportConfig("fork", {{"echo", Protocol::Tcp}}), Language::Python);
        QVERIFY(f.source.find("os.fork()") != std::string::npos);
        QVERIFY(f.source.find("signal.SIGCHLD") != std::string::npos);
    }

private:
    QString python_;
    QTemporaryDir dir_;
};

SOCKWB_TEST_GUILESS_MAIN(TestServerExportPython)
#include "tst_serverexport_python.moc"
