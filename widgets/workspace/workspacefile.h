#pragma once
// Reading and writing `*.sockwb` files (docs/workspace.md): JSON with
// {"format": "sockwb-workspace", "version": N, ...}. Older versions are
// upgraded on read (a note says so); a newer version, a bad value or an
// unknown name is refused with a sentence naming the JSON path
// ("servers[1].model: unknown model 'fibre' (iterative, fork, thread, pool,
// select, poll, epoll)"). Pure functions apart from the file I/O; thread-safe.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

#include "widgets/workspace/workspace.h"

namespace sockwb {

struct WorkspaceReadResult {
    std::optional<Workspace> workspace;  // nullopt: refused (error says why)
    QString error;                       // one sentence, with the JSON path
    QStringList notes;                   // "upgraded from version 1", unknown keys ignored
};

// The JSON document of a workspace (stable key order, 2-space indent), and back.
QByteArray workspaceToJson(const Workspace& workspace);
WorkspaceReadResult workspaceFromJson(const QByteArray& bytes);

// The file: written atomically (QSaveFile). false with *error (a sentence
// naming the file and the reason) on failure.
bool saveWorkspace(const Workspace& workspace, const QString& path, QString* error = nullptr);
WorkspaceReadResult loadWorkspace(const QString& path);

// The document as a JSON object, and back: the upgrade step for tests.
QJsonObject workspaceToObject(const Workspace& workspace);
// Rewrites an object of an older version into the current one, in place;
// false with *error when the version is newer or unknown.
bool upgradeWorkspaceObject(QJsonObject& object, QStringList* notes, QString* error);

}  // namespace sockwb
