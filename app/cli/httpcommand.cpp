// `sockwb http`: the course's HTTP client on the command line, like a small
// curl: the body byte-exact to stdout (or -o), -i for the head, --timing for
// the phases, --raw for the exact bytes received.

#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include "app/cli/commands.h"
#include "core/http/client.h"
#include "core/http/curlcommand.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

const char* kHttpUsage =
    "Usage: sockwb http [METHOD] URL [options]\n"
    "Sends one HTTP/1.1 request and writes the response body to stdout, byte-exact.\n\n"
    "  -H, --header 'Name: value'  add a header (repeatable; 'Name:' removes a default one)\n"
    "  -d, --data DATA | @FILE     request body (repeatable, joined with '&'); implies POST\n"
    "  -i, --include               write the status line and headers before the body\n"
    "  -o, --output FILE           write the body to FILE instead of stdout\n"
    "      --timing                print the phase timings (resolve, connect, send, wait, "
    "download)\n"
    "      --raw                   write the exact bytes received (status line, headers, framing)\n"
    "  -L, --location              follow redirects\n"
    "      --max-redirs N          at most N redirects (default 10)\n"
    "      --compressed            ask for gzip/deflate and decode the body\n"
    "      --http1.0               send HTTP/1.0\n"
    "      --timeout S             give up after S seconds (default 30)\n"
    "      --from-curl 'curl ...'  send what that curl command would send\n"
    "      --as-curl               print the equivalent curl command instead of sending\n"
    "Exit status: 0 when a response was read (whatever its status), 1 on connection,\n"
    "timeout or framing errors, 2 on bad usage.\n";

bool isMethodToken(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(c >= 'A' && c <= 'Z')) return false;
    return true;
}

std::string readFileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error::invalid("cannot read '" + path + "'", "check that the file exists");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeAll(FILE* f, const std::string& bytes) {
    if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), f);
}

}  // namespace

int httpCommand(const Args& args) {
    std::string method, url, output;
    http::Headers headers;
    std::vector<std::string> removed;
    std::vector<std::string> data;
    bool include = false, timing = false, raw = false, asCurl = false;
    std::string fromCurl;
    http::ClientOptions options;
    try {
        std::vector<std::string> positional;
        for (size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&](const char* name) -> const std::string& {
                if (i + 1 >= args.size())
                    throw Error::invalid(std::string(name) + " needs a value");
                return args[++i];
            };
            if (a == "-h" || a == "--help") {
                std::fputs(kHttpUsage, stdout);
                return 0;
            } else if (a == "-H" || a == "--header") {
                const std::string& h = value("-H");
                auto colon = h.find(':');
                if (colon == std::string::npos || colon == 0)
                    throw Error::invalid("invalid header '" + h + "'", "write it as 'Name: value'");
                std::string name = h.substr(0, colon);
                std::string v = h.substr(colon + 1);
                while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
                if (v.empty())
                    removed.push_back(name);
                else
                    headers.add(name, v);
            } else if (a == "-d" || a == "--data") {
                const std::string& d = value("-d");
                data.push_back(!d.empty() && d.front() == '@' ? readFileBytes(d.substr(1)) : d);
            } else if (a == "-i" || a == "--include") {
                include = true;
            } else if (a == "-o" || a == "--output") {
                output = value("-o");
            } else if (a == "--timing") {
                timing = true;
            } else if (a == "--from-curl") {
                fromCurl = value("--from-curl");
            } else if (a == "--as-curl") {
                asCurl = true;
            } else if (a == "--raw") {
                raw = true;
            } else if (a == "-L" || a == "--location") {
                options.followRedirects = true;
            } else if (a == "--max-redirs") {
                options.maxRedirects = std::stoi(value("--max-redirs"));
            } else if (a == "--compressed") {
                options.compressed = true;
            } else if (a == "--http1.0") {
                options.http10 = true;
            } else if (a == "--timeout") {
                double s = std::stod(value("--timeout"));
                if (s <= 0) throw Error::invalid("--timeout must be positive");
                options.timeout = Millis(static_cast<long long>(s * 1000));
            } else if (!a.empty() && a.front() == '-' && a.size() > 1) {
                throw Error::invalid("unknown option '" + a + "'", "see sockwb http --help");
            } else {
                positional.push_back(a);
            }
        }
        if (!fromCurl.empty()) {
            if (!positional.empty())
                throw Error::invalid("--from-curl takes the URL from the curl command");
        } else if (positional.size() == 2 && isMethodToken(positional[0])) {
            method = positional[0];
            url = positional[1];
        } else if (positional.size() == 1) {
            url = positional[0];
        } else {
            throw Error::invalid("expected [METHOD] URL", "see sockwb http --help");
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb http: %s\n", e.what());
        return 2;
    } catch (const std::exception&) {
        std::fprintf(stderr, "sockwb http: a numeric option has an invalid value\n");
        return 2;
    }

    std::optional<http::CurlCommand> curl;
    if (!fromCurl.empty()) {
        try {
            curl = http::CurlCommand::parse(fromCurl);
            url = curl->effectiveUrl();
            http::ClientOptions fromOptions = curl->toOptions();
            // Our own flags still apply on top of the curl command's.
            fromOptions.followRedirects = fromOptions.followRedirects || options.followRedirects;
            fromOptions.compressed = fromOptions.compressed || options.compressed;
            fromOptions.http10 = fromOptions.http10 || options.http10;
            if (options.timeout != http::ClientOptions{}.timeout)
                fromOptions.timeout = options.timeout;
            options = fromOptions;
        } catch (const Error& e) {
            std::fprintf(stderr, "sockwb http: %s\n", e.what());
            return 2;
        }
    }

    std::string body;
    for (size_t i = 0; i < data.size(); ++i) body += (i ? "&" : "") + data[i];
    if (method.empty()) method = data.empty() ? "GET" : "POST";
    if (!data.empty() && !headers.contains("Content-Type"))
        headers.add("Content-Type", "application/x-www-form-urlencoded");

    http::UrlError urlError;
    auto parsed = http::Url::parse(url, &urlError);
    if (!parsed) {
        std::fprintf(stderr, "sockwb http: %s\n", urlError.message.c_str());
        return 2;
    }
    try {
        http::Client client(options);
        http::Request request =
            curl ? curl->toRequest(options.userAgent)
                 : http::Client::prepare(method, *parsed, headers, body, options);
        for (const auto& name : removed) request.headers.remove(name);
        if (asCurl) {
            std::printf(
                "%s\n",
                http::CurlCommand::fromRequest(request, *parsed, options).toCommandLine().c_str());
            return 0;
        }
        http::Result result = client.perform(request, *parsed);
        const http::Exchange& ex = result.final();
        FILE* out = stdout;
        if (raw) {
            for (const auto& hop : result.hops) writeAll(stdout, hop.raw);
        } else if (include) {
            for (const auto& hop : result.hops) {
                std::string head = hop.response.version + " " +
                                   std::to_string(hop.response.status) + " " + hop.response.reason +
                                   "\r\n" + hop.response.headers.serialize() + "\r\n";
                writeAll(stdout, head);
            }
        }
        if (!raw) {
            if (!output.empty()) {
                out = std::fopen(output.c_str(), "wb");
                if (!out) {
                    std::fprintf(stderr, "sockwb http: cannot write '%s'\n", output.c_str());
                    return 1;
                }
            }
            writeAll(out, ex.response.body);
            if (out != stdout) std::fclose(out);
        }
        std::fflush(stdout);
        if (timing) {
            for (const auto& hop : result.hops) {
                const auto& t = hop.timings;
                std::fprintf(
                    stderr,
                    "%s %d  resolve %.3f ms  connect %.3f ms%s  send %.3f ms  wait %.3f ms  "
                    "download %.3f ms  total %.3f ms  sent %llu B  received %llu B\n",
                    hop.url.c_str(), hop.response.status, t.resolve, t.connect,
                    hop.reusedConnection ? " (reused)" : "", t.send, t.wait, t.download, t.total,
                    static_cast<unsigned long long>(hop.bytesSent),
                    static_cast<unsigned long long>(hop.bytesReceived));
            }
        }
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "sockwb http: %s\n", e.what());
        return 1;
    }
}

}  // namespace sockwb::app
