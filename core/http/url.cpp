#include "core/http/url.h"

#include <arpa/inet.h>

#include <cctype>

#include "core/http/percentencoding.h"

namespace sockwb::http {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string toLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool fail(UrlError* error, UrlError::Code code, std::string message) {
    if (error) *error = UrlError{code, std::move(message)};
    return false;
}

bool isHostChar(char c) {
    static constexpr std::string_view kSubDelims = "!$&'()*+,;=";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || kSubDelims.find(c) != std::string_view::npos;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

// Users type spaces and accents in the URL bar; send them encoded rather than
// produce an invalid request line. Valid escapes and reserved characters stay.
std::string normalizePathOrQuery(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        const bool badEscape =
            s[i] == '%' && (i + 2 >= s.size() || hexValue(s[i + 1]) < 0 || hexValue(s[i + 2]) < 0);
        if (u <= 0x20 || u >= 0x7f || badEscape ||
            std::string_view("\"<>\\^`{|}").find(s[i]) != std::string_view::npos) {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0x0f];
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
    return s;
}
// Removes "scheme://" from the front of text into scheme; false unless it
// is http or https.
bool stripScheme(std::string_view& text, std::string& scheme, UrlError* error) {
    const auto schemeEnd = text.find("://");
    if (schemeEnd == std::string_view::npos) return true;  // a missing scheme means http
    scheme = toLower(text.substr(0, schemeEnd));
    if (scheme != "http" && scheme != "https")
        return fail(error, UrlError::Code::UnsupportedScheme,
                    "scheme \"" + scheme +
                        "\" is not supported: only http:// and https:// URLs can be fetched");
    text.remove_prefix(schemeEnd + 3);
    return true;
}

struct UserInfo {
    bool present = false;
    std::string user, password;  // decoded
};

// Takes "user[:password]@" off the front of authority, if there.
bool takeUserInfo(std::string_view& authority, UserInfo& out, UrlError* error) {
    const auto at = authority.rfind('@');
    if (at == std::string_view::npos) return true;
    const std::string_view userinfo = authority.substr(0, at);
    const auto colon = userinfo.find(':');
    auto user = percent::decode(userinfo.substr(0, colon));
    auto pass = percent::decode(colon == std::string_view::npos ? std::string_view()
                                                                : userinfo.substr(colon + 1));
    if (!user || !pass)
        return fail(error, UrlError::Code::BadUserInfo,
                    "malformed %-escape in the user name or password");
    out = {true, std::move(*user), std::move(*pass)};
    authority.remove_prefix(at + 1);
    return true;
}

struct HostPort {
    std::string_view host, port;
    bool hasPort = false;
    bool ipv6 = false;
    std::string ipv6Host;  // what host views for an IPv6 literal (zone id decoded)
};

// A zone id (RFC 6874 ZoneID, unreserved characters): an interface name or index.
bool isZoneId(std::string_view zone) {
    if (zone.empty()) return false;
    for (const char c : zone)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
              c == '~'))
            return false;
    return true;
}

// The address inside the brackets: "fe80::1", or with a zone id as RFC 6874
// writes it, "fe80::1%25lo" (the bare "fe80::1%lo" too, as curl takes it).
// out.host becomes "fe80::1%lo", the form getaddrinfo and Address take.
bool checkIpv6Host(std::string_view inside, std::string& host, UrlError* error) {
    const auto percent = inside.find('%');
    const std::string_view address = inside.substr(0, percent);
    std::string_view zone;
    if (percent != std::string_view::npos) {
        zone = inside.substr(percent + 1);
        if (zone.substr(0, 2) == "25") zone.remove_prefix(2);
        if (!isZoneId(zone))
            return fail(error, UrlError::Code::BadHost,
                        "invalid zone id in \"" + std::string(inside) +
                            "\": write the interface after %25, e.g. http://[fe80::1%25eth0]/");
    }
    in6_addr addr{};
    if (address.empty() || address.size() > 45 ||
        inet_pton(AF_INET6, std::string(address).c_str(), &addr) != 1)
        return fail(error, UrlError::Code::BadHost,
                    "\"" + std::string(address) + "\" is not a valid IPv6 address");
    host = std::string(address);
    if (!zone.empty()) host += "%" + std::string(zone);
    return true;
}

// "[v6]" or "[v6]:port".
bool splitIpv6Authority(std::string_view authority, HostPort& out, UrlError* error) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos)
        return fail(error, UrlError::Code::BadHost, "IPv6 address without a closing ']'");
    if (!checkIpv6Host(authority.substr(1, close - 1), out.ipv6Host, error)) return false;
    out.host = out.ipv6Host;
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
        if (after.front() != ':')
            return fail(error, UrlError::Code::BadHost, "unexpected text after the IPv6 address");
        out.hasPort = true;
        out.port = after.substr(1);
    }
    out.ipv6 = true;
    return true;
}

// "name" or "name:port" (a name or an IPv4 address).
bool splitNameAuthority(std::string_view authority, HostPort& out, UrlError* error) {
    using Code = UrlError::Code;
    const auto colon = authority.find(':');
    out.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
        out.hasPort = true;
        out.port = authority.substr(colon + 1);
        if (out.port.find(':') != std::string_view::npos)
            return fail(error, Code::BadHost,
                        "IPv6 addresses must be written in brackets, e.g. http://[::1]:8080/");
    }
    if (out.host.empty()) return fail(error, Code::EmptyHost, "the URL has no host name");
    for (char c : out.host)
        if (!isHostChar(c))
            return fail(error, Code::BadHost,
                        "invalid character in host name \"" + std::string(out.host) + "\"");
    return true;
}

// A decimal port 1-65535.
bool parsePort(std::string_view text, std::uint16_t& port, UrlError* error) {
    using Code = UrlError::Code;
    unsigned long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return fail(error, Code::BadPort, "port \"" + std::string(text) + "\" is not a number");
        value = value * 10 + static_cast<unsigned long>(c - '0');
        if (value > 65535)
            return fail(error, Code::BadPort,
                        "port " + std::string(text) + " is out of range (1-65535)");
    }
    if (value == 0) return fail(error, Code::BadPort, "port 0 cannot be connected to (1-65535)");
    port = static_cast<std::uint16_t>(value);
    return true;
}
}  // namespace

std::optional<Url> Url::parse(std::string_view text, UrlError* error) {
    if (error) *error = UrlError{};
    text = trim(text);
    if (text.empty()) {
        fail(error, UrlError::Code::Empty, "the URL is empty");
        return std::nullopt;
    }
    std::string scheme = "http";
    if (!stripScheme(text, scheme, error)) return std::nullopt;
    text = text.substr(0, text.find('#'));  // the fragment never goes on the wire

    const auto authEnd = text.find_first_of("/?");
    std::string_view authority = text.substr(0, authEnd);
    const std::string_view rest =
        authEnd == std::string_view::npos ? std::string_view() : text.substr(authEnd);

    UserInfo userInfo;
    if (!takeUserInfo(authority, userInfo, error)) return std::nullopt;
    HostPort hp;
    const bool split = !authority.empty() && authority.front() == '['
                           ? splitIpv6Authority(authority, hp, error)
                           : splitNameAuthority(authority, hp, error);
    if (!split) return std::nullopt;
    Url url;
    url.scheme_ = std::move(scheme);
    url.port_ = url.defaultPort();
    url.user_ = std::move(userInfo.user);
    url.password_ = std::move(userInfo.password);
    url.hasUserInfo_ = userInfo.present;
    // An interface name is case-sensitive: only the address is lowered.
    const auto zone = hp.ipv6 ? hp.host.find('%') : std::string_view::npos;
    url.host_ = toLower(hp.host.substr(0, zone));
    if (zone != std::string_view::npos) url.host_ += hp.host.substr(zone);
    url.ipv6_ = hp.ipv6;
    // "host:" is allowed and means the default port.
    if (hp.hasPort && !hp.port.empty() && !parsePort(hp.port, url.port_, error))
        return std::nullopt;

    const auto q = rest.find('?');
    url.path_ = normalizePathOrQuery(rest.substr(0, q));
    if (q != std::string_view::npos) url.query_ = normalizePathOrQuery(rest.substr(q + 1));
    return url;
}

std::string Url::authority() const {
    // RFC 6874 §4: the zone id has only local significance: never sent.
    std::string out = ipv6_ ? "[" + host_.substr(0, host_.find('%')) + "]" : host_;
    if (port_ != defaultPort()) {
        out += ':';
        out += std::to_string(port_);
    }
    return out;
}

std::string Url::target() const {
    std::string out = path_.empty() ? std::string("/") : path_;
    if (!query_.empty()) {
        out += '?';
        out += query_;
    }
    return out;
}

std::string Url::uriAuthority() const {
    const auto percent = host_.find('%');
    if (!ipv6_ || percent == std::string::npos) return authority();
    std::string out = "[" + host_.substr(0, percent) + "%25" + host_.substr(percent + 1) + "]";
    if (port_ != defaultPort()) out += ":" + std::to_string(port_);
    return out;
}

std::string Url::toString() const { return scheme_ + "://" + uriAuthority() + target(); }

}  // namespace sockwb::http
