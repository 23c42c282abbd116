#include "widgets/workspace/labreport.h"

// Placeholder: written on its own branch.

namespace sockwb {

bool LabReport::passed() const { return false; }
int LabReport::failedCount() const { return 0; }
QJsonObject LabReport::toJson() const { return {}; }
QString LabReport::toText() const { return {}; }

QList<LabCheck> scriptChecks(const QString&, const std::vector<ScriptStep>&,
                             const std::vector<StepResult>&) {
    return {};
}
QList<LabCheck> serverChecks(const WorkspaceServer&, const ServerStats&, quint64) { return {}; }
QList<LabCheck> requestChecks(const WorkspaceComposer&, int, const QByteArray&, const QString&) {
    return {};
}

}  // namespace sockwb
