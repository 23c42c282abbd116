#include "core/codegen/pyserverwriter.h"

namespace sockwb::codegen {

std::string writePythonServer(const ServerPlan& plan) { return "# " + plan.stem + "\n"; }

}  // namespace sockwb::codegen
