#include "widgets/workspace/workspace.h"

namespace sockwb {

QString LocalizedText::text(const QString& language) const {
    if (language.startsWith(QLatin1String("fr")) && !fr.isEmpty()) return fr;
    return en.isEmpty() ? fr : en;
}

const WorkspaceServer* Workspace::server(const QString& name) const {
    for (const WorkspaceServer& s : servers)
        if (s.name == name) return &s;
    return nullptr;
}

const WorkspaceRelay* Workspace::relay(const QString& name) const {
    for (const WorkspaceRelay& r : relays)
        if (r.name == name) return &r;
    return nullptr;
}

}  // namespace sockwb
