// The service registry declared in core/server/service.h: one shared, immutable
// instance of each service, created on first use.

#include <map>

#include "core/net/error.h"
#include "core/server/service.h"
#include "core/services/chargenservice.h"
#include "core/services/chatservice.h"
#include "core/services/clockservice.h"
#include "core/services/daytimeservice.h"
#include "core/services/discardservice.h"
#include "core/services/echoservice.h"
#include "core/services/httpservice.h"
#include "core/services/timeservice.h"

namespace sockwb {

namespace {

// In the course's order (and the RFCs'), which is how lists show them.
const std::vector<std::shared_ptr<const Service>>& registry() {
    static const std::vector<std::shared_ptr<const Service>> services = {
        std::make_shared<EchoService>(),    std::make_shared<DiscardService>(),
        std::make_shared<ChargenService>(), std::make_shared<DaytimeService>(),
        std::make_shared<TimeService>(),    std::make_shared<ClockService>(),
        std::make_shared<ChatService>(),    std::make_shared<HttpService>(),
    };
    return services;
}

}  // namespace

std::shared_ptr<const Service> makeService(std::string_view name) {
    for (const auto& s : registry())
        if (s->name() == name) return s;
    std::string valid;
    for (const auto& n : serviceNames()) valid += (valid.empty() ? "" : ", ") + n;
    throw Error::invalid("unknown service '" + std::string(name) + "'",
                         "the services are " + valid);
}

std::vector<std::string> serviceNames() {
    std::vector<std::string> names;
    for (const auto& s : registry()) names.push_back(s->name());
    return names;
}

}  // namespace sockwb
