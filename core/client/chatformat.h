#pragma once
// How a chat client dresses a message, in one place for the send panel's
// chat mode and the chat bots. Course: the course's client,
// sprintf(buf, "[%d]%s:%s", time(NULL), pseudo, message), with the message
// as fgets() leaves it (its '\n' kept): "[1709301909]alice:hello\n".
// Clock: the workbench's older style, "[14:05:09] alice: hello\n" (local
// time). Pure functions, thread-safe.

#include <ctime>
#include <string>
#include <string_view>

namespace sockwb {

enum class ChatFormat { Course, Clock };

// The bytes sent for message (without its newline) from nick at time now;
// they end with '\n'. Thread-safe (localtime_r).
std::string formatChatMessage(ChatFormat format, std::string_view nick, std::string_view message,
                              std::time_t now);
// "course" or "clock". Thread-safe.
const char* chatFormatName(ChatFormat format) noexcept;
// Parses a name given by chatFormatName(); throws Error (InvalidInput)
// listing the choices.
ChatFormat parseChatFormat(std::string_view name);

}  // namespace sockwb
