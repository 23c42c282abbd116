#pragma once
// OpenSSL's thread-local error queue in words, and the classification of a
// failed handshake into a TlsProblem. Internal to core/tls. Thread-safe
// (each thread has its own queue).

#include <string>

#include "core/net/error.h"

struct ssl_st;

namespace sockwb::tls {

// The reason of the newest error in the queue ("certificate verify
// failed"), or "" when the queue is empty; the queue is cleared.
std::string lastOpenSslError();

// The Error for a failed SSL_do_handshake/SSL_read/SSL_write on ssl with
// SSL_get_error() == sslError: the verification result first (expired, not
// yet valid, self-signed, unknown CA, name mismatch), else the reason of
// the queue (protocol version, handshake failure, peer alert, not TLS).
// Clears the queue.
Error classifyFailure(ssl_st* ssl, int sslError, std::string call);

}  // namespace sockwb::tls
