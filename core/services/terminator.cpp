#include "core/services/terminator.h"

#include <string>

#include "core/net/error.h"

namespace sockwb {

std::string_view terminatorBytes(Terminator t) noexcept {
    switch (t) {
        case Terminator::None:
            return {};
        case Terminator::Lf:
            return "\n";
        case Terminator::CrLf:
            return "\r\n";
    }
    return {};
}

const char* terminatorName(Terminator t) noexcept {
    switch (t) {
        case Terminator::None:
            return "none";
        case Terminator::Lf:
            return "lf";
        case Terminator::CrLf:
            return "crlf";
    }
    return "?";
}

Terminator parseTerminator(std::string_view name) {
    for (Terminator t : {Terminator::None, Terminator::Lf, Terminator::CrLf})
        if (name == terminatorName(t)) return t;
    throw Error::invalid("terminator '" + std::string(name) + "'", "choose none, lf or crlf");
}

}  // namespace sockwb
