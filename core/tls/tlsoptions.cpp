#include "core/tls/tlsoptions.h"

namespace sockwb::tls {

const char* versionName(Version v) noexcept { return v == Version::Tls12 ? "TLSv1.2" : "TLSv1.3"; }

}  // namespace sockwb::tls
