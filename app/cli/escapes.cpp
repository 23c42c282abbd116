#include "app/cli/escapes.h"

#include <QCoreApplication>

#include "app/cli/clitext.h"
#include "core/net/error.h"
#include "core/net/escapes.h"

namespace sockwb::app {

std::string decodeEscapes(std::string_view text) {
    EscapeError error;
    if (auto bytes = sockwb::decodeEscapes(text, &error)) return *std::move(bytes);
    const std::string quoted = "'" + std::string(text) + "'";
    switch (error.code) {
        case EscapeError::Code::LoneBackslash:
            throw Error::invalid(
                utf8(QCoreApplication::translate("sockwb::app::escapes", "a lone '\\' ends %1")
                         .arg(q(quoted))),
                utf8(QCoreApplication::translate("sockwb::app::escapes",
                                                 "write \\\\ for a backslash")));
        case EscapeError::Code::BadHex:
            throw Error::invalid(
                utf8(QCoreApplication::translate("sockwb::app::escapes", "bad escape in %1")
                         .arg(q(quoted))),
                utf8(QCoreApplication::translate("sockwb::app::escapes",
                                                 "\\x needs two hex digits, as in \\x0a")));
        case EscapeError::Code::UnknownEscape:
            break;
    }
    throw Error::invalid(
        utf8(QCoreApplication::translate("sockwb::app::escapes", "unknown escape '\\%1' in %2")
                 .arg(q(std::string(1, error.escape)), q(quoted))),
        utf8(QCoreApplication::translate("sockwb::app::escapes",
                                         "the escapes are \\n \\r \\t \\0 \\\\ \\xHH")));
}

}  // namespace sockwb::app
