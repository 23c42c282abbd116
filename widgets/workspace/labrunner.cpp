#include "widgets/workspace/labrunner.h"

// Placeholder: written on its own branch.

namespace sockwb {

struct LabRunner::Impl {
    Workspace workspace;
    LabReport report;
};

LabRunner::LabRunner(Workspace workspace, QObject* parent)
    : QObject(parent), d(std::make_unique<Impl>()) {
    d->workspace = std::move(workspace);
}
LabRunner::~LabRunner() = default;
void LabRunner::start() {}
void LabRunner::cancel() {}
bool LabRunner::isRunning() const { return false; }
const LabReport& LabRunner::report() const { return d->report; }
QString LabRunner::addressOf(const QString&) const { return {}; }

}  // namespace sockwb
