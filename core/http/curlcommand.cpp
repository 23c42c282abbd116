#include "core/http/curlcommand.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/http/base64.h"
#include "core/http/percentencoding.h"
#include "core/net/error.h"

namespace sockwb::http {

namespace {

std::string readFile(const std::string& path, bool stripNewlines) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error::invalid("cannot read '" + path + "' (from @" + path + ")",
                             "check that the file exists");
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (stripNewlines) {
        // curl -d @file drops carriage returns and newlines; --data-binary keeps them.
        std::string out;
        for (char c : s)
            if (c != '\r' && c != '\n') out += c;
        return out;
    }
    return s;
}

// Splits "Name: value" / "Name:" / "Name;" into name, value and what to do.
struct HeaderSpec {
    std::string name, value;
    enum { Add, Remove, Empty } kind = Add;
};

HeaderSpec splitHeader(const std::string& h) {
    HeaderSpec s;
    auto colon = h.find(':');
    if (colon == std::string::npos) {
        if (!h.empty() && h.back() == ';') {
            s.name = h.substr(0, h.size() - 1);
            s.kind = HeaderSpec::Empty;
            return s;
        }
        throw Error::invalid("invalid header '" + h + "'", "write it as 'Name: value'");
    }
    s.name = h.substr(0, colon);
    s.value = h.substr(colon + 1);
    while (!s.value.empty() && (s.value.front() == ' ' || s.value.front() == '\t'))
        s.value.erase(0, 1);
    while (!s.value.empty() && (s.value.back() == ' ' || s.value.back() == '\t'))
        s.value.pop_back();
    if (s.value.empty()) s.kind = HeaderSpec::Remove;
    return s;
}

int redirectCount(const std::string& v) {
    int n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size())
        throw Error::invalid("--max-redirs: '" + v + "' is not a number");
    if (n < 0)
        throw Error::invalid("--max-redirs: " + v + " is out of range", "expected 0 or more");
    return n;
}

double secondsValue(const std::string& v) {
    char* end = nullptr;
    errno = 0;
    const double s = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || errno != 0 || !(s >= 0 && s <= 1e9))
        throw Error::invalid("--max-time: '" + v + "' is not a number of seconds");
    return s;
}

using Apply = void (*)(CurlCommand&, const std::string&);
void nothing(CurlCommand&, const std::string&) {}

// The subset of curl's options that is understood: its one letter (0: none),
// its long names, whether it takes a value, and what it does.
struct CurlOption {
    char letter;
    std::array<std::string_view, 2> names;  // "": no second name
    bool takesValue;
    Apply apply;
};

const std::vector<CurlOption>& curlOptions() {
    static const std::vector<CurlOption> table = {
        {'X', {"--request"}, true, [](CurlCommand& c, const std::string& v) { c.method = v; }},
        {'H',
         {"--header"},
         true,
         [](CurlCommand& c, const std::string& v) { c.headers.push_back(v); }},
        {'d',
         {"--data", "--data-ascii"},
         true,
         [](CurlCommand& c, const std::string& v) {
             c.data.push_back(!v.empty() && v[0] == '@' ? readFile(v.substr(1), true) : v);
         }},
        {0,
         {"--data-raw"},
         true,
         [](CurlCommand& c, const std::string& v) { c.data.push_back(v); }},
        {0,
         {"--data-binary"},
         true,
         [](CurlCommand& c, const std::string& v) {
             c.data.push_back(!v.empty() && v[0] == '@' ? readFile(v.substr(1), false) : v);
         }},
        {0,
         {"--data-urlencode"},
         true,
         [](CurlCommand& c, const std::string& v) {
             const auto eq = v.find('=');
             if (eq == std::string::npos)
                 c.data.push_back(percent::encode(v));
             else if (eq == 0)
                 c.data.push_back(percent::encode(v.substr(1)));
             else
                 c.data.push_back(v.substr(0, eq + 1) + percent::encode(v.substr(eq + 1)));
         }},
        {0, {"--url"}, true, [](CurlCommand& c, const std::string& v) { c.url = v; }},
        {'I', {"--head"}, false, [](CurlCommand& c, const std::string&) { c.head = true; }},
        {'G', {"--get"}, false, [](CurlCommand& c, const std::string&) { c.get = true; }},
        {'L', {"--location"}, false, [](CurlCommand& c, const std::string&) { c.location = true; }},
        {0,
         {"--max-redirs"},
         true,
         [](CurlCommand& c, const std::string& v) { c.maxRedirs = redirectCount(v); }},
        {0,
         {"--compressed"},
         false,
         [](CurlCommand& c, const std::string&) { c.compressed = true; }},
        {'0', {"--http1.0"}, false, [](CurlCommand& c, const std::string&) { c.http10 = true; }},
        {0, {"--http1.1"}, false, nothing},
        {'m',
         {"--max-time"},
         true,
         [](CurlCommand& c, const std::string& v) { c.maxTimeSeconds = secondsValue(v); }},
        {'A',
         {"--user-agent"},
         true,
         [](CurlCommand& c, const std::string& v) { c.userAgent = v; }},
        {'e', {"--referer"}, true, [](CurlCommand& c, const std::string& v) { c.referer = v; }},
        {'u', {"--user"}, true, [](CurlCommand& c, const std::string& v) { c.user = v; }},
        {'k', {"--insecure"}, false, [](CurlCommand& c, const std::string&) { c.insecure = true; }},
        {0, {"--cacert"}, true, [](CurlCommand& c, const std::string& v) { c.caCert = v; }},
        {'E', {"--cert"}, true, [](CurlCommand& c, const std::string& v) { c.cert = v; }},
        {0, {"--key"}, true, [](CurlCommand& c, const std::string& v) { c.key = v; }},
        {0,
         {"--resolve"},
         true,
         [](CurlCommand& c, const std::string& v) {
             (void)parseResolve(v);  // refused here, with curl's spelling in the message
             c.resolve.push_back(v);
         }},
        // Nothing on the wire: output and progress options.
        {'o', {"--output"}, true, nothing},
        {'w', {"--write-out"}, true, nothing},
        {0, {"--connect-timeout"}, true, nothing},
        {'s', {"--silent"}, false, nothing},
        {'S', {"--show-error"}, false, nothing},
        {'v', {"--verbose"}, false, nothing},
        {'i', {"--include"}, false, nothing},
        {'f', {"--fail"}, false, nothing},
        {0, {"--no-progress-meter"}, false, nothing},
    };
    return table;
}

// The option spelled `name` ("-H", "--header"), or null.
const CurlOption* findOption(std::string_view name) {
    for (const auto& o : curlOptions()) {
        if (name.size() == 2 && name[0] == '-' && o.letter != 0 && name[1] == o.letter) return &o;
        for (std::string_view n : o.names)
            if (!n.empty() && n == name) return &o;
    }
    return nullptr;
}

Error notSupported(const std::string& word) {
    return Error::invalid(
        "curl option '" + word + "' is not supported here",
        "supported: -X -H -d --data-raw --data-binary --url -I -L --compressed -A -e -u -k "
        "--cacert --cert --key --resolve");
}

// "HOST:PORT:ADDR" again, an IPv6 ADDR in brackets as curl writes it.
std::string resolveText(const ClientOptions::ResolveOverride& r) {
    const bool v6 = r.address.find(':') != std::string::npos;
    return r.host + ":" + std::to_string(r.port) + ":" + (v6 ? "[" + r.address + "]" : r.address);
}

bool isCurlProgram(const std::string& word) {
    return word == "curl" || (word.size() > 5 && word.substr(word.size() - 5) == "/curl");
}

}  // namespace

bool CurlCommand::takesValue(std::string_view option) {
    const CurlOption* o = findOption(option);
    if (!o) throw notSupported(std::string(option));
    return o->takesValue;
}

void CurlCommand::apply(std::string_view option, const std::string& value) {
    const CurlOption* o = findOption(option);
    if (!o) throw notSupported(std::string(option));
    o->apply(*this, value);
}

CurlCommand CurlCommand::parse(std::string_view commandLine) {
    const auto words = splitShellWords(commandLine);
    if (words.empty() || !isCurlProgram(words[0]))
        throw Error::invalid("not a curl command", "paste a command that starts with 'curl'");
    CurlCommand c;
    for (size_t i = 1; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() < 2 || w[0] != '-') {
            if (!c.url.empty())
                throw Error::invalid("more than one URL in the curl command ('" + w + "')");
            c.url = w;
            continue;
        }
        // "--opt=value" is not curl syntax. One dash: a value may be glued
        // (-XPOST, -HName:v) and flags compacted (-sSL).
        const bool glued = w[1] != '-' && w.size() > 2;
        const CurlOption* o = findOption(glued ? w.substr(0, 2) : w);
        if (!o) throw notSupported(w);
        if (o->takesValue) {
            if (!glued && i + 1 >= words.size())
                throw Error::invalid("curl option " + w + " needs a value");
            o->apply(c, glued ? w.substr(2) : words[++i]);
            continue;
        }
        for (size_t k = 1; k < (glued ? w.size() : 2); ++k) {
            const CurlOption* flag = glued ? findOption(std::string{'-', w[k]}) : o;
            if (!flag || flag->takesValue) throw notSupported(w);
            flag->apply(c, {});
        }
    }
    if (c.url.empty()) throw Error::invalid("the curl command has no URL");
    return c;
}

std::string CurlCommand::effectiveMethod() const {
    if (!method.empty()) return method;
    if (head) return "HEAD";
    if (!data.empty() && !get) return "POST";
    return "GET";
}

std::string CurlCommand::body() const {
    if (get) return {};
    std::string b;
    for (size_t i = 0; i < data.size(); ++i) b += (i ? "&" : "") + data[i];
    return b;
}

std::string CurlCommand::effectiveUrl() const {
    std::string u = url;
    if (u.find("://") == std::string::npos) u = "http://" + u;
    if (get && !data.empty()) {
        std::string q;
        for (size_t i = 0; i < data.size(); ++i) q += (i ? "&" : "") + data[i];
        auto hash = u.find('#');
        if (hash != std::string::npos) u.resize(hash);
        u += (u.find('?') == std::string::npos ? "?" : "&") + q;
    }
    return u;
}

Request CurlCommand::toRequest(const std::string& defaultUserAgent) const {
    UrlError err;
    auto u = Url::parse(effectiveUrl(), &err);
    if (!u) throw Error::invalid("invalid URL in the curl command: '" + url + "'", err.message);
    Request r;
    r.method = effectiveMethod();
    r.target = u->target();
    r.version = http10 ? "HTTP/1.0" : "HTTP/1.1";
    r.body = body();
    std::vector<HeaderSpec> specs;
    for (const auto& h : headers) specs.push_back(splitHeader(h));
    auto custom = [&](std::string_view name) {
        for (const auto& s : specs)
            if (Headers::equalsIgnoreCase(s.name, name)) return true;
        return false;
    };
    // curl's own order, each default replaced or removed by a -H of that name.
    // A -H Host takes the place of the default one (curl keeps Host first).
    std::string host = u->authority();
    for (const auto& s : specs)
        if (Headers::equalsIgnoreCase(s.name, "Host") && s.kind == HeaderSpec::Add) host = s.value;
    if (!custom("Host") || host != u->authority()) r.headers.add("Host", host);
    std::string userInfo =
        !user.empty() ? user : (u->hasUserInfo() ? u->user() + ":" + u->password() : "");
    if (!userInfo.empty() && !custom("Authorization"))
        r.headers.add("Authorization", "Basic " + base64::encode(userInfo));
    if (!custom("User-Agent"))
        r.headers.add("User-Agent", userAgent.empty() ? defaultUserAgent : userAgent);
    if (!custom("Accept")) r.headers.add("Accept", "*/*");
    // We decode gzip and deflate only, so we ask for those two.
    if (compressed && !custom("Accept-Encoding")) r.headers.add("Accept-Encoding", "deflate, gzip");
    if (!referer.empty() && !custom("Referer")) r.headers.add("Referer", referer);
    for (const auto& s : specs) {
        if (Headers::equalsIgnoreCase(s.name, "Host")) continue;
        if (s.kind == HeaderSpec::Add)
            r.headers.add(s.name, s.value);
        else if (s.kind == HeaderSpec::Empty)
            r.headers.add(s.name, "");
    }
    if (!get && !data.empty()) {
        if (!custom("Content-Length"))
            r.headers.add("Content-Length", std::to_string(r.body.size()));
        if (!custom("Content-Type"))
            r.headers.add("Content-Type", "application/x-www-form-urlencoded");
    }
    checkFields(r.headers);
    return r;
}

ClientOptions CurlCommand::toOptions() const {
    ClientOptions o;
    o.followRedirects = location;
    if (maxRedirs >= 0) o.maxRedirects = maxRedirs;
    o.compressed = compressed;
    o.http10 = http10;
    if (maxTimeSeconds > 0) {
        // curl -m is a deadline for the whole transfer; no wait can be longer.
        o.maxTime = Millis(std::max(1LL, static_cast<long long>(maxTimeSeconds * 1000)));
        o.timeout = o.maxTime;
    }
    o.tls.insecure = insecure;
    o.tls.caFile = caCert;
    o.tls.certFile = cert;
    o.tls.keyFile = key;
    for (const auto& r : resolve) o.resolve.push_back(parseResolve(r));
    return o;
}

std::string CurlCommand::toCommandLine() const {
    std::string out = "curl";
    auto arg = [&](const std::string& opt, const std::string& v) {
        out += " " + opt + " " + shellQuote(v);
    };
    if (!method.empty()) arg("-X", method);
    if (head) out += " -I";
    if (get) out += " -G";
    if (location) out += " -L";
    if (maxRedirs >= 0) arg("--max-redirs", std::to_string(maxRedirs));
    if (compressed) out += " --compressed";
    if (http10) out += " --http1.0";
    if (maxTimeSeconds > 0) {
        std::string t = std::to_string(maxTimeSeconds);
        t.erase(t.find_last_not_of('0') + 1);
        if (!t.empty() && t.back() == '.') t.pop_back();
        arg("-m", t);
    }
    if (!userAgent.empty()) arg("-A", userAgent);
    if (!referer.empty()) arg("-e", referer);
    if (!user.empty()) arg("-u", user);
    if (insecure) out += " -k";
    if (!caCert.empty()) arg("--cacert", caCert);
    if (!cert.empty()) arg("--cert", cert);
    if (!key.empty()) arg("--key", key);
    for (const auto& r : resolve) arg("--resolve", r);
    for (const auto& h : headers) arg("-H", h);
    for (const auto& d : data) arg("--data-raw", d);
    out += " " + shellQuote(url);
    return out;
}

CurlCommand CurlCommand::fromRequest(const Request& request, const Url& url,
                                     const ClientOptions& options) {
    CurlCommand c;
    c.url = url.toString();
    c.location = options.followRedirects;
    if (options.followRedirects && options.maxRedirects != ClientOptions{}.maxRedirects)
        c.maxRedirs = options.maxRedirects;
    c.compressed = options.compressed;
    c.http10 = options.http10 || request.version == "HTTP/1.0";
    if (options.maxTime.count() > 0) c.maxTimeSeconds = options.maxTime.count() / 1000.0;
    c.insecure = options.tls.insecure;
    c.caCert = options.tls.caFile;
    c.cert = options.tls.certFile;
    c.key = options.tls.keyFile;
    for (const auto& r : options.resolve) c.resolve.push_back(resolveText(r));
    const bool hasBody = !request.body.empty();
    if (request.method == "HEAD")
        c.head = true;
    else if (request.method != (hasBody ? "POST" : "GET"))
        c.method = request.method;
    for (const auto& f : request.headers) {
        const std::string& n = f.name;
        if (Headers::equalsIgnoreCase(n, "Host") && f.value == url.authority()) continue;
        if (Headers::equalsIgnoreCase(n, "Accept") && f.value == "*/*") continue;
        if (Headers::equalsIgnoreCase(n, "Content-Length")) continue;  // curl computes it
        if (Headers::equalsIgnoreCase(n, "Accept-Encoding") && options.compressed) continue;
        if (Headers::equalsIgnoreCase(n, "User-Agent")) {
            if (f.value != options.userAgent) c.userAgent = f.value;
            continue;
        }
        if (Headers::equalsIgnoreCase(n, "Referer")) {
            c.referer = f.value;
            continue;
        }
        if (Headers::equalsIgnoreCase(n, "Authorization") && f.value.rfind("Basic ", 0) == 0) {
            c.user = base64::decode(f.value.substr(6));
            continue;
        }
        if (Headers::equalsIgnoreCase(n, "Content-Type") && hasBody &&
            f.value == "application/x-www-form-urlencoded")
            continue;
        c.headers.push_back(f.value.empty() ? n + ";" : n + ": " + f.value);
    }
    if (hasBody) {
        c.data.push_back(request.body);
        // A body sent without a form Content-Type: curl would add one, so say none.
        if (!request.headers.contains("Content-Type")) c.headers.push_back("Content-Type:");
    }
    return c;
}

}  // namespace sockwb::http
