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
        HttpsNotSupported,
        EmptyHost,
        BadHost,
        BadPort,
        BadUserInfo
    };
    Code code = Code::None;
    std::string message;
};

// An http:// URL split for a client: where to connect (host, port), what to
// send (target(), authority() for Host) and credentials for Basic auth.
// The fragment is dropped (never sent). A value type; const methods are
// thread-safe for concurrent readers.
class Url {
public:
    // Parses "http://[user:pass@]host[:port][/path][?query][#frag]"; a missing
    // scheme means http. Returns nullopt and fills *error (if given) on failure. Thread-safe
    // (pure).
    static std::optional<Url> parse(std::string_view text, UrlError* error = nullptr);

    // Always "http" for now. Const.
    const std::string& scheme() const { return m_scheme; }
    // Lower-case host name or address, without brackets for IPv6. Const.
    const std::string& host() const { return m_host; }
    // True when the host is an IPv6 literal. Const.
    bool isIpv6() const { return m_ipv6; }
    // Port, 80 when not given. Const.
    std::uint16_t port() const { return m_port; }
    // Path as sent (percent-encoded), possibly empty. Const.
    const std::string& path() const { return m_path; }
    // Query without '?', percent-encoded, possibly empty. Const.
    const std::string& query() const { return m_query; }
    // Replaces the query (already encoded, e.g. from percent::joinQuery). Not thread-safe.
    void setQuery(std::string query) { m_query = std::move(query); }
    // True when the URL carried "user[:password]@". Const.
    bool hasUserInfo() const { return m_hasUserInfo; }
    // Decoded user name of the userinfo. Const.
    const std::string& user() const { return m_user; }
    // Decoded password of the userinfo. Const.
    const std::string& password() const { return m_password; }

    // Host header value: host[:port], port omitted when 80, IPv6 in brackets. Const.
    std::string authority() const;
    // Request target in origin-form: path + "?query", "/" when the path is empty. Const.
    std::string target() const;
    // "http://" + authority() + target(); userinfo left out on purpose (it goes
    // to an Authorization header, not to logs). Const.
    std::string toString() const;

private:
    std::string m_scheme = "http";
    std::string m_host;
    std::string m_path;
    std::string m_query;
    std::string m_user;
    std::string m_password;
    std::uint16_t m_port = 80;
    bool m_ipv6 = false;
    bool m_hasUserInfo = false;
};

}  // namespace sockwb::http
