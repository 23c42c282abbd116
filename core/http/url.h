#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sockwb::http {

// Why a URL was refused; message is a sentence for the user.
struct UrlError {
    enum class Code {
        None,
        Empty,
        UnsupportedScheme,
        HttpsNotSupported,  // no longer reported (https is supported); kept for callers
        EmptyHost,
        BadHost,
        BadPort,
        BadUserInfo
    };
    Code code = Code::None;
    std::string message;
};

// An http:// or https:// URL split for a client: where to connect (host, port), what to
// send (target(), authority() for Host) and credentials for Basic auth.
// The fragment is dropped (never sent). A value type; const methods are
// thread-safe for concurrent readers.
class Url {
public:
    // Parses "http[s]://[user:pass@]host[:port][/path][?query][#frag]"; a
    // missing scheme means http. Returns nullopt and fills *error (if given) on failure.
    // Thread-safe (pure).
    static std::optional<Url> parse(std::string_view text, UrlError* error = nullptr);

    // "http" or "https" (lower case). Const.
    const std::string& scheme() const { return scheme_; }
    // True for https:// (TLS). Const.
    bool isHttps() const { return scheme_ == "https"; }
    // The scheme's port: 443 for https, else 80. Const.
    std::uint16_t defaultPort() const { return isHttps() ? 443 : 80; }
    // Lower-case host name or address, without brackets for IPv6; with its
    // zone id as Address takes it ("fe80::1%lo" from [fe80::1%25lo]). Const.
    const std::string& host() const { return host_; }
    // True when the host is an IPv6 literal. Const.
    bool isIpv6() const { return ipv6_; }
    // Port, defaultPort() when not given. Const.
    std::uint16_t port() const { return port_; }
    // Path as sent (percent-encoded), possibly empty. Const.
    const std::string& path() const { return path_; }
    // Query without '?', percent-encoded, possibly empty. Const.
    const std::string& query() const { return query_; }
    // Replaces the query (already encoded, e.g. from percent::joinQuery). Not thread-safe.
    void setQuery(std::string query) { query_ = std::move(query); }
    // True when the URL carried "user[:password]@". Const.
    bool hasUserInfo() const { return hasUserInfo_; }
    // Decoded user name of the userinfo. Const.
    const std::string& user() const { return user_; }
    // Decoded password of the userinfo. Const.
    const std::string& password() const { return password_; }

    // Host header value: host[:port], port omitted when the default, IPv6 in brackets
    // without its zone id (RFC 6874 §4). Const.
    std::string authority() const;
    // The authority as written in a URL: the zone id kept as "%25lo". Const.
    std::string uriAuthority() const;
    // Request target in origin-form: path + "?query", "/" when the path is empty. Const.
    std::string target() const;
    // scheme "://" + uriAuthority() + target(); userinfo left out on purpose (it goes
    // to an Authorization header, not to logs). Const.
    std::string toString() const;

private:
    std::string scheme_ = "http";
    std::string host_;
    std::string path_;
    std::string query_;
    std::string user_;
    std::string password_;
    std::uint16_t port_ = 80;
    bool ipv6_ = false;
    bool hasUserInfo_ = false;
};

}  // namespace sockwb::http
