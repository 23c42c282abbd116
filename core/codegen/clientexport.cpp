#include "core/codegen/codeexport.h"
#include "core/net/error.h"

// Placeholder: written on its own branch.

namespace sockwb::codegen {

ExportedProgram exportClient(const ClientConfig&, Framing, const std::vector<ScriptStep>&,
                             Language) {
    throw Error::unsupported("client export is not written yet");
}

ExportedProgram exportHttpRequest(const std::string&, uint16_t, bool, const std::string&,
                                  Language) {
    throw Error::unsupported("request export is not written yet");
}

}  // namespace sockwb::codegen
