#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Percent-encoding (RFC 3986 §2.1) and application/x-www-form-urlencoded
// query strings, for the URL bar and the query-parameters table.
// Every function is pure and thread-safe.
namespace sockwb::http::percent {

using QueryItem = std::pair<std::string, std::string>;

// Encodes every byte except unreserved (ALPHA DIGIT - . _ ~) and the bytes in keep.
std::string encode(std::string_view bytes, std::string_view keep = {});
// Decodes %XX (and '+' as space when plusAsSpace); nullopt on a malformed escape.
std::optional<std::string> decode(std::string_view text, bool plusAsSpace = false);
// Splits "a=1&b=x%20y&flag" into decoded pairs (missing '=' gives an empty value);
// malformed escapes are kept literally rather than dropping the parameter.
std::vector<QueryItem> splitQuery(std::string_view query);
// Joins pairs into "a=1&b=x%20y" (empty value still written as "k=").
std::string joinQuery(const std::vector<QueryItem>& items);

}  // namespace sockwb::http::percent
