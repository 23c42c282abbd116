#pragma once
// RefusalText: why the engine refuses a server combination (chat over UDP,
// chat under fork...), worded for the GUI and translated. The core decides
// (refusalOf() in core/server/server.h gives a Refusal::Reason); this class
// only words each reason, with the same English source text as the core's
// englishSentence(), so an untranslated GUI says what the CLI says.

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
    // The translated reason of a refusal. Thread-safe.
    static QString words(const Refusal& refusal);
};

}  // namespace sockwb
