#include "core/http/url.h"

#include <arpa/inet.h>

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
}  // namespace

std::optional<Url> Url::parse(std::string_view text, UrlError* error) {
    using Code = UrlError::Code;
    if (error) *error = UrlError{};
    text = trim(text);
    if (text.empty()) {
        fail(error, Code::Empty, "the URL is empty");
        return std::nullopt;
    }
    Url url;
    const auto schemeEnd = text.find("://");
    if (schemeEnd != std::string_view::npos) {
        const std::string scheme = toLower(text.substr(0, schemeEnd));
        if (scheme == "https") {
            fail(error, Code::HttpsNotSupported, "https is not supported yet (TLS comes later)");
            return std::nullopt;
        }
        if (scheme != "http") {
            fail(error, Code::UnsupportedScheme,
                 "scheme \"" + scheme + "\" is not supported: only http:// URLs can be fetched");
            return std::nullopt;
        }
        text.remove_prefix(schemeEnd + 3);
    }
    text = text.substr(0, text.find('#'));  // the fragment never goes on the wire

    const auto authEnd = text.find_first_of("/?");
    std::string_view authority = text.substr(0, authEnd);
    const std::string_view rest =
        authEnd == std::string_view::npos ? std::string_view() : text.substr(authEnd);

    const auto at = authority.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view userinfo = authority.substr(0, at);
        const auto colon = userinfo.find(':');
        auto user = percent::decode(userinfo.substr(0, colon));
        auto pass = percent::decode(colon == std::string_view::npos ? std::string_view()
                                                                    : userinfo.substr(colon + 1));
        if (!user || !pass) {
            fail(error, Code::BadUserInfo, "malformed %-escape in the user name or password");
            return std::nullopt;
        }
        url.user_ = std::move(*user);
        url.password_ = std::move(*pass);
        url.hasUserInfo_ = true;
        authority.remove_prefix(at + 1);
    }

    std::string_view host;
    std::string_view portText;
    bool hasPort = false;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            fail(error, Code::BadHost, "IPv6 address without a closing ']'");
            return std::nullopt;
        }
        host = authority.substr(1, close - 1);
        const std::string_view after = authority.substr(close + 1);
        in6_addr addr{};
        if (host.empty() || host.size() > 45 ||
            inet_pton(AF_INET6, std::string(host).c_str(), &addr) != 1) {
            fail(error, Code::BadHost, "\"" + std::string(host) + "\" is not a valid IPv6 address");
            return std::nullopt;
        }
        if (!after.empty()) {
            if (after.front() != ':') {
                fail(error, Code::BadHost, "unexpected text after the IPv6 address");
                return std::nullopt;
            }
            hasPort = true;
            portText = after.substr(1);
        }
        url.ipv6_ = true;
    } else {
        const auto colon = authority.find(':');
        host = authority.substr(0, colon);
        if (colon != std::string_view::npos) {
            hasPort = true;
            portText = authority.substr(colon + 1);
            if (portText.find(':') != std::string_view::npos) {
                fail(error, Code::BadHost,
                     "IPv6 addresses must be written in brackets, e.g. http://[::1]:8080/");
                return std::nullopt;
            }
        }
        if (host.empty()) {
            fail(error, Code::EmptyHost, "the URL has no host name");
            return std::nullopt;
        }
        for (char c : host) {
            if (!isHostChar(c)) {
                fail(error, Code::BadHost,
                     "invalid character in host name \"" + std::string(host) + "\"");
                return std::nullopt;
            }
        }
    }
    url.host_ = toLower(host);

    if (hasPort && !portText.empty()) {  // "host:" is allowed and means the default port
        unsigned long port = 0;
        for (char c : portText) {
            if (c < '0' || c > '9') {
                fail(error, Code::BadPort,
                     "port \"" + std::string(portText) + "\" is not a number");
                return std::nullopt;
            }
            port = port * 10 + static_cast<unsigned long>(c - '0');
            if (port > 65535) {
                fail(error, Code::BadPort,
                     "port " + std::string(portText) + " is out of range (1-65535)");
                return std::nullopt;
            }
        }
        if (port == 0) {
            fail(error, Code::BadPort, "port 0 cannot be connected to (1-65535)");
            return std::nullopt;
        }
        url.port_ = static_cast<std::uint16_t>(port);
    }

    const auto q = rest.find('?');
    url.path_ = normalizePathOrQuery(rest.substr(0, q));
    if (q != std::string_view::npos) url.query_ = normalizePathOrQuery(rest.substr(q + 1));
    return url;
}

std::string Url::authority() const {
    std::string out = ipv6_ ? "[" + host_ + "]" : host_;
    if (port_ != 80) {
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

std::string Url::toString() const { return scheme_ + "://" + authority() + target(); }

}  // namespace sockwb::http
