#include "app/cli/httpreport.h"

#include <cstdio>

#include "app/cli/jsonline.h"

namespace sockwb::app {

namespace {

// Each line of a head (up to its blank line) behind prefix.
std::string prefixed(std::string_view head, const char* prefix) {
    std::string out;
    const auto end = head.find("\r\n\r\n");
    if (end != std::string_view::npos) head = head.substr(0, end + 2);
    while (!head.empty()) {
        const auto eol = head.find("\r\n");
        out += prefix;
        out += head.substr(0, eol);
        out += '\n';
        if (eol == std::string_view::npos) break;
        head.remove_prefix(eol + 2);
    }
    out += std::string(prefix, 1) + "\n";  // curl's empty ">" / "<" line
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string milliseconds(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", ms);
    return buf;
}

std::string jsonStrings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& s : items) out += (out.size() > 1 ? "," : "") + JsonLine::quote(s);
    return out + "]";
}

std::string certificateJson(const tls::CertificateInfo& c) {
    return JsonLine()
        .add("subject", c.subject)
        .add("issuer", c.issuer)
        .addRaw("sans", jsonStrings(c.sans))
        .add("not_before", c.notBefore)
        .add("not_after", c.notAfter)
        .add("key", c.key)
        .add("signature", c.signature)
        .add("serial", c.serial)
        .add("sha256", c.sha256)
        .add("self_signed", c.selfSigned)
        .str();
}

}  // namespace

std::string verboseTls(const tls::SessionInfo& info) {
    std::string out = "* SSL connection using " + info.version + " / " + info.cipher + "\n";
    out += info.alpn.empty() ? std::string("* ALPN: server did not agree on a protocol\n")
                             : "* ALPN: server accepted " + info.alpn + "\n";
    if (info.resumed) out += "* SSL session resumed\n";
    if (!info.chain.empty()) {
        const tls::CertificateInfo& leaf = info.chain.front();
        out += "* Server certificate:\n";
        out += "*  subject: " + leaf.subject + "\n";
        out += "*  start date: " + leaf.notBefore + "\n";
        out += "*  expire date: " + leaf.notAfter + "\n";
        if (!leaf.sans.empty()) out += "*  subjectAltName: " + joined(leaf.sans) + "\n";
        out += "*  issuer: " + leaf.issuer + "\n";
        out += "*  key: " + leaf.key + ", signature: " + leaf.signature + "\n";
        out += "*  SHA-256 fingerprint: " + leaf.sha256 + "\n";
    }
    if (info.verified)
        out += "*  SSL certificate verify ok.\n";
    else
        out += "*  SSL certificate verify result: " + info.verifyText + " (" +
               std::to_string(info.verifyResult) + "), continuing anyway.\n";
    return out;
}

std::string verboseConnected(const http::Exchange& ex) {
    std::string out;
    const std::string peer = ex.peer.host() + ") port " + std::to_string(ex.peer.port());
    const auto url = http::Url::parse(ex.url);
    const std::string host = url ? url->host() : ex.peer.host();
    if (ex.reusedConnection) {
        out += "* Re-using existing connection with host " + host + " (" + peer + "\n";
    } else {
        out += "* Connected to " + host + " (" + peer + "\n";
        if (ex.tls) out += verboseTls(*ex.tls);
    }
    return out + prefixed(ex.requestBytes, "> ");
}

std::string verboseResponse(const http::Response& head) {
    return prefixed(head.version + " " + std::to_string(head.status) + " " + head.reason + "\r\n" +
                        head.headers.serialize() + "\r\n",
                    "< ");
}

std::string tlsJson(const tls::SessionInfo& info) {
    std::string chain = "[";
    for (const auto& c : info.chain) chain += (chain.size() > 1 ? "," : "") + certificateJson(c);
    chain += "]";
    return JsonLine()
        .add("version", info.version)
        .add("cipher", info.cipher)
        .add("alpn", info.alpn)
        .add("server_name", info.serverName)
        .add("resumed", info.resumed)
        .add("verified", info.verified)
        .add("verify_result", static_cast<int64_t>(info.verifyResult))
        .add("verify_text", info.verifyText)
        .addRaw("chain", chain)
        .str();
}

std::string exchangeJson(const http::Exchange& ex) {
    const http::Timings& t = ex.timings;
    const std::string timings = JsonLine()
                                    .addRaw("resolve_ms", milliseconds(t.resolve))
                                    .addRaw("connect_ms", milliseconds(t.connect))
                                    .addRaw("tls_ms", milliseconds(t.tls))
                                    .addRaw("send_ms", milliseconds(t.send))
                                    .addRaw("wait_ms", milliseconds(t.wait))
                                    .addRaw("download_ms", milliseconds(t.download))
                                    .addRaw("total_ms", milliseconds(t.total))
                                    .str();
    return JsonLine()
        .add("event", "http")
        .add("url", ex.url)
        .add("status", ex.response.status)
        .add("peer", ex.peer.toString())
        .add("local", ex.local.toString())
        .add("reused", ex.reusedConnection)
        .add("bytes_sent", ex.bytesSent)
        .add("bytes_received", ex.bytesReceived)
        .addRaw("timings", timings)
        .addRaw("tls", ex.tls ? tlsJson(*ex.tls) : std::string("null"))
        .str();
}

}  // namespace sockwb::app
