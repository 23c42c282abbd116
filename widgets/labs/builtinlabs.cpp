#include "widgets/labs/builtinlabs.h"

// Placeholder: written on its own branch.

namespace sockwb {

QStringList builtinLabIds() { return {}; }

WorkspaceReadResult builtinLab(const QString& id) {
    WorkspaceReadResult r;
    r.error = QStringLiteral("no built-in lab '%1'").arg(id);
    return r;
}

}  // namespace sockwb
