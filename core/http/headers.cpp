#include "core/http/headers.h"

#include <algorithm>

namespace sockwb::http {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }
}  // namespace

bool Headers::equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

void Headers::add(std::string_view name, std::string_view value) {
    fields_.push_back(Field{std::string(name), std::string(value)});
}

void Headers::set(std::string_view name, std::string_view value) {
    auto it = std::find_if(fields_.begin(), fields_.end(),
                           [&](const Field& f) { return equalsIgnoreCase(f.name, name); });
    if (it == fields_.end()) {
        add(name, value);
        return;
    }
    it->value.assign(value);
    // Keep the first occurrence in place (its position is visible on the wire),
    // drop the later duplicates.
    auto firstAfter = std::next(it);
    fields_.erase(std::remove_if(firstAfter, fields_.end(),
                                 [&](const Field& f) { return equalsIgnoreCase(f.name, name); }),
                  fields_.end());
}

std::size_t Headers::remove(std::string_view name) {
    const auto before = fields_.size();
    fields_.erase(std::remove_if(fields_.begin(), fields_.end(),
                                 [&](const Field& f) { return equalsIgnoreCase(f.name, name); }),
                  fields_.end());
    return before - fields_.size();
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
    for (const Field& f : fields_) {
        if (equalsIgnoreCase(f.name, name)) return std::string_view(f.value);
    }
    return std::nullopt;
}

std::vector<std::string_view> Headers::getAll(std::string_view name) const {
    std::vector<std::string_view> out;
    for (const Field& f : fields_) {
        if (equalsIgnoreCase(f.name, name)) out.emplace_back(f.value);
    }
    return out;
}

std::string Headers::joined(std::string_view name) const {
    std::string out;
    for (const Field& f : fields_) {
        if (!equalsIgnoreCase(f.name, name)) continue;
        if (!out.empty()) out += ", ";
        out += f.value;
    }
    return out;
}

bool Headers::contains(std::string_view name) const { return get(name).has_value(); }

std::size_t Headers::count(std::string_view name) const {
    return static_cast<std::size_t>(
        std::count_if(fields_.begin(), fields_.end(),
                      [&](const Field& f) { return equalsIgnoreCase(f.name, name); }));
}

void Headers::serializeTo(std::string& out) const {
    for (const Field& f : fields_) {
        out += f.name;
        // An empty value is written "Name:" (no trailing space), as curl does.
        out += f.value.empty() ? ":" : ": ";
        out += f.value;
        out += "\r\n";
    }
}

std::string Headers::serialize() const {
    std::string out;
    serializeTo(out);
    return out;
}

void Headers::appendToLastValue(std::string_view text) {
    if (!fields_.empty()) fields_.back().value += text;
}

bool operator==(const Headers::Field& a, const Headers::Field& b) {
    return a.name == b.name && a.value == b.value;
}

bool operator==(const Headers& a, const Headers& b) { return a.fields_ == b.fields_; }

}  // namespace sockwb::http
