#include "widgets/workspace/workspacefile.h"

// Placeholder: the codec is written on its own branch.

namespace sockwb {

QByteArray workspaceToJson(const Workspace&) { return {}; }

WorkspaceReadResult workspaceFromJson(const QByteArray&) {
    WorkspaceReadResult r;
    r.error = QStringLiteral("workspace files are not readable yet");
    return r;
}

bool saveWorkspace(const Workspace&, const QString&, QString* error) {
    if (error) *error = QStringLiteral("workspace files are not writable yet");
    return false;
}

WorkspaceReadResult loadWorkspace(const QString& path) {
    (void)path;
    return workspaceFromJson({});
}

QJsonObject workspaceToObject(const Workspace&) { return {}; }

bool upgradeWorkspaceObject(QJsonObject&, QStringList*, QString* error) {
    if (error) *error = QStringLiteral("not implemented");
    return false;
}

}  // namespace sockwb
