#include "app/cli/sockoptlines.h"

#include "app/cli/jsonline.h"

namespace sockwb::app {

std::vector<SockoptSetting> parseSockoptValues(const std::vector<std::string>& values) {
    std::vector<SockoptSetting> out;
    out.reserve(values.size());
    for (const auto& v : values) out.push_back(parseSockopt(v));
    return out;
}

std::string sockoptLine(const SockoptReadback& r) {
    std::string where = "sockopt";
    if (!r.socket.empty()) where += " " + r.socket + (r.accepted ? " accepted" : "");
    return where + ": " + r.text();
}

std::string sockoptJson(const SockoptReadback& r) {
    JsonLine j;
    j.add("event", "sockopt").add("name", r.asked.name).add("asked", r.asked.value);
    if (r.readBack) j.add("readBack", *r.readBack);
    if (r.appliedAs) j.add("appliedAs", r.appliedAs);
    if (r.error)
        j.add("error", r.error->kind == ErrorKind::InvalidInput
                           ? r.error->detail
                           : std::string(Error(*r.error).what()));
    j.add("applied", r.readBack.has_value() && !r.error);
    if (!r.socket.empty()) j.add("listener", r.socket).add("accepted", r.accepted);
    j.add("text", r.text());
    return j.str();
}

}  // namespace sockwb::app
