#pragma once
// Errors of the core: one exception type that names the failing call, the
// errno (and its symbolic name) and the address involved, plus a one-line
// explanation a student understands. The GUI words its own message from the
// codes (call + errno / kind / detail code and its numbers) so it can
// translate; explanation() and what() are English, for the CLI and logs.

#include <cstdint>
#include <exception>
#include <string>

namespace sockwb {

// What went wrong, beyond "a syscall set errno".
enum class ErrorKind {
    System,         // a syscall failed: see err (errno)
    Resolve,        // getaddrinfo failed: see gaiCode
    InvalidInput,   // bad user input (port out of range, malformed address...)
    Timeout,        // an operation did not complete in time (err = ETIMEDOUT)
    EndOfStream,    // the peer closed while more bytes were expected
    Truncated,      // a datagram was larger than the buffer (MSG_TRUNC)
    FrameTooLarge,  // a framed message exceeds the configured maximum
    Unsupported,    // a combination the engine refuses, with a sentence why
    Protocol,       // the peer broke the protocol (malformed HTTP...): see detail
    Cancelled,      // the user cancelled the operation
    Tls,            // TLS failed: see ErrorInfo::tls (and detail: OpenSSL's reason)
};

// What went wrong in TLS (ErrorKind::Tls), worded by each front end.
enum class TlsProblem {
    None,
    Expired,           // the peer's certificate has expired
    NotYetValid,       // ... is not valid yet
    SelfSigned,        // ... is self-signed and not trusted
    UnknownCa,         // ... was issued by a CA the trust store does not hold
    NameMismatch,      // ... does not name the host asked for
    ProtocolVersion,   // no TLS version both sides accept
    HandshakeFailure,  // no cipher / group / ALPN in common, or the peer refused
    PeerAlert,         // the peer sent a fatal alert (detail names it)
    NotTls,            // the peer does not speak TLS (plain HTTP on a TLS port...)
    CertificateFile,   // our certificate, key or CA file cannot be used (detail: file)
    Other,             // anything else OpenSSL reports (detail: its reason)
};

// What ErrorInfo::detail says, as a code and numbers (detailN, detailM), so a
// front end can word it in its own language without reading the English.
enum class DetailCode {
    Words,             // detail is free text or empty (a host name, an option,
                       // a parser's message): it has no other form
    GaveUpAfterMs,     // "gave up after N ms": N = the timeout that expired
    GotOfBytes,        // "got N of M bytes": N received, M expected
    BytesUnsent,       // "N bytes still unsent"
    BytesOverLimit,    // "N bytes, limit M": a size over the maximum M
    Bytes,             // "N bytes": a size
    ByTheUser,         // "by the user": who cancelled
    TooManyRedirects,  // "more than N redirects": N = the maximum followed
};

struct ErrorInfo {
    ErrorKind kind = ErrorKind::System;
    std::string call;     // "bind", "connect", "getaddrinfo", ...
    int err = 0;          // errno value (System / Timeout)
    int gaiCode = 0;      // getaddrinfo code (Resolve)
    std::string address;  // "127.0.0.1:8080" when one is involved
    std::string detail;   // extra words in English (the host name, the limit...)
    // The detail typed. Unless detailCode is Words, detail is exactly
    // detailWords(detailCode, detailN, detailM): set all four with withDetail().
    DetailCode detailCode = DetailCode::Words;
    std::uint64_t detailN = 0;          // the code's first number (ms, bytes...)
    std::uint64_t detailM = 0;          // the code's second number (expected, limit)
    TlsProblem tls = TlsProblem::None;  // ErrorKind::Tls: which problem
};

// The English words of a typed detail: "gave up after 3000 ms"; "" for Words.
// Thread-safe.
std::string detailWords(DetailCode code, std::uint64_t n = 0, std::uint64_t m = 0);
// info with a typed detail: the code, its numbers, and detail = its English
// words. Thread-safe.
ErrorInfo withDetail(ErrorInfo info, DetailCode code, std::uint64_t n = 0, std::uint64_t m = 0);

// Symbolic name of an errno value: "ECONNREFUSED"; "E<number>" if unknown.
// Thread-safe.
std::string errnoName(int err);

// One-line explanation of the error in plain English. Thread-safe.
std::string explain(const ErrorInfo& info);

// The one exception type of the core. Thread-safe to copy and read.
class Error : public std::exception {
public:
    explicit Error(ErrorInfo info);
    // Convenience: a failed syscall with the current errno value.
    static Error fromErrno(std::string call, int err, std::string address = {},
                           std::string detail = {});
    static Error invalid(std::string what, std::string detail = {});
    static Error unsupported(std::string sentence);
    // ErrorKind::Tls: call is the OpenSSL step ("SSL_connect", "SSL_accept",
    // "SSL_read", "SSL_CTX_use_certificate_file"), detail OpenSSL's reason.
    static Error tlsFailure(std::string call, TlsProblem problem, std::string detail = {},
                            std::string address = {});

    const ErrorInfo& info() const noexcept { return info_; }
    ErrorKind kind() const noexcept { return info_.kind; }
    int err() const noexcept { return info_.err; }
    const std::string& call() const noexcept { return info_.call; }
    // "connect(127.0.0.1:9): ECONNREFUSED — nothing is listening on 127.0.0.1:9"
    const char* what() const noexcept override { return what_.c_str(); }
    // Only the explanation sentence.
    std::string explanation() const { return explain(info_); }

private:
    ErrorInfo info_;
    std::string what_;
};

}  // namespace sockwb
