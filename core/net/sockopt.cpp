// Placeholder: the socket option table and its parsers (sockopt.h) are
// being written.

#include "core/net/sockopt.h"

namespace sockwb {

const std::vector<SockoptSpec>& sockoptSpecs() {
    static const std::vector<SockoptSpec> specs;
    return specs;
}
const SockoptSpec* findSockopt(std::string_view) { return nullptr; }
SockoptSetting parseSockopt(std::string_view text) {
    ErrorInfo e;
    e.kind = ErrorKind::InvalidInput;
    e.call = "--sockopt";
    e.detail = std::string(text);
    throw Error(e);
}
std::string sockoptText(const SockoptSetting& s) { return s.name + "=" + std::to_string(s.value); }
std::string SockoptReadback::text() const { return sockoptText(asked); }
std::vector<SockoptReadback> applySockopts(int, const std::vector<SockoptSetting>&, SockoptStage) {
    return {};
}
SockoptReadback readSockopt(int, const SockoptSpec& spec) { return {{spec.name, 0}, {}, {}}; }

}  // namespace sockwb
