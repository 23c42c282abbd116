#include "core/services/httpservice.h"

#include "core/http/requestparser.h"
#include "core/http/response.h"

namespace sockwb {

namespace {

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

http::Response makeResponse(int status, std::string contentType, std::string body) {
    http::Response r;
    r.status = status;
    r.reason = std::string(http::Response::reasonPhrase(status));
    r.headers.add("Server", "sockwb/" SOCKWB_VERSION);
    r.headers.add("Content-Type", contentType);
    r.body = std::move(body);
    r.updateContentLength();
    // One request per connection in this first version: say so, then close.
    r.headers.add("Connection", "close");
    return r;
}

class HttpSession final : public Session {
public:
    void onData(SessionContext& ctx, std::string_view bytes) override {
        if (answered_) return;  // the answer is on its way; the rest is ignored
        parser_.feed(bytes);
        handle(ctx);
    }

    void onPeerClosed(SessionContext& ctx) override {
        if (!answered_ && parser_.onEof() == http::RequestParser::Status::Error) {
            // Truncated request: nobody reads the answer; just log it.
            ctx.log("http: " + parser_.error().message);
        }
        ctx.close();
    }

private:
    void handle(SessionContext& ctx) {
        using Status = http::RequestParser::Status;
        if (parser_.status() == Status::Error) {
            const http::ParseError& e = parser_.error();
            ctx.log("http: bad request from " + ctx.peer().toString() + ": " + e.message);
            answer(ctx, makeResponse(e.status ? e.status : 400, "text/plain; charset=utf-8",
                                     e.message + "\n"));
            return;
        }
        if (parser_.status() == Status::NeedMore) {
            if (parser_.headComplete() && parser_.expectsContinue() && !continued_) {
                continued_ = true;
                ctx.send("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        const http::Request req = parser_.takeRequest();
        ctx.log("http: " + req.method + " " + req.target + " from " + ctx.peer().toString());
        http::Response r = makeResponse(
            200, "text/html; charset=utf-8",
            HttpService::helloPage(ctx.options().modelName, req.method, req.target, ctx.peer().toString()));
        if (req.method == "HEAD") r.body.clear();  // Content-Length stays the GET one
        answer(ctx, r);
    }

    void answer(SessionContext& ctx, const http::Response& r) {
        answered_ = true;
        ctx.send(r.serialize());
        ctx.close();
    }

    http::RequestParser parser_;
    bool answered_ = false;
    bool continued_ = false;
};

}  // namespace

std::string HttpService::helloPage(std::string_view model, std::string_view method,
                                   std::string_view target, std::string_view peer) {
    const std::string m = model.empty() ? std::string("unknown") : htmlEscape(model);
    std::string page;
    page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
            "<title>Socket Workbench</title></head>\n<body>\n";
    page += "<h1>Hello from Socket Workbench</h1>\n";
    page += "<p>This page was served by the <strong>" + m + "</strong> model.</p>\n";
    page += "<p>You asked for <code>" + htmlEscape(method) + " " + htmlEscape(target) +
            "</code> from <code>" + htmlEscape(peer) + "</code>.</p>\n";
    page += "</body>\n</html>\n";
    return page;
}

std::unique_ptr<Session> HttpService::newSession(const ServiceOptions&) const {
    return std::make_unique<HttpSession>();
}

}  // namespace sockwb
