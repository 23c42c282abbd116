#include "core/tls/certificateinfo.h"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

#include "core/net/error.h"
#include "core/tls/opensslerrors.h"

namespace sockwb::tls {

namespace {

std::string nameLine(const X509_NAME* name) {
    if (!name) return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio) return {};
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return n > 0 ? std::string(data, static_cast<size_t>(n)) : std::string{};
}

std::string asnText(const ASN1_STRING* s) {
    if (!s) return {};
    return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                       static_cast<size_t>(ASN1_STRING_length(s)));
}

std::string ipText(const ASN1_OCTET_STRING* ip) {
    const int len = ASN1_STRING_length(ip);
    const unsigned char* p = ASN1_STRING_get0_data(ip);
    char text[INET6_ADDRSTRLEN] = {};
    if (len == 4 && inet_ntop(AF_INET, p, text, sizeof text)) return text;
    if (len == 16 && inet_ntop(AF_INET6, p, text, sizeof text)) return text;
    return "(" + std::to_string(len) + " bytes)";
}

std::vector<std::string> altNames(X509* cert) {
    std::vector<std::string> out;
    auto* names =
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    if (!names) return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* g = sk_GENERAL_NAME_value(names, i);
        switch (g->type) {
            case GEN_DNS:
                out.push_back("DNS:" + asnText(g->d.dNSName));
                break;
            case GEN_IPADD:
                out.push_back("IP:" + ipText(g->d.iPAddress));
                break;
            case GEN_EMAIL:
                out.push_back("email:" + asnText(g->d.rfc822Name));
                break;
            case GEN_URI:
                out.push_back("URI:" + asnText(g->d.uniformResourceIdentifier));
                break;
            default:
                break;
        }
    }
    GENERAL_NAMES_free(names);
    return out;
}

void timeOf(const ASN1_TIME* t, std::string& text, int64_t& epoch) {
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return;
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    text = buf;
    epoch = static_cast<int64_t>(timegm(&tm));
}

std::string keyText(X509* cert) {
    EVP_PKEY* key = X509_get0_pubkey(cert);
    if (!key) return {};
    const int bits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_EC: {
            char group[80] = {};
            size_t len = 0;
            std::string name = "EC";
            if (EVP_PKEY_get_group_name(key, group, sizeof group, &len) == 1) {
                const char* nist = EC_curve_nid2nist(OBJ_sn2nid(group));
                name += std::string(" ") + (nist ? nist : group);
            }
            return name;
        }
        case EVP_PKEY_RSA:
            return "RSA " + std::to_string(bits) + " bits";
        case EVP_PKEY_ED25519:
            return "Ed25519";
        case EVP_PKEY_ED448:
            return "Ed448";
        default: {
            const char* type = OBJ_nid2sn(EVP_PKEY_get_base_id(key));
            return std::string(type ? type : "key") + " " + std::to_string(bits) + " bits";
        }
    }
}

std::string hexColons(const unsigned char* p, unsigned n) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(n * 3);
    for (unsigned i = 0; i < n; ++i) {
        if (i) out += ':';
        out += digits[p[i] >> 4];
        out += digits[p[i] & 15];
    }
    return out;
}

}  // namespace

CertificateInfo describe(x509_st* cert) {
    CertificateInfo info;
    if (!cert) return info;
    info.subject = nameLine(X509_get_subject_name(cert));
    info.issuer = nameLine(X509_get_issuer_name(cert));
    info.sans = altNames(cert);
    timeOf(X509_get0_notBefore(cert), info.notBefore, info.notBeforeEpoch);
    timeOf(X509_get0_notAfter(cert), info.notAfter, info.notAfterEpoch);
    info.key = keyText(cert);
    const char* sig = OBJ_nid2sn(X509_get_signature_nid(cert));
    info.signature = sig ? sig : "";
    if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
        if (char* hex = BN_bn2hex(bn)) {
            info.serial = hex;
            OPENSSL_free(hex);
        }
        BN_free(bn);
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    if (X509_digest(cert, EVP_sha256(), md, &n) == 1) info.sha256 = hexColons(md, n);
    info.selfSigned = X509_check_issued(cert, cert) == X509_V_OK;
    ERR_clear_error();
    return info;
}

CertificateInfo describeFile(const std::string& pemPath) {
    ERR_clear_error();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(pemPath.c_str(), "r"), BIO_free);
    if (!bio)
        throw Error::tlsFailure("BIO_new_file", TlsProblem::CertificateFile,
                                pemPath + ": " + lastOpenSslError());
    X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (!cert)
        throw Error::tlsFailure("PEM_read_bio_X509", TlsProblem::CertificateFile,
                                pemPath + ": " + lastOpenSslError());
    CertificateInfo info = describe(cert);
    X509_free(cert);
    return info;
}

}  // namespace sockwb::tls
