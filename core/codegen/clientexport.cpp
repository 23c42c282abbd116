// exportClient: checks what the client window asks (what can be exported,
// what is left out) and hands the plan to the C or Python writer.

#include <arpa/inet.h>

#include <string>

#include "core/codegen/clientexportparts.h"
#include "core/codegen/codeexport.h"
#include "core/net/error.h"

namespace sockwb::codegen {

namespace detail {

std::string fill(std::string text,
                 std::initializer_list<std::pair<const char*, std::string>> values) {
    // One pass over the template: a value is never searched for keys.
    std::string out;
    out.reserve(text.size() * 2);
    size_t i = 0;
    while (i < text.size()) {
        bool replaced = false;
        if (text[i] == '@') {
            for (const auto& [key, value] : values) {
                const std::string_view k(key);
                if (text.compare(i, k.size(), k) == 0) {
                    out += value;
                    i += k.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

std::string omissionLines(const std::vector<std::string>& omissions, const std::string& prefix) {
    if (omissions.empty()) return prefix + "nothing.\n";
    std::string out;
    for (const std::string& o : omissions) out += prefix + o + "\n";
    return out;
}

}  // namespace detail

namespace {

bool isIpv4(const std::string& host) {
    in_addr a{};
    return ::inet_pton(AF_INET, host.c_str(), &a) == 1;
}

std::string baseName(Protocol p) {
    switch (p) {
        case Protocol::Udp:
            return "udp_client";
        case Protocol::Unix:
            return "unix_client";
        default:
            return "tcp_client";
    }
}

detail::ClientPlan plan(const ClientConfig& config, Framing framing,
                        const std::vector<ScriptStep>& script) {
    detail::ClientPlan p;
    p.config = config;
    p.framing = framing;
    if (config.tls)
        throw Error::invalid(
            "TLS is not exported: the program would speak plain TCP to a TLS server (use "
            "`sockwb client --tls` or `openssl s_client` instead)");
    if (config.protocol == Protocol::UnixDgram)
        throw Error::invalid(
            "a Unix datagram client is not exported: it needs a name of its own for the server's "
            "answers (use a Unix stream, TCP or UDP client)");
    for (const ScriptStep& s : script)
        if (s.kind == ScriptStep::Kind::ExpectClose && isDatagram(config.protocol))
            throw Error::invalid(
                "a UDP script cannot expect the server to close: UDP has no connection to close "
                "(remove the expect-close step)");
    if (config.recvSize == 0 || config.recvSize > (1u << 20)) p.config.recvSize = 64 * 1024;

    if (script.empty()) {
        p.defaultScript = true;
        ScriptStep hello;
        hello.bytes = framing == Framing::Line ? "Bonjour\n" : "Bonjour";
        p.steps.push_back(hello);
    } else {
        for (const ScriptStep& s : script) {
            p.steps.push_back(s);
            if (s.kind == ScriptStep::Kind::Close) {
                if (&s != &script.back())
                    p.omissions.push_back(
                        "The steps after the script's close (a closed socket cannot play them).");
                break;
            }
        }
    }
    p.ipv4Literal = !isUnixDomain(config.protocol) && isIpv4(config.host);

    if (config.bind) {
        const bool ok = p.ipv4Literal && (config.bind->host.empty() || isIpv4(config.bind->host));
        p.bind = ok;
        if (!ok) p.omissions.push_back("The client-side bind (exported for IPv4 addresses only).");
    }
    if (config.io == ClientIo::Poll)
        p.omissions.push_back(
            "The poll I/O mode: the program makes blocking calls (poll() only bounds the waits "
            "of its expectations).");
    if (!config.sockopts.empty()) {
        std::string names;
        for (const SockoptSetting& s : config.sockopts)
            names += (names.empty() ? "" : ", ") + s.name;
        p.omissions.push_back("The socket options (" + names + ").");
    }
    if (config.connectTimeout != Millis{5000} && isStream(config.protocol))
        p.omissions.push_back("The connect timeout: connect() waits as long as the kernel does.");
    if (!isUnixDomain(config.protocol) && config.port == 0)
        p.omissions.push_back(
            "The server's port, chosen when it starts: give it as the second argument.");
    return p;
}

}  // namespace

ExportedProgram exportClient(const ClientConfig& config, Framing framing,
                             const std::vector<ScriptStep>& script, Language language) {
    const detail::ClientPlan p = plan(config, framing, script);
    ExportedProgram out;
    out.language = language;
    const std::string base = baseName(config.protocol);
    const std::string args = isUnixDomain(config.protocol)
                                 ? config.host
                                 : config.host + " " + std::to_string(config.port);
    if (language == Language::C) {
        out.fileName = base + ".c";
        out.source = detail::clientSourceC(p, out.fileName);
        out.buildCommand = "cc -Wall -Wextra -o " + base + " " + out.fileName;
        out.runCommand = "./" + base + " " + args;
    } else {
        out.fileName = base + ".py";
        out.source = detail::clientSourcePython(p, out.fileName);
        out.runCommand = "python3 " + out.fileName + " " + args;
    }
    out.omissions = p.omissions;
    return out;
}

}  // namespace sockwb::codegen
