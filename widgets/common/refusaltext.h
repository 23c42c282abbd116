#pragma once
// RefusalText: why the engine refuses a server combination (chat over UDP,
// chat under fork...), worded for the GUI and translated. The core decides
// (whyRefused, English); this class only rewords the cases it knows, with
// the same English source text, and keeps the core's sentence otherwise.

#include <QCoreApplication>
#include <QString>
#include <cstddef>
#include <string>

#include "core/server/server.h"

namespace sockwb {

class RefusalText final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::RefusalText)
public:
    // "" when the combination is fine, else the translated reason.
    // Thread-safe.
    static QString why(const std::string& model, const std::string& service, Protocol protocol,
                       std::size_t listenerCount = 1);

private:
    // The translated reason for a refused combination; "" when not known.
    static QString words(const std::string& model, const std::string& service, Protocol protocol,
                         std::size_t listenerCount);
};

}  // namespace sockwb
