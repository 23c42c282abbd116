#include "core/client/chatformat.h"

#include "core/net/error.h"

namespace sockwb {

std::string formatChatMessage(ChatFormat format, std::string_view nick, std::string_view message,
                              std::time_t now) {
    std::string out = "[";
    if (format == ChatFormat::Course) {
        // time(NULL) printed with %d, as the course does.
        out += std::to_string(static_cast<long long>(now));
        out += "]";
        out += nick;
        out += ":";
    } else {
        std::tm tm{};
        localtime_r(&now, &tm);
        char stamp[16];
        std::strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
        out += stamp;
        out += "] ";
        out += nick;
        out += ": ";
    }
    out += message;
    out += '\n';
    return out;
}

const char* chatFormatName(ChatFormat format) noexcept {
    return format == ChatFormat::Course ? "course" : "clock";
}

ChatFormat parseChatFormat(std::string_view name) {
    for (ChatFormat f : {ChatFormat::Course, ChatFormat::Clock})
        if (name == chatFormatName(f)) return f;
    throw Error::invalid("chat format '" + std::string(name) + "'", "choose course or clock");
}

}  // namespace sockwb
