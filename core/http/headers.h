#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sockwb::http {

// Ordered list of header fields as they appear on the wire. Order and
// duplicates are kept because both matter (Set-Cookie, repeated
// Content-Length detection, showing the message exactly as received).
// Name lookup is ASCII case-insensitive (RFC 9110 §5.1).
class Headers {
public:
    struct Field {
        std::string name;
        std::string value;
    };
    using const_iterator = std::vector<Field>::const_iterator;

    // Appends a field, keeping any existing one with the same name. Not thread-safe (mutates).
    void add(std::string_view name, std::string_view value);
    // Replaces the first field with this name and removes the others, or appends. Not thread-safe.
    void set(std::string_view name, std::string_view value);
    // Removes every field with this name; returns how many. Not thread-safe.
    std::size_t remove(std::string_view name);
    // Removes all fields. Not thread-safe.
    void clear() { fields_.clear(); }

    // Value of the first field with this name; the view lives as long as the field. Const:
    // thread-safe for readers.
    std::optional<std::string_view> get(std::string_view name) const;
    // Values of every field with this name, in order; views owned by *this. Const: thread-safe for
    // readers.
    std::vector<std::string_view> getAll(std::string_view name) const;
    // All values of this name joined with ", " (RFC 9110 §5.3 list semantics). Const: thread-safe
    // for readers.
    std::string joined(std::string_view name) const;
    // True when at least one field has this name. Const: thread-safe for readers.
    bool contains(std::string_view name) const;
    // Number of fields with this name. Const: thread-safe for readers.
    std::size_t count(std::string_view name) const;

    // Number of fields (duplicates counted). Const: thread-safe for readers.
    std::size_t size() const { return fields_.size(); }
    // True when there is no field. Const: thread-safe for readers.
    bool empty() const { return fields_.empty(); }
    // Field at position i (0 <= i < size()). Const: thread-safe for readers.
    const Field& at(std::size_t i) const { return fields_.at(i); }
    // Iteration in wire order. Const: thread-safe for readers.
    const_iterator begin() const { return fields_.begin(); }
    // End of iteration. Const: thread-safe for readers.
    const_iterator end() const { return fields_.end(); }

    // Appends "Name: value\r\n" for each field to out (no final empty line). Const: thread-safe for
    // readers.
    void serializeTo(std::string& out) const;
    // Same as serializeTo into a fresh string. Const: thread-safe for readers.
    std::string serialize() const;

    // Appends text to the value of the last field (used for obs-fold); no-op when empty. Not
    // thread-safe.
    void appendToLastValue(std::string_view text);

    // ASCII case-insensitive comparison, shared by the HTTP code. Thread-safe (pure).
    static bool equalsIgnoreCase(std::string_view a, std::string_view b);

    friend bool operator==(const Headers& a, const Headers& b);

private:
    std::vector<Field> fields_;
};

bool operator==(const Headers::Field& a, const Headers::Field& b);

}  // namespace sockwb::http
