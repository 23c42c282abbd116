#pragma once
// What a TLS client or server is asked to do: plain data, copied into each
// context (tlscontext.h). OpenSSL 3 is the only TLS stack; these options
// are named as curl and nginx name theirs so a user recognises them.
// Thread-safe to copy and read.

#include <string>
#include <vector>

namespace sockwb::tls {

// Lowest / highest protocol version offered.
enum class Version { Tls12, Tls13 };

struct ClientOptions {
    // -k / --insecure: do not verify the server's chain or name (the
    // verification result is still computed and reported in SessionInfo).
    bool insecure = false;
    // --cacert FILE: trust these CAs (PEM) instead of the system store.
    std::string caFile;
    // --cert / --key: a client certificate and its key (PEM). keyFile may
    // be empty when certFile holds both.
    std::string certFile;
    std::string keyFile;
    // Protocols offered by ALPN, most preferred first ("http/1.1"); empty: no ALPN.
    std::vector<std::string> alpn{"http/1.1"};
    Version minVersion = Version::Tls12;
    Version maxVersion = Version::Tls13;
    // Reuse a session (ticket) the same context got from the same
    // host:port on an earlier connection. Off: every connection makes a
    // full handshake (the "handshakes per second" benchmark).
    bool resumeSessions = true;
    friend bool operator==(const ClientOptions&, const ClientOptions&) = default;
};

struct ServerOptions {
    // --cert / --key (PEM). Both empty: the self-signed certificate for
    // localhost kept in certFolder (selfsigned.h), made on first use.
    std::string certFile;
    std::string keyFile;
    // Where the self-signed certificate lives; "" = defaultTlsFolder().
    std::string certFolder;
    // ALPN protocols the server accepts, in its order of preference.
    std::vector<std::string> alpn{"http/1.1"};
    Version minVersion = Version::Tls12;
    Version maxVersion = Version::Tls13;
    // Session tickets (resumption), on as nginx has them.
    bool sessionTickets = true;
    friend bool operator==(const ServerOptions&, const ServerOptions&) = default;
};

// "TLSv1.2" / "TLSv1.3" (OpenSSL's spelling). Thread-safe.
const char* versionName(Version v) noexcept;

}  // namespace sockwb::tls
