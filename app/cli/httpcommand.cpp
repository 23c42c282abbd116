// `sockwb http`: the course's HTTP client on the command line, like a small
// curl: the body byte-exact to stdout (or -o), -i for the head, --timing for
// the phases, --raw for the exact bytes received; https:// with curl's TLS
// options, -v for the connection and the handshake, --json for scripts.

#include <QCoreApplication>
#include <QtGlobal>
#include <cstdio>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/httpreport.h"
#include "core/http/client.h"
#include "core/http/curlcommand.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

const char* kHttpUsage = QT_TRANSLATE_NOOP(
    "sockwb::app::http",
    "Usage: sockwb http [METHOD] URL [options]\n"
    "Sends one HTTP/1.1 request and writes the response body to stdout, byte-exact.\n\n"
    "  -H, --header 'Name: value'  add a header (repeatable; 'Name:' removes a default one)\n"
    "  -d, --data DATA | @FILE     request body (repeatable, joined with '&'); implies POST\n"
    "  -i, --include               write the status line and headers before the body\n"
    "  -o, --output FILE           write the body to FILE instead of stdout\n"
    "      --timing                print the phase timings (resolve, connect, tls, send,\n"
    "                              wait, download)\n"
    "      --raw                   write the exact bytes received (status line, headers, framing)\n"
    "  -L, --location              follow redirects\n"
    "      --max-redirs N          at most N redirects (default 10)\n"
    "      --compressed            ask for gzip/deflate and decode the body\n"
    "      --http1.0               send HTTP/1.0\n"
    "      --timeout S             give up when nothing comes for S seconds (default 30)\n"
    "  -m, --max-time S            give up after S seconds in all, redirects included\n"
    "                              (fractions allowed; an endless body stops there)\n"
    "      --lenient               tolerate sloppy chunk framing (bare LF, odd chunk\n"
    "                              extensions) to debug odd servers\n"
    "      --from-curl 'curl ...'  send what that curl command would send\n"
    "      --as-curl               print the equivalent curl command instead of sending\n"
    "  -v, --verbose               print the connection, the TLS handshake and the heads\n"
    "                              on stderr (\"*\", \">\" and \"<\" lines, as curl -v)\n"
    "      --json                  after the body, one JSON object per round trip on\n"
    "                              stdout (timings, bytes, \"tls\": version, cipher, chain...)\n"
    "https:// (TLS 1.2 and 1.3, verified against the system's CA store):\n"
    "  -k, --insecure              do not verify the server's certificate or name\n"
    "      --cacert FILE           trust the CA certificates in FILE (PEM) instead\n"
    "      --cert FILE             client certificate (PEM)\n"
    "      --key FILE              its private key (PEM; default: in the --cert file)\n"
    "      --resolve HOST:PORT:ADDRESS\n"
    "                              connect to ADDRESS for HOST:PORT (repeatable); the\n"
    "                              URL's host stays in Host, SNI and the name check\n"
    "      --tlsv1.2, --tlsv1.3    use at least this TLS version\n"
    "      --tls-max VERSION       use at most this TLS version (1.2 or 1.3)\n"
    "The body is written as it comes (with --compressed, once decoded; --raw keeps\n"
    "the whole response before writing it).\n"
    "When the connection fails after part of the response came (a server that closes\n"
    "without reading the request makes its kernel reset the connection: ECONNRESET), what\n"
    "came is written first (the body so far, or the raw bytes without a complete head),\n"
    "then the error.\n"
    "Exit status: 0 when a response was read (whatever its status), 1 on connection,\n"
    "TLS, timeout or framing errors, 2 on bad usage.\n");

bool isMethodToken(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(c >= 'A' && c <= 'Z')) return false;
    return true;
}

void writeAll(FILE* f, const std::string& bytes) {
    if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), f);
}

// The curl options `sockwb http` takes as curl does (their meaning is
// CurlCommand's), by the names QCommandLineParser knows them.
const std::vector<QStringList>& curlFlags() {
    static const std::vector<QStringList> flags = {
        {"H", "header"}, {"d", "data"},  {"L", "location"},
        {"max-redirs"},  {"compressed"}, {"http1.0"},
    };
    return flags;
}

struct HttpOptions {
    http::CurlCommand curl;  // the request, as curl would send it
    http::Url url;
    http::ClientOptions client;
    std::string output;  // -o FILE
    bool include = false, timing = false, raw = false, asCurl = false, help = false;
    bool verbose = false, json = false;
};

// "1.2" / "1.3" as --tls-max takes them.
tls::Version tlsVersion(const CommandParser& p, const QString& option) {
    const std::string v = p.value(option);
    if (v == "1.2") return tls::Version::Tls12;
    if (v == "1.3") return tls::Version::Tls13;
    throw Error::invalid(p.display(option) + ": '" + v + "' is not a TLS version",
                         "give 1.2 or 1.3");
}

void addTlsOptions(CommandParser& p) {
    p.addFlag({"k", "insecure"});
    for (const char* name : {"cacert", "cert", "key", "resolve", "tls-max"})
        p.addValue({QString::fromLatin1(name)});
    p.addFlag({"tlsv1.2"});
    p.addFlag({"tlsv1.3"});
}

// The TLS options given on the command line, over what --from-curl set.
void applyTlsOptions(const CommandParser& p, http::ClientOptions& client) {
    tls::ClientOptions& t = client.tls;
    if (p.isSet("insecure")) t.insecure = true;
    if (p.isSet("cacert")) t.caFile = p.value("cacert");
    if (p.isSet("cert")) t.certFile = p.value("cert");
    if (p.isSet("key")) t.keyFile = p.value("key");
    if (p.isSet("key") && !p.isSet("cert") && t.certFile.empty())
        throw Error::invalid("--key needs --cert", "the key goes with a client certificate");
    if (p.isSet("tlsv1.2")) t.minVersion = tls::Version::Tls12;
    if (p.isSet("tlsv1.3")) t.minVersion = tls::Version::Tls13;
    if (p.isSet("tls-max")) t.maxVersion = tlsVersion(p, "tls-max");
    if (t.minVersion == tls::Version::Tls13 && t.maxVersion == tls::Version::Tls12)
        throw Error::invalid("--tlsv1.3 and --tls-max 1.2 leave no TLS version to use");
    for (const std::string& r : p.values("resolve"))
        client.resolve.push_back(http::parseResolve(r));
}

// The curl command: --from-curl's, or [METHOD] URL; then the curl flags given
// to sockwb http, applied on top with curl's meanings.
http::CurlCommand curlCommand(const CommandParser& p) {
    const std::vector<std::string> positional = p.positional();
    http::CurlCommand curl;
    if (p.isSet("from-curl")) {
        if (!positional.empty())
            throw Error::invalid(utf8(QCoreApplication::translate(
                "sockwb::app::http", "--from-curl takes the URL from the curl command")));
        curl = http::CurlCommand::parse(p.value("from-curl"));
    } else if (positional.size() == 2 && isMethodToken(positional[0])) {
        curl.method = positional[0];
        curl.url = positional[1];
    } else if (positional.size() == 1) {
        curl.url = positional[0];
    } else {
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::http", "expected [METHOD] URL")),
            p.seeHelp());
    }
    for (const QStringList& names : curlFlags()) {
        const std::string option = p.display(names.front());
        if (!http::CurlCommand::takesValue(option)) {
            if (p.isSet(names.front())) curl.apply(option);
            continue;
        }
        for (const std::string& v : p.values(names.front())) curl.apply(option, v);
    }
    return curl;
}

HttpOptions parse(const Args& args) {
    CommandParser p("http");
    for (const QStringList& names : curlFlags()) {
        if (http::CurlCommand::takesValue("--" + names.back().toStdString()))
            p.addValue(names);
        else
            p.addFlag(names);
    }
    p.addValue({"o", "output"});
    p.addValue({"timeout"});
    p.addValue({"m", "max-time"});
    p.addFlag({"lenient"});
    p.addValue({"from-curl"});
    for (const char* name : {"timing", "raw", "as-curl"}) p.addFlag({QString::fromLatin1(name)});
    p.addFlag({"i", "include"});
    p.addFlag({"v", "verbose"});
    p.addFlag({"json"});
    addTlsOptions(p);
    p.parse(args);
    HttpOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    o.curl = curlCommand(p);
    o.client = o.curl.toOptions();
    if (p.isSet("timeout"))
        o.client.timeout =
            Millis(static_cast<long long>(p.number("timeout", 0.001, 86400, 0) * 1000));
    if (p.isSet("max-time"))
        o.client.maxTime =
            Millis(static_cast<long long>(p.number("max-time", 0.001, 86400, 0) * 1000));
    o.client.lenientFraming = p.isSet("lenient");
    applyTlsOptions(p, o.client);
    o.verbose = p.isSet("verbose");
    o.json = p.isSet("json");
    o.output = p.value("output");
    o.include = p.isSet("include");
    o.timing = p.isSet("timing");
    o.raw = p.isSet("raw");
    o.asCurl = p.isSet("as-curl");
    http::UrlError urlError;
    auto url = http::Url::parse(o.curl.effectiveUrl(), &urlError);
    if (!url) throw Error::invalid(urlError.message);
    o.url = *url;
    return o;
}

std::string headBytes(const http::Response& r) {
    return r.version + " " + std::to_string(r.status) + " " + r.reason + "\r\n" +
           r.headers.serialize() + "\r\n";
}

// Where the body goes: stdout or -o FILE, opened before the request is
// sent (as curl does) so that the body can be written as it comes.
class BodyOutput {
public:
    explicit BodyOutput(const std::string& path)
        : file_(path.empty() ? stdout : std::fopen(path.c_str(), "wb")) {}
    ~BodyOutput() {
        if (file_ && file_ != stdout) std::fclose(file_);
    }
    BodyOutput(const BodyOutput&) = delete;
    BodyOutput& operator=(const BodyOutput&) = delete;
    FILE* file() const { return file_; }

private:
    FILE* file_;
};

// Streams the heads (-i) and the body as they come; --raw writes the
// exact bytes at the end instead (writeRaw).
void streamTo(http::ClientOptions& client, const HttpOptions& o, FILE* out) {
    if (o.verbose) {
        // Before the request goes out, and as each head completes, as curl -v.
        client.connectedSink = [](const http::Exchange& ex) { printErr(q(verboseConnected(ex))); };
        client.headSink = [](const http::Response& r) { printErr(q(verboseResponse(r))); };
    }
    if (o.raw) return;
    // Without --raw, raw bytes matter only for a partial response without a
    // complete head, which is short (the head limit): no need to keep a body.
    client.maxRawBytes = 1024 * 1024;
    // Flushed at once: whoever reads the pipe sees each part as it comes.
    client.bodySink = [out](std::string_view bytes) {
        std::fwrite(bytes.data(), 1, bytes.size(), out);
        std::fflush(out);
    };
    if (o.include)
        client.headSink = [verbose = o.verbose](const http::Response& r) {
            if (verbose) printErr(q(verboseResponse(r)));
            writeAll(stdout, headBytes(r));
            std::fflush(stdout);
        };
}

// What is not streamed: the exact bytes (--raw), or a hop without a
// complete head (a partial response), written raw.
void writeRaw(const http::Result& result, const HttpOptions& o) {
    if (o.raw || !result.final().headComplete)
        for (const auto& hop : result.hops) writeAll(stdout, hop.raw);
}

void printTimings(const http::Result& result) {
    for (const auto& hop : result.hops) {
        const auto& t = hop.timings;
        const auto ms = [](double v) { return QString::number(v, 'f', 3); };
        // The URL goes in last: its %XX escapes must not be taken for %1...
        printErr(q(hop.url) + QLatin1Char(' ') +
                 QCoreApplication::translate(
                     "sockwb::app::http",
                     "%1  resolve %2 ms  connect %3 ms%4  send %5 ms  wait %6 ms  "
                     "download %7 ms  total %8 ms  sent %9 B  received %10 B\n")
                     .arg(hop.response.status)
                     .arg(ms(t.resolve), ms(t.connect),
                          (hop.reusedConnection
                               ? QCoreApplication::translate("sockwb::app::http", " (reused)")
                               : QString()) +
                              (hop.tls && !hop.reusedConnection
                                   ? QCoreApplication::translate("sockwb::app::http", "  tls %1 ms")
                                         .arg(ms(t.tls))
                                   : QString()),
                          ms(t.send), ms(t.wait), ms(t.download), ms(t.total))
                     .arg(static_cast<qulonglong>(hop.bytesSent))
                     .arg(static_cast<qulonglong>(hop.bytesReceived)));
    }
}

// The connection failed after part of the response: what came, then the error.
int showPartial(const http::PartialResponseError& e, const HttpOptions& o) {
    http::Result received;
    received.hops.push_back(e.received());
    writeRaw(received, o);
    std::fflush(stdout);
    printErr(QStringLiteral("sockwb http: %1\n").arg(errorText(e)));
    const QString count = QString::number(e.received().bytesReceived);
    printErr(e.received().headComplete
                 ? QCoreApplication::translate(
                       "sockwb::app::http",
                       "sockwb http: %1 bytes of the response came before the error\n")
                       .arg(count)
                 : QCoreApplication::translate("sockwb::app::http",
                                               "sockwb http: %1 bytes of the response came "
                                               "before the error (written raw: no complete "
                                               "head)\n")
                       .arg(count));
    return 1;
}

// Sends the request (or prints it as a curl command); the exit status.
int send(const HttpOptions& o, const http::Request& request) {
    if (o.asCurl) {
        std::printf(
            "%s\n",
            http::CurlCommand::fromRequest(request, o.url, o.client).toCommandLine().c_str());
        return 0;
    }
    BodyOutput out(o.output);
    if (!out.file()) {
        printErr(
            QCoreApplication::translate("sockwb::app::http", "sockwb http: cannot write '%1'\n")
                .arg(q(o.output)));
        return 1;
    }
    http::ClientOptions options = o.client;
    streamTo(options, o, out.file());
    http::Client client(options);
    try {
        const http::Result result = client.perform(request, o.url);
        writeRaw(result, o);
        if (o.json)
            for (const auto& hop : result.hops) std::printf("%s\n", exchangeJson(hop).c_str());
        std::fflush(stdout);
        if (o.timing) printTimings(result);
        return 0;
    } catch (const http::PartialResponseError& e) {
        return showPartial(e, o);
    }
}

}  // namespace

int httpCommand(const Args& args) {
    HttpOptions o;
    http::Request request;
    try {
        o = parse(args);
        if (o.help) {
            printOut(QCoreApplication::translate("sockwb::app::http", kHttpUsage));
            return 0;
        }
        request = o.curl.toRequest(o.client.userAgent);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb http: %1\n").arg(errorText(e)));
        return 2;
    }
    try {
        return send(o, request);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb http: %1\n").arg(errorText(e)));
        return 1;
    }
}

}  // namespace sockwb::app
