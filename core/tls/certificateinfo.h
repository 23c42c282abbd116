#pragma once
// A certificate in words: what the composer's Certificate tab, the CLI's
// -v output and the server panel show. Built from OpenSSL's X509 by
// describe(); plain data afterwards. Thread-safe (pure functions).

#include <cstdint>
#include <string>
#include <vector>

struct x509_st;

namespace sockwb::tls {

struct CertificateInfo {
    std::string subject;            // one line, RFC 2253: "CN=localhost,O=sockwb"
    std::string issuer;             // same form
    std::vector<std::string> sans;  // "DNS:localhost", "IP:127.0.0.1"
    std::string notBefore;          // "2026-12-01 17:00:00 UTC"
    std::string notAfter;
    int64_t notBeforeEpoch = 0;  // seconds since the epoch
    int64_t notAfterEpoch = 0;
    std::string key;          // "EC P-256", "RSA 2048 bits", "Ed25519"
    std::string signature;    // "ecdsa-with-SHA256", "sha256WithRSAEncryption"
    std::string serial;       // hex
    std::string sha256;       // "AB:CD:..." (32 bytes, colon-separated, upper case)
    bool selfSigned = false;  // subject == issuer and it verifies itself
    bool empty() const noexcept { return sha256.empty(); }
};

// Describes one certificate (null → empty info).
CertificateInfo describe(x509_st* cert);
// Reads the first certificate of a PEM file. Throws Error (ErrorKind::Tls,
// TlsProblem::CertificateFile) naming the file.
CertificateInfo describeFile(const std::string& pemPath);

}  // namespace sockwb::tls
