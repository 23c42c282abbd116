#include "core/server/models/concurrencymodel.h"

#include "core/net/error.h"
#include "core/server/models/eventmodel.h"
#include "core/server/models/forkmodel.h"
#include "core/server/models/iterativemodel.h"
#include "core/server/models/poolmodel.h"
#include "core/server/models/threadmodel.h"
#include "core/server/models/uringmodel.h"
#include "core/server/models/uringprobe.h"
#include "core/server/server.h"

namespace sockwb {

std::vector<std::string> modelNames() {
    return {"iterative", "fork", "thread", "pool", "select", "poll", "epoll", "io_uring"};
}

std::string modelUnavailableReason(const std::string& model) {
    return model == "io_uring" ? ioUringUnavailableReason() : std::string{};
}

std::unique_ptr<ConcurrencyModel> makeModel(std::string_view name) {
    if (name == "iterative") return std::make_unique<IterativeModel>();
    if (name == "fork") return std::make_unique<ForkModel>();
    if (name == "thread") return std::make_unique<ThreadModel>();
    if (name == "pool") return std::make_unique<PoolModel>();
    if (name == "select" || name == "poll" || name == "epoll")
        return std::make_unique<EventModel>(std::string(name));
    if (name == "io_uring") return std::make_unique<UringModel>();
    std::string list;
    for (const auto& m : modelNames()) list += (list.empty() ? "" : ", ") + m;
    throw Error::invalid("model",
                         "unknown model '" + std::string(name) + "' (valid models: " + list + ")");
}

}  // namespace sockwb
