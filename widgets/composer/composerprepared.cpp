#include "widgets/composer/composerprepared.h"

#include <utility>
#include <vector>

#include "core/http/base64.h"
#include "core/http/headers.h"

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

// One header line the form asks for, as curl reads a -H: add it, remove a
// default one ("Name:"), or send it with an empty value ("Name;").
struct HeaderSpec {
    enum Kind { Add, Remove, Empty };
    std::string name, value;
    Kind kind = Add;
};

// What the form says besides the method, URL and body: the -H lines in the
// order ComposerRequest::toCurl() writes them, -A and -u.
struct HeaderPlan {
    std::vector<HeaderSpec> specs;
    std::string userAgent;  // "" = the client's default
    std::string user;       // "user[:password]" for Basic, "" = none

    // Like curl: the value is trimmed, and an empty one removes the header.
    void add(const std::string& name, const std::string& value) {
        std::string v = trimmed(value);
        const auto kind = v.empty() ? HeaderSpec::Remove : HeaderSpec::Add;
        specs.push_back({name, std::move(v), kind});
    }
    bool mentions(const std::string& name) const {
        for (const auto& s : specs)
            if (same(s.name, name)) return true;
        return false;
    }
};

void planAutoHeaders(const ComposerRequest& form, HeaderPlan& plan) {
    for (const auto& a : form.autoHeaders) {
        if (same(a.name, "Connection")) {
            if (a.enabled) plan.add("Connection", a.value.empty() ? "close" : a.value);
        } else if (!a.enabled) {
            plan.specs.push_back({a.name, "", HeaderSpec::Remove});
        } else if (a.value.empty()) {
            continue;
        } else if (same(a.name, "User-Agent")) {
            plan.userAgent = a.value;
        } else {
            plan.add(a.name, a.value);
        }
    }
}

HeaderPlan planHeaders(const ComposerRequest& form) {
    using Auth = ComposerRequest::Auth;
    HeaderPlan plan;
    if (form.auth == Auth::Basic)
        plan.user =
            form.authPassword.empty() ? form.authUser : form.authUser + ":" + form.authPassword;
    if (form.auth == Auth::Bearer) plan.add("Authorization", "Bearer " + form.bearerToken);
    planAutoHeaders(form, plan);
    bool typed = false;
    for (const auto& r : form.headers) {
        const std::string name = trimmed(r.name);
        if (!r.enabled || name.empty()) continue;
        typed = typed || same(name, "Content-Type");
        const std::string v = trimmed(r.value);
        if (v.empty())
            plan.specs.push_back({name, "", HeaderSpec::Empty});
        else
            plan.add(name, v);
    }
    if (form.bodyType == ComposerRequest::BodyType::Json && !typed)
        plan.add("Content-Type", "application/json");
    return plan;
}

// The request curl sends for this form (CurlCommand::toRequest's order).
http::Request buildRequest(const ComposerRequest& form, const http::Url& url,
                           const std::string* body) {
    const HeaderPlan plan = planHeaders(form);
    http::Request r;
    r.method = form.method.empty() ? std::string("GET") : form.method;
    r.target = url.target();
    r.version = form.http10 ? "HTTP/1.0" : "HTTP/1.1";
    if (body) r.body = *body;
    // A -H Host takes the place of the default one (curl keeps Host first).
    std::string host = url.authority();
    for (const auto& s : plan.specs)
        if (same(s.name, "Host") && s.kind == HeaderSpec::Add) host = s.value;
    if (!plan.mentions("Host") || host != url.authority()) r.headers.add("Host", host);
    const std::string userInfo = !plan.user.empty()
                                     ? plan.user
                                     : (url.hasUserInfo() ? url.user() + ":" + url.password() : "");
    if (!userInfo.empty() && !plan.mentions("Authorization"))
        r.headers.add("Authorization", "Basic " + http::base64::encode(userInfo));
    if (!plan.mentions("User-Agent"))
        r.headers.add("User-Agent",
                      plan.userAgent.empty() ? http::ClientOptions{}.userAgent : plan.userAgent);
    if (!plan.mentions("Accept")) r.headers.add("Accept", "*/*");
    // We decode gzip and deflate only, so we ask for those two.
    if (form.compressed && !plan.mentions("Accept-Encoding"))
        r.headers.add("Accept-Encoding", "deflate, gzip");
    for (const auto& s : plan.specs) {
        if (same(s.name, "Host") || s.kind == HeaderSpec::Remove) continue;
        r.headers.add(s.name, s.kind == HeaderSpec::Add ? s.value : std::string());
    }
    if (body) {
        if (!plan.mentions("Content-Length"))
            r.headers.add("Content-Length", std::to_string(body->size()));
        if (!plan.mentions("Content-Type"))
            r.headers.add("Content-Type", "application/x-www-form-urlencoded");
    }
    return r;
}

}  // namespace

ComposerPrepared::Counters& ComposerPrepared::counters() {
    static Counters c;
    return c;
}

ComposerPrepared ComposerPrepared::prepare(const ComposerRequest& form) {
    ++counters().preparations;
    ComposerPrepared p;
    p.hasBody_ = form.bodyType != ComposerRequest::BodyType::None;
    ++counters().urlParses;
    p.url_ = http::Url::parse(form.url, &p.urlError);
    if (!p.url_) p.problem = Problem::Url;
    if (p.hasBody_) {
        try {
            p.body_ = form.body();
        } catch (const Error& e) {
            p.bodyError = e;
            if (p.problem == Problem::None) p.problem = Problem::BodyFile;
        }
    }
    if (p.problem == Problem::None) {
        p.resolveError = form.resolveProblem();
        if (!p.resolveError.empty()) p.problem = Problem::Resolve;
    }
    if (p.problem != Problem::None) return p;
    http::Request request = buildRequest(form, *p.url_, p.hasBody_ ? &p.body_ : nullptr);
    p.headerError = http::invalidFieldReason(request.headers);
    if (!p.headerError.empty()) {
        p.problem = Problem::Header;  // a CR LF would inject a header: never sent
        return p;
    }
    p.curl = form.toCurl(p.body_);
    p.ready = http::PreparedRequest::make(std::move(request), *p.url_, form.options());
    return p;
}

std::string ComposerPrepared::autoDefault(const std::string& header) const {
    if (same(header, "Host")) return url_ ? url_->authority() : std::string();
    if (same(header, "User-Agent")) return http::ClientOptions{}.userAgent;
    if (same(header, "Accept")) return "*/*";
    if (same(header, "Connection")) return "close";
    if (same(header, "Content-Length"))
        return hasBody_ && !bodyError ? std::to_string(body_.size()) : std::string();
    return {};
}

}  // namespace sockwb
