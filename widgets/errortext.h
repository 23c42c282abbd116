#pragma once
// ErrorText: a core ErrorInfo worded for the GUI, translated, in plain
// words followed by the call and the errno name, e.g. "The address
// 127.0.0.1:8080 is already in use: ... (bind: EADDRINUSE)". Panels show it
// inline instead of a modal box.

#include <QCoreApplication>
#include <QString>

#include "core/error.h"

namespace sockwb {

class ErrorText final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::ErrorText)
public:
    // The sentence for an error. Thread-safe.
    static QString sentence(const ErrorInfo& info);
    // The same for an exception thrown by the core. Thread-safe.
    static QString sentence(const Error& error) { return sentence(error.info()); }
};

}  // namespace sockwb
