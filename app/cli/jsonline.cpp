#include "app/cli/jsonline.h"

#include "core/net/jsonwriter.h"

namespace sockwb::app {

std::string JsonLine::quote(std::string_view text) { return JsonWriter::quoted(text); }

void JsonLine::key(std::string_view k) {
    if (body_.size() > 1) body_ += ',';
    body_ += quote(k);
    body_ += ':';
}

JsonLine& JsonLine::add(std::string_view k, std::string_view text) {
    key(k);
    body_ += quote(text);
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, int64_t number) {
    key(k);
    body_ += std::to_string(number);
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, uint64_t number) {
    key(k);
    body_ += std::to_string(number);
    return *this;
}

JsonLine& JsonLine::add(std::string_view k, bool value) {
    key(k);
    body_ += value ? "true" : "false";
    return *this;
}

JsonLine& JsonLine::addRaw(std::string_view k, std::string_view json) {
    key(k);
    body_ += json;
    return *this;
}

}  // namespace sockwb::app
