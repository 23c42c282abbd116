#include "core/services/httpservice.h"

#include "core/services/httpsession.h"

namespace sockwb {

namespace {

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::string HttpService::helloPage(std::string_view model, std::string_view method,
                                   std::string_view target, std::string_view peer) {
    const std::string m = model.empty() ? std::string("unknown") : htmlEscape(model);
    std::string page;
    page +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
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
