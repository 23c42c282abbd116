#pragma once
// TlsSummary: a client's TLS handshake in words for its window: one line of
// what was agreed (version, cipher, ALPN, resumed) and one of the server's
// certificate (subject, issuer, SHA-256 fingerprint, verification). Made at
// the edge from the core's SessionInfo, translated. GUI thread (tr()).

#include <QCoreApplication>
#include <QString>

#include "core/tls/tlsengine.h"

namespace sockwb {

class TlsSummary {
    Q_DECLARE_TR_FUNCTIONS(sockwb::TlsSummary)
public:
    // "TLS handshake done: TLSv1.3, TLS_AES_256_GCM_SHA384, ALPN none, new session"
    static QString agreed(const tls::SessionInfo& info);
    // "server certificate CN=localhost (issued by CN=Test CA), SHA-256 AB:CD:…;
    // verified" or "…; not verified: self-signed certificate (Verify is off)"
    static QString certificate(const tls::SessionInfo& info);
    // "TLSv1.3, TLS_AES_256_GCM_SHA384": the status line's short form.
    static QString brief(const tls::SessionInfo& info);
};

}  // namespace sockwb
