#pragma once
// Shared by the command-line suites: runs the real `sockwb` binary to the
// end (run), or keeps a `sockwb serve` running for the length of a test
// (Serve) and reads its port from the "listening" line. Header-only.

#include <signal.h>

#include <QtTest/QtTest>

namespace sockwb::test {

const QString kBinary = QStringLiteral(SOCKWB_BINARY);
constexpr int kWaitMs = 15000;

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `sockwb args...` to the end, feeding `input` on stdin.
inline Result run(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(kBinary, args);
    if (!p.waitForStarted(kWaitMs)) return {};
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kWaitMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// A running `sockwb serve`, stopped (SIGTERM) when it goes out of scope.
class Serve {
public:
    explicit Serve(const QStringList& args, int listeners = 1) {
        proc_.start(kBinary, QStringList{"serve"} + args);
        // Only the "listening" lines are kept (--json --trace mixes in
        // trace events); the rest stays readable from process().
        QDeadlineTimer deadline(kWaitMs);
        while (lines_.size() < listeners && !deadline.hasExpired()) {
            if (proc_.state() == QProcess::NotRunning) break;
            proc_.waitForReadyRead(100);
            while (proc_.canReadLine()) {
                const QString line = QString::fromUtf8(proc_.readLine()).trimmed();
                if (line.startsWith("listening ") || line.contains("\"event\":\"listening\""))
                    lines_ << line;
                else
                    others_ << line;
            }
        }
    }
    ~Serve() {
        if (proc_.state() != QProcess::NotRunning) {
            proc_.terminate();
            if (!proc_.waitForFinished(kWaitMs)) proc_.kill();
            proc_.waitForFinished();
        }
    }
    // The port of listener i, from "listening tcp 127.0.0.1:PORT ...", or
    // from the JSON line's "port".
    QString port(int i = 0) const {
        if (i >= lines_.size()) return {};
        const QString& l = lines_[i];
        if (l.startsWith('{'))
            return QString::number(QJsonDocument::fromJson(l.toUtf8()).object()["port"].toInt());
        static const QRegularExpression re(QStringLiteral("^listening \\w+ \\S+:(\\d+) "));
        return re.match(l).captured(1);
    }
    QStringList lines() const { return lines_; }
    // Lines read before the last "listening" line that were something else.
    QStringList others() const { return others_; }
    QProcess& process() { return proc_; }
    // Stops it with `sig` and returns the exit code (-3: killed by a signal).
    int stop(int sig) {
        ::kill(static_cast<pid_t>(proc_.processId()), sig);
        if (!proc_.waitForFinished(kWaitMs)) return -2;
        return proc_.exitStatus() == QProcess::NormalExit ? proc_.exitCode() : -3;
    }

private:
    QProcess proc_;
    QStringList lines_;
    QStringList others_;
};

const QStringList kModels = {"iterative", "fork", "thread", "pool",
                             "select",    "poll", "epoll",  "io_uring"};

}  // namespace sockwb::test
