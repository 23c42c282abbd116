#include "app/cli/escapes.h"

#include "core/net/error.h"
#include "core/net/escapes.h"

namespace sockwb::app {

std::string decodeEscapes(std::string_view text) {
    EscapeError error;
    if (auto bytes = sockwb::decodeEscapes(text, &error)) return *std::move(bytes);
    const std::string quoted = "'" + std::string(text) + "'";
    switch (error.code) {
        case EscapeError::Code::LoneBackslash:
            throw Error::invalid("a lone '\\' ends " + quoted, "write \\\\ for a backslash");
        case EscapeError::Code::BadHex:
            throw Error::invalid("bad escape in " + quoted,
                                 "\\x needs two hex digits, as in \\x0a");
        case EscapeError::Code::UnknownEscape:
            break;
    }
    throw Error::invalid("unknown escape '\\" + std::string(1, error.escape) + "' in " + quoted,
                         "the escapes are \\n \\r \\t \\0 \\\\ \\xHH");
}

}  // namespace sockwb::app
