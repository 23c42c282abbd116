#include "widgets/workspace/labreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace sockwb {

namespace {

// The sentences of the report, translated in the GUI's (and the CLI's) language.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(sockwb::LabReport)
};

// The awaited bytes as a teacher reads them: quoted, control bytes and
// quotes escaped (\n, \r, \t, \xHH), long texts cut.
QString quoted(const std::string& bytes) {
    constexpr size_t kShown = 60;
    const std::string shown = bytes.substr(0, kShown);
    std::string out;
    for (unsigned char c : shown) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\\' || c == '"')
            out += {'\\', static_cast<char>(c)};
        else if (c < 0x20 || c == 0x7f) {
            static const char* hex = "0123456789abcdef";
            out += {'\\', 'x', hex[c >> 4], hex[c & 15]};
        } else
            out += static_cast<char>(c);
    }
    if (bytes.size() > kShown) out += "...";
    return QLatin1Char('"') + QString::fromUtf8(out.data(), static_cast<qsizetype>(out.size())) +
           QLatin1Char('"');
}

QString expectedOf(const ScriptStep& s) {
    QString text;
    switch (s.kind) {
        case ScriptStep::Kind::Expect:
            text = Text::tr("receives %1").arg(quoted(s.bytes));
            break;
        case ScriptStep::Kind::ExpectClose:
            text = Text::tr("sees the peer close the connection");
            break;
        case ScriptStep::Kind::Send:
            text = Text::tr("sends %1").arg(quoted(s.bytes));
            return text;
        case ScriptStep::Kind::Close:
            return Text::tr("closes the connection");
        case ScriptStep::Kind::Wait:
            return Text::tr("waits %1 ms").arg(s.delayMs);
    }
    if (s.minAfterMs >= 0) text += Text::tr(" after at least %1 ms").arg(s.minAfterMs);
    return text;
}

QString observedOf(const ScriptStep& s, const StepResult& r) {
    using Status = StepResult::Status;
    switch (r.status) {
        case Status::Passed:
        case Status::Done:
            return s.kind == ScriptStep::Kind::ExpectClose
                       ? Text::tr("closed after %1 ms").arg(r.atMs)
                       : Text::tr("received after %1 ms").arg(r.atMs);
        case Status::Failed:
            return QString::fromStdString(r.detail);
        case Status::Skipped:
            return r.detail.empty()
                       ? Text::tr("not reached: an earlier step failed")
                       : Text::tr("not reached: %1").arg(QString::fromStdString(r.detail));
        case Status::Pending:
        case Status::Running:
            break;
    }
    return Text::tr("still waiting");
}

}  // namespace

bool LabReport::passed() const {
    return error.isEmpty() && !timedOut && !checks.isEmpty() && failedCount() == 0;
}

int LabReport::failedCount() const {
    int n = 0;
    for (const LabCheck& c : checks) n += c.passed ? 0 : 1;
    return n;
}

QJsonObject LabReport::toJson() const {
    QJsonArray list;
    for (const LabCheck& c : checks)
        list.append(QJsonObject{{QStringLiteral("subject"), c.subject},
                                {QStringLiteral("expected"), c.expected},
                                {QStringLiteral("observed"), c.observed},
                                {QStringLiteral("passed"), c.passed},
                                {QStringLiteral("at_ms"), c.atMs}});
    return QJsonObject{
        {QStringLiteral("title"), title},          {QStringLiteral("passed"), passed()},
        {QStringLiteral("elapsed_ms"), elapsedMs}, {QStringLiteral("timed_out"), timedOut},
        {QStringLiteral("error"), error},          {QStringLiteral("checks"), list}};
}

QString LabReport::toText() const {
    QString out;
    if (!title.isEmpty()) out += title + QLatin1Char('\n');
    qsizetype width = 0;
    for (const LabCheck& c : checks) width = std::max(width, c.subject.size());
    for (const LabCheck& c : checks) {
        out += QStringLiteral("%1  %2  %3")
                   .arg(c.passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
                   .arg(c.subject, -static_cast<int>(width))
                   .arg(c.expected);
        if (!c.observed.isEmpty()) out += QStringLiteral(" — ") + c.observed;
        out += QLatin1Char('\n');
    }
    if (!error.isEmpty()) out += Text::tr("error: %1").arg(error) + QLatin1Char('\n');
    if (timedOut)
        out += Text::tr("the run timed out after %1 ms").arg(elapsedMs) + QLatin1Char('\n');
    const int total = static_cast<int>(checks.size());
    const int ok = total - failedCount();
    if (total == 0)
        out += Text::tr("no check was made") + QLatin1Char('\n');
    else if (ok == total)
        out += Text::tr("all %1 checks passed").arg(total) + QLatin1Char('\n');
    else
        out += Text::tr("%1/%2 checks passed").arg(ok).arg(total) + QLatin1Char('\n');
    return out;
}

QList<LabCheck> scriptChecks(const QString& clientName, const std::vector<ScriptStep>& steps,
                             const std::vector<StepResult>& results) {
    QList<LabCheck> out;
    const size_t n = std::min(steps.size(), results.size());
    for (size_t i = 0; i < n; ++i) {
        const ScriptStep& s = steps[i];
        const StepResult& r = results[i];
        const bool expectation =
            s.kind == ScriptStep::Kind::Expect || s.kind == ScriptStep::Kind::ExpectClose;
        // A send or a close that could not happen is a failure of its own;
        // the other sends, closes and waits are not checks.
        const bool lostAction =
            !expectation && r.status == StepResult::Status::Skipped && !r.detail.empty();
        if (!expectation && !lostAction) continue;
        LabCheck c;
        c.subject = clientName;
        c.expected = expectedOf(s);
        c.observed = observedOf(s, r);
        c.passed = r.status == StepResult::Status::Passed;
        c.atMs = r.atMs;
        out.append(c);
    }
    return out;
}

QList<LabCheck> serverChecks(const WorkspaceServer& server, const ServerStats& stats,
                             quint64 maxActiveSeen) {
    QList<LabCheck> out;
    const QString subject = Text::tr("server %1").arg(server.name);
    if (server.expectAcceptedAtLeast >= 0) {
        LabCheck c;
        c.subject = subject;
        c.expected =
            server.expectAcceptedAtLeast == 1
                ? Text::tr("accepts at least 1 connection")
                : Text::tr("accepts at least %1 connections").arg(server.expectAcceptedAtLeast);
        c.observed = Text::tr("accepted %1").arg(stats.accepted);
        c.passed = stats.accepted >= static_cast<quint64>(server.expectAcceptedAtLeast);
        out.append(c);
    }
    if (server.expectMaxActiveAtMost >= 0) {
        LabCheck c;
        c.subject = subject;
        c.expected = server.expectMaxActiveAtMost == 1
                         ? Text::tr("has at most 1 connection open at once")
                         : Text::tr("has at most %1 connections open at once")
                               .arg(server.expectMaxActiveAtMost);
        c.observed = Text::tr("%1 open at once at most").arg(maxActiveSeen);
        c.passed = maxActiveSeen <= static_cast<quint64>(server.expectMaxActiveAtMost);
        out.append(c);
    }
    return out;
}

QList<LabCheck> requestChecks(const WorkspaceComposer& composer, int status, const QByteArray& body,
                              const QString& error) {
    QList<LabCheck> out;
    const QString subject =
        Text::tr("request %1").arg(QString::fromStdString(composer.request.title()));
    const QString failure =
        error.isEmpty() ? Text::tr("no response") : Text::tr("no response: %1").arg(error);
    const RequestExpectation& e = composer.expect;
    if (e.status >= 0 || e.bodyContains.isEmpty()) {
        LabCheck c;
        c.subject = subject;
        c.expected = e.status >= 0 ? Text::tr("is answered with status %1").arg(e.status)
                                   : Text::tr("is answered");
        c.observed = status < 0 ? failure : Text::tr("status %1").arg(status);
        c.passed = status >= 0 && (e.status < 0 || status == e.status);
        out.append(c);
    }
    if (!e.bodyContains.isEmpty()) {
        LabCheck c;
        c.subject = subject;
        c.expected = Text::tr("is answered with a body containing %1")
                         .arg(quoted(e.bodyContains.toStdString()));
        const bool found = body.contains(e.bodyContains.toUtf8());
        c.observed = status < 0 ? failure
                     : found    ? Text::tr("found in the %1-byte body").arg(body.size())
                                : Text::tr("not in the %1-byte body").arg(body.size());
        c.passed = status >= 0 && found;
        out.append(c);
    }
    return out;
}

}  // namespace sockwb
