#include "core/codegen/codeexport.h"
#include "core/net/error.h"

// Placeholder: written on its own branch.

namespace sockwb::codegen {

ExportedProgram exportServer(const ServerConfig&, Language) {
    throw Error::unsupported("server export is not written yet");
}

}  // namespace sockwb::codegen
