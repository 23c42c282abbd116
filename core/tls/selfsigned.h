#pragma once
// The server's certificate when the user gives none: a self-signed one for
// localhost (SANs DNS:localhost, IP:127.0.0.1, IP:::1; EC P-256, valid one
// year) made on first use and kept in the user's config folder, so the
// fingerprint a student checks today is the same tomorrow. Re-made when it
// is missing, unreadable or expires within a day. Thread-safe (a process
// lock; files are written to a temporary name, then renamed; the key is 0600).

#include <string>

namespace sockwb::tls {

struct CertificatePaths {
    std::string certFile;  // <folder>/localhost.crt
    std::string keyFile;   // <folder>/localhost.key
    bool created = false;  // made by this call
};

// $XDG_CONFIG_HOME/sockwb/tls, else $HOME/.config/sockwb/tls.
std::string defaultTlsFolder();

// Makes the folder (0700) and the pair when needed. Throws Error (System
// for file errors, naming the path; Tls for OpenSSL failures).
CertificatePaths ensureSelfSigned(const std::string& folder = defaultTlsFolder());

}  // namespace sockwb::tls
