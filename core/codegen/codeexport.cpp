#include "core/codegen/codeexport.h"

namespace sockwb::codegen {

const char* languageName(Language language) noexcept {
    return language == Language::C ? "c" : "python";
}

}  // namespace sockwb::codegen
