#pragma once
// What `sockwb run` (and the GUI's lab panel) found: one check per
// expectation of a workspace, passed or not, with what was observed. The
// check functions are shared by the headless runner and the GUI so both
// judge a lab the same way. Pure; thread-safe.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

#include "core/client/clientscript.h"
#include "core/server/server.h"
#include "widgets/workspace/workspace.h"

namespace sockwb {

struct LabCheck {
    QString subject;   // "client 3", "server time-iterative", "request hello"
    QString expected;  // "receives \"Au Revoir\" after at least 2000 ms"
    QString observed;  // "received after 4512 ms" / the failure's detail
    bool passed = false;
    qint64 atMs = -1;  // ms after the run started when it was decided (-1: never)
};

struct LabReport {
    QString title;  // the lab's title (English) or the file name
    QList<LabCheck> checks;
    // Set when the run could not take place (a server did not start, a
    // target is unknown): nothing was checked.
    QString error;
    qint64 elapsedMs = 0;
    bool timedOut = false;  // runTimeoutMs passed with checks still pending
    bool passed() const;    // no error and every check passed (and at least one check)
    int failedCount() const;
    // {"title", "passed", "elapsed_ms", "timed_out", "error", "checks": [{subject, expected,
    // observed, passed, at_ms}]} (docs/workspace.md).
    QJsonObject toJson() const;
    // Lines a teacher reads: "PASS client 3: receives ... (received after 4512 ms)", then a total.
    QString toText() const;
};

// The checks of one client's script: one per Expect/ExpectClose step (and a
// failed one when a Send/Close was skipped because the connection ended).
QList<LabCheck> scriptChecks(const QString& clientName, const std::vector<ScriptStep>& steps,
                             const std::vector<StepResult>& results);
// A server's expectations against its counters; maxActiveSeen is the most
// connections seen open at once during the run.
QList<LabCheck> serverChecks(const WorkspaceServer& server, const ServerStats& stats,
                             quint64 maxActiveSeen);
// A request's expectation against what came back (status -1: no response,
// error says why).
QList<LabCheck> requestChecks(const WorkspaceComposer& composer, int status, const QByteArray& body,
                              const QString& error);

}  // namespace sockwb
