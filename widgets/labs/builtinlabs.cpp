#include "widgets/labs/builtinlabs.h"

#include <QFile>

namespace sockwb {

QStringList builtinLabIds() {
    return {QStringLiteral("time-tcp"),      QStringLiteral("time-udp"),
            QStringLiteral("chat"),          QStringLiteral("http-client"),
            QStringLiteral("multi-service"), QStringLiteral("fork-vs-thread")};
}

WorkspaceReadResult builtinLab(const QString& id) {
    if (!builtinLabIds().contains(id)) {
        WorkspaceReadResult r;
        r.error = QStringLiteral("no built-in lab '%1' (%2)")
                      .arg(id, builtinLabIds().join(QStringLiteral(", ")));
        return r;
    }
    // The resource is embedded by resources/CMakeLists.txt; a missing one
    // means the program was linked without sockwb_resources.
    QFile file(QStringLiteral(":/labs/%1.sockwb").arg(id));
    if (!file.open(QIODevice::ReadOnly)) {
        WorkspaceReadResult r;
        r.error = QStringLiteral("built-in lab '%1': %2").arg(id, file.errorString());
        return r;
    }
    WorkspaceReadResult r = workspaceFromJson(file.readAll());
    if (!r.workspace && !r.error.isEmpty())
        r.error = QStringLiteral("built-in lab '%1': %2").arg(id, r.error);
    return r;
}

}  // namespace sockwb
