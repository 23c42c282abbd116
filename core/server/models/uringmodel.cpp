#include "core/server/models/uringmodel.h"

#include "core/net/error.h"

namespace sockwb {

// Placeholder, replaced by the model itself.
UringModel::UringModel() = default;
UringModel::~UringModel() = default;
void UringModel::start(ServerCore&) { throw Error::unsupported("io_uring: not built yet"); }
void UringModel::stop() {}

}  // namespace sockwb
