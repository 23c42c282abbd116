#pragma once
// JSON string escaping for every JSON the project writes (the http
// service's /echo answer, trace events, the CLI's --json lines). Bytes
// are arbitrary: valid UTF-8 is copied as is, every byte that is not part
// of a valid UTF-8 sequence becomes \u00XX (its Latin-1 reading), so the
// output is always valid JSON and no byte is lost silently.

#include <string>
#include <string_view>

namespace sockwb {

class JsonWriter {
public:
    // Appends `bytes` as a quoted JSON string to out. Thread-safe (pure).
    static void appendString(std::string& out, std::string_view bytes);
    // `bytes` as a quoted JSON string. Thread-safe (pure).
    static std::string quoted(std::string_view bytes);
};

}  // namespace sockwb
