#pragma once
// Errors of the core: one exception type that names the failing call, the
// errno (and its symbolic name) and the address involved, plus a one-line
// explanation a student understands. The GUI words its own message from the
// codes (call + errno / kind) so it can translate; explanation() is English.

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
};

struct ErrorInfo {
    ErrorKind kind = ErrorKind::System;
    std::string call;     // "bind", "connect", "getaddrinfo", ...
    int err = 0;          // errno value (System / Timeout)
    int gaiCode = 0;      // getaddrinfo code (Resolve)
    std::string address;  // "127.0.0.1:8080" when one is involved
    std::string detail;   // extra words (the host name, the limit...)
};

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
