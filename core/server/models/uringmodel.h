#pragma once
// io_uring: the eighth model (Placeholder: the model is being built).

#include <string>

#include "core/server/models/concurrencymodel.h"

namespace sockwb {

class UringModel final : public ConcurrencyModel {
public:
    UringModel();
    ~UringModel() override;
    std::string name() const override { return "io_uring"; }
    bool eventDriven() const override { return true; }
    void start(ServerCore& core) override;
    void stop() override;
};

}  // namespace sockwb
