#include "widgets/composer/composerrequest.h"

#include <QFile>
#include <QJsonArray>

#include "core/http/headers.h"
#include "core/http/percentencoding.h"
#include "core/net/error.h"
#include "widgets/composer/composerprepared.h"

namespace sockwb {

namespace {

bool same(const std::string& a, const std::string& b) {
    return http::Headers::equalsIgnoreCase(a, b);
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

const char* bodyTypeName(ComposerRequest::BodyType t) {
    switch (t) {
        case ComposerRequest::BodyType::Raw:
            return "raw";
        case ComposerRequest::BodyType::Json:
            return "json";
        case ComposerRequest::BodyType::Form:
            return "form";
        case ComposerRequest::BodyType::File:
            return "file";
        case ComposerRequest::BodyType::None:
            break;
    }
    return "none";
}

QJsonArray rowsToJson(const std::vector<ComposerRequest::Row>& rows) {
    QJsonArray a;
    for (const auto& r : rows)
        a.append(QJsonObject{{"enabled", r.enabled}, {"name", qs(r.name)}, {"value", qs(r.value)}});
    return a;
}

std::vector<ComposerRequest::Row> rowsFromJson(const QJsonArray& a) {
    std::vector<ComposerRequest::Row> rows;
    for (const auto& v : a) {
        const QJsonObject o = v.toObject();
        rows.push_back({o.value("enabled").toBool(true), ss(o.value("name").toString()),
                        ss(o.value("value").toString())});
    }
    return rows;
}

}  // namespace

std::vector<ComposerRequest::AutoHeader> ComposerRequest::defaultAutoHeaders() {
    return {{"Host", true, ""},
            {"User-Agent", true, ""},
            {"Accept", true, ""},
            {"Content-Length", true, ""},
            {"Connection", false, ""}};
}

std::string ComposerRequest::body() const {
    switch (bodyType) {
        case BodyType::None:
            return {};
        case BodyType::Raw:
        case BodyType::Json:
            return rawText;
        case BodyType::Form: {
            std::vector<http::percent::QueryItem> items;
            for (const auto& r : formRows)
                if (r.enabled && !r.name.empty()) items.emplace_back(r.name, r.value);
            return http::percent::joinQuery(items);
        }
        case BodyType::File: {
            ++ComposerPrepared::counters().bodyFileReads;
            QFile f(qs(filePath));
            if (!f.open(QIODevice::ReadOnly))
                throw Error::invalid("cannot read the body file '" + filePath + "'",
                                     ss(f.errorString()));
            const QByteArray bytes = f.readAll();
            return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
        }
    }
    return {};
}

http::CurlCommand ComposerRequest::toCurl() const { return toCurl(body()); }

http::CurlCommand ComposerRequest::toCurl(const std::string& bodyBytes) const {
    http::CurlCommand c;
    c.url = url;
    c.http10 = http10;
    c.location = followRedirects;
    c.compressed = compressed;
    if (timeoutMs != 30000) c.maxTimeSeconds = timeoutMs / 1000.0;
    c.insecure = !verifyCertificate;
    c.caCert = caFile;
    c.cert = clientCertFile;
    c.key = clientKeyFile;
    c.resolve = resolve;
    const bool hasBody = bodyType != BodyType::None;
    const std::string m = method.empty() ? std::string("GET") : method;
    if (m == "HEAD" && !hasBody)
        c.head = true;
    else if (m != (hasBody ? "POST" : "GET"))
        c.method = m;
    if (auth == Auth::Basic)
        c.user = authPassword.empty() ? authUser : authUser + ":" + authPassword;
    if (auth == Auth::Bearer) c.headers.push_back("Authorization: Bearer " + bearerToken);
    for (const auto& a : autoHeaders) {
        if (same(a.name, "Connection")) {
            if (a.enabled)
                c.headers.push_back("Connection: " +
                                    (a.value.empty() ? std::string("close") : a.value));
            continue;
        }
        if (!a.enabled)
            c.headers.push_back(a.name + ":");
        else if (a.value.empty())
            continue;
        else if (same(a.name, "User-Agent"))
            c.userAgent = a.value;
        else
            c.headers.push_back(a.name + ": " + a.value);
    }
    for (const auto& r : headers) {
        if (!r.enabled || trimmed(r.name).empty()) continue;
        const std::string v = trimmed(r.value);
        c.headers.push_back(v.empty() ? trimmed(r.name) + ";" : trimmed(r.name) + ": " + v);
    }
    if (hasBody) {
        c.data.push_back(bodyBytes);
        bool typed = false;
        for (const auto& r : headers)
            typed = typed || (r.enabled && same(trimmed(r.name), "Content-Type"));
        if (bodyType == BodyType::Json && !typed)
            c.headers.push_back("Content-Type: application/json");
    }
    return c;
}

ComposerRequest ComposerRequest::fromCurl(const http::CurlCommand& curl) {
    ComposerRequest r;
    r.url = curl.effectiveUrl();
    r.method = curl.effectiveMethod();
    r.http10 = curl.http10;
    r.followRedirects = curl.location;
    r.compressed = curl.compressed;
    if (curl.maxTimeSeconds > 0) r.timeoutMs = static_cast<int>(curl.maxTimeSeconds * 1000);
    r.verifyCertificate = !curl.insecure;
    r.caFile = curl.caCert;
    r.clientCertFile = curl.cert;
    r.clientKeyFile = curl.key;
    r.resolve = curl.resolve;
    auto autoRow = [&](const std::string& name) -> AutoHeader* {
        for (auto& a : r.autoHeaders)
            if (same(a.name, name)) return &a;
        return nullptr;
    };
    if (!curl.userAgent.empty()) autoRow("User-Agent")->value = curl.userAgent;
    // curl puts Referer before every -H: the first custom row keeps it there.
    if (!curl.referer.empty()) r.headers.push_back({true, "Referer", curl.referer});
    if (!curl.user.empty()) {
        r.auth = Auth::Basic;
        const auto colon = curl.user.find(':');
        r.authUser = curl.user.substr(0, colon);
        if (colon != std::string::npos) r.authPassword = curl.user.substr(colon + 1);
    }
    bool json = false;
    for (const auto& h : curl.headers) {
        const auto colon = h.find(':');
        if (colon == std::string::npos) {  // "Name;" sends an empty value
            r.headers.push_back({true, h.substr(0, h.size() - 1), ""});
            continue;
        }
        const std::string name = trimmed(h.substr(0, colon)), value = trimmed(h.substr(colon + 1));
        if (value.empty()) {  // "Name:" removes a default header
            if (AutoHeader* a = autoRow(name)) a->enabled = false;
            continue;
        }
        if (same(name, "Connection")) {  // not a curl default: it is our switch
            autoRow("Connection")->enabled = true;
            autoRow("Connection")->value = value == "close" ? "" : value;
            continue;
        }
        if (same(name, "Content-Type") && value.find("json") != std::string::npos) json = true;
        r.headers.push_back({true, name, value});
    }
    if (!curl.get && !curl.data.empty()) {
        r.bodyType = json ? BodyType::Json : BodyType::Raw;
        r.rawText = curl.body();
    }
    return r;
}

http::Request ComposerRequest::toRequest() const {
    ComposerPrepared p = ComposerPrepared::prepare(*this);
    if (p.bodyError) throw *p.bodyError;
    if (p.problem == ComposerPrepared::Problem::Header)
        throw Error::invalid("cannot send the request", p.headerError);
    if (p.problem == ComposerPrepared::Problem::Resolve)
        throw Error::invalid("cannot send the request", p.resolveError);
    if (!p.ok()) throw Error::invalid("invalid URL '" + url + "'", p.urlError.message);
    return std::move(p.ready->request);
}

http::ClientOptions ComposerRequest::options() const {
    // What CurlCommand::toOptions() makes of toCurl(), with the form's timeout.
    http::ClientOptions o;
    o.followRedirects = followRedirects;
    o.compressed = compressed;
    o.http10 = http10;
    // The form's timeout is for the whole exchange (curl -m): a deadline
    // an endless body or endless 1xx responses cannot outrun.
    o.timeout = Millis(timeoutMs > 0 ? timeoutMs : 30000);
    o.maxTime = o.timeout;
    o.lenientFraming = lenientFraming;
    o.tls.insecure = !verifyCertificate;
    o.tls.caFile = caFile;
    o.tls.certFile = clientCertFile;
    o.tls.keyFile = clientKeyFile;
    for (const auto& entry : resolve) o.resolve.push_back(http::parseResolve(entry));
    return o;
}

std::string ComposerRequest::resolveProblem() const {
    for (const auto& entry : resolve) {
        try {
            (void)http::parseResolve(entry);
        } catch (const Error& e) {
            return e.what();
        }
    }
    return {};
}

std::string ComposerRequest::title() const { return name.empty() ? method + " " + url : name; }

QJsonObject ComposerRequest::toJson() const {
    QJsonArray autos;
    for (const auto& a : autoHeaders)
        autos.append(
            QJsonObject{{"name", qs(a.name)}, {"enabled", a.enabled}, {"value", qs(a.value)}});
    static const char* authNames[] = {"none", "basic", "bearer"};
    QJsonArray resolveJson;
    for (const auto& entry : resolve) resolveJson.append(qs(entry));
    return QJsonObject{{"name", qs(name)},
                       {"method", qs(method)},
                       {"url", qs(url)},
                       {"http10", http10},
                       {"autoHeaders", autos},
                       {"headers", rowsToJson(headers)},
                       {"bodyType", bodyTypeName(bodyType)},
                       {"body", qs(rawText)},
                       {"form", rowsToJson(formRows)},
                       {"file", qs(filePath)},
                       {"auth", authNames[static_cast<int>(auth)]},
                       {"user", qs(authUser)},
                       {"password", qs(authPassword)},
                       {"token", qs(bearerToken)},
                       {"followRedirects", followRedirects},
                       {"compressed", compressed},
                       {"lenientFraming", lenientFraming},
                       {"timeoutMs", timeoutMs},
                       {"verifyCertificate", verifyCertificate},
                       {"caFile", qs(caFile)},
                       {"clientCert", qs(clientCertFile)},
                       {"clientKey", qs(clientKeyFile)},
                       {"resolve", resolveJson}};
}

ComposerRequest ComposerRequest::fromJson(const QJsonObject& o) {
    ComposerRequest r;
    r.name = ss(o.value("name").toString());
    r.method = ss(o.value("method").toString(QStringLiteral("GET")));
    r.url = ss(o.value("url").toString());
    r.http10 = o.value("http10").toBool();
    for (const auto& v : o.value("autoHeaders").toArray()) {
        const QJsonObject a = v.toObject();
        for (auto& mine : r.autoHeaders)
            if (same(mine.name, ss(a.value("name").toString()))) {
                mine.enabled = a.value("enabled").toBool(mine.enabled);
                mine.value = ss(a.value("value").toString());
            }
    }
    r.headers = rowsFromJson(o.value("headers").toArray());
    const QString type = o.value("bodyType").toString();
    for (auto t : {BodyType::None, BodyType::Raw, BodyType::Json, BodyType::Form, BodyType::File})
        if (type == QLatin1String(bodyTypeName(t))) r.bodyType = t;
    r.rawText = ss(o.value("body").toString());
    r.formRows = rowsFromJson(o.value("form").toArray());
    r.filePath = ss(o.value("file").toString());
    const QString auth = o.value("auth").toString();
    r.auth = auth == QLatin1String("basic")    ? Auth::Basic
             : auth == QLatin1String("bearer") ? Auth::Bearer
                                               : Auth::None;
    r.authUser = ss(o.value("user").toString());
    r.authPassword = ss(o.value("password").toString());
    r.bearerToken = ss(o.value("token").toString());
    r.followRedirects = o.value("followRedirects").toBool();
    r.compressed = o.value("compressed").toBool();
    r.lenientFraming = o.value("lenientFraming").toBool();
    r.timeoutMs = o.value("timeoutMs").toInt(30000);
    r.verifyCertificate = o.value("verifyCertificate").toBool(true);
    r.caFile = ss(o.value("caFile").toString());
    r.clientCertFile = ss(o.value("clientCert").toString());
    r.clientKeyFile = ss(o.value("clientKey").toString());
    for (const auto& v : o.value("resolve").toArray()) r.resolve.push_back(ss(v.toString()));
    return r;
}

}  // namespace sockwb
