#pragma once
// One JSON object on one line, built field by field: the --json output of
// the sub-commands (one event per line, for scripts). Not thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

namespace sockwb::app {

class JsonLine {
public:
    // Adds "key": "text", escaped by JsonWriter: valid UTF-8 passes
    // through, control bytes and invalid UTF-8 bytes become \u00XX.
    JsonLine& add(std::string_view key, std::string_view text);
    JsonLine& add(std::string_view key, const char* text) {
        return add(key, std::string_view(text));
    }
    JsonLine& add(std::string_view key, int64_t number);
    JsonLine& add(std::string_view key, uint64_t number);
    JsonLine& add(std::string_view key, int number) {
        return add(key, static_cast<int64_t>(number));
    }
    JsonLine& add(std::string_view key, bool value);
    // Adds "key": json, where json is already a JSON value.
    JsonLine& addRaw(std::string_view key, std::string_view json);
    // The object, without a newline.
    std::string str() const { return body_ + "}"; }

    // text as a quoted JSON string. Thread-safe.
    static std::string quote(std::string_view text);

private:
    void key(std::string_view k);
    std::string body_ = "{";
};

}  // namespace sockwb::app
