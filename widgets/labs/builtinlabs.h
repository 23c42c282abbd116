#pragma once
// The course's labs, built in: workspace files in resources/labs/ (each
// with its explanation and question in English and French), listed in
// the Labs menu and on the welcome page, run by `sockwb run --lab ID`.
// Thread-safe (reads Qt resources).

#include <QString>
#include <QStringList>
#include <optional>

#include "widgets/workspace/workspacefile.h"

namespace sockwb {

// The ids in the course's order: "time-tcp", "time-udp", "chat", "http-client",
// "multi-service", "fork-vs-thread".
QStringList builtinLabIds();
// The lab's workspace, read from its resource; a failure says why (a bug: tests read them all).
WorkspaceReadResult builtinLab(const QString& id);

}  // namespace sockwb
