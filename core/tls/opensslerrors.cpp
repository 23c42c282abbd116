#include "core/tls/opensslerrors.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

namespace sockwb::tls {

std::string lastOpenSslError() {
    unsigned long last = 0;
    while (unsigned long e = ERR_get_error()) last = e;
    if (!last) return {};
    const char* reason = ERR_reason_error_string(last);
    if (reason) return reason;
    char buf[256];
    ERR_error_string_n(last, buf, sizeof buf);
    return buf;
}

namespace {

TlsProblem ofVerifyResult(long result) {
    switch (result) {
        case X509_V_ERR_CERT_HAS_EXPIRED: return TlsProblem::Expired;
        case X509_V_ERR_CERT_NOT_YET_VALID: return TlsProblem::NotYetValid;
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: return TlsProblem::SelfSigned;
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        case X509_V_ERR_CERT_UNTRUSTED: return TlsProblem::UnknownCa;
        case X509_V_ERR_HOSTNAME_MISMATCH:
        case X509_V_ERR_IP_ADDRESS_MISMATCH: return TlsProblem::NameMismatch;
        default: return TlsProblem::Other;
    }
}

TlsProblem ofReason(int reason) {
    switch (reason) {
        case SSL_R_UNSUPPORTED_PROTOCOL:
        case SSL_R_NO_PROTOCOLS_AVAILABLE:
        case SSL_R_TLSV1_ALERT_PROTOCOL_VERSION:
        case SSL_R_VERSION_TOO_LOW:
        case SSL_R_VERSION_TOO_HIGH: return TlsProblem::ProtocolVersion;
        case SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE:
        case SSL_R_NO_SHARED_CIPHER:
        case SSL_R_NO_CIPHERS_AVAILABLE:
        case SSL_R_NO_SHARED_GROUPS:
        case SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM:
        case SSL_R_NO_APPLICATION_PROTOCOL:
        case SSL_R_TLSV1_ALERT_NO_APPLICATION_PROTOCOL:
        case SSL_R_TLSV1_ALERT_INSUFFICIENT_SECURITY: return TlsProblem::HandshakeFailure;
        case SSL_R_HTTP_REQUEST:
        case SSL_R_HTTPS_PROXY_REQUEST:
        case SSL_R_WRONG_VERSION_NUMBER:
        case SSL_R_PACKET_LENGTH_TOO_LONG:
        case SSL_R_RECORD_LENGTH_MISMATCH:
        case SSL_R_UNKNOWN_PROTOCOL: return TlsProblem::NotTls;
        default:
            // Alerts from the peer are reasons offset by SSL_AD_REASON_OFFSET.
            if (reason >= SSL_AD_REASON_OFFSET && reason < SSL_AD_REASON_OFFSET + 256)
                return TlsProblem::PeerAlert;
            return TlsProblem::Other;
    }
}

}  // namespace

Error classifyFailure(ssl_st* ssl, int sslError, std::string call) {
    unsigned long last = 0;
    while (unsigned long e = ERR_get_error()) last = e;
    const int reason = last ? ERR_GET_REASON(last) : 0;
    std::string reasonText;
    if (last) {
        const char* r = ERR_reason_error_string(last);
        if (r) {
            reasonText = r;
        } else {
            char buf[256];
            ERR_error_string_n(last, buf, sizeof buf);
            reasonText = buf;
        }
    }
    // The verification failed: its result says why, more precisely than
    // "certificate verify failed".
    if (ssl && reason == SSL_R_CERTIFICATE_VERIFY_FAILED) {
        const long v = SSL_get_verify_result(ssl);
        if (v != X509_V_OK)
            return Error::tlsFailure(std::move(call), ofVerifyResult(v),
                                     X509_verify_cert_error_string(v));
    }
    if (last) return Error::tlsFailure(std::move(call), ofReason(reason), std::move(reasonText));
    if (sslError == SSL_ERROR_SYSCALL || sslError == SSL_ERROR_ZERO_RETURN)
        return Error::tlsFailure(std::move(call), TlsProblem::Other,
                                 "the connection ended during the TLS handshake");
    return Error::tlsFailure(std::move(call), TlsProblem::Other,
                             "SSL error " + std::to_string(sslError));
}

}  // namespace sockwb::tls
