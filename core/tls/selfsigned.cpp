#include "core/tls/selfsigned.h"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <mutex>

#include "core/net/error.h"
#include "core/tls/certificateinfo.h"
#include "core/tls/opensslerrors.h"

namespace sockwb::tls {

namespace {

constexpr long kValidSeconds = 365L * 24 * 3600;
constexpr long kRenewBeforeSeconds = 24L * 3600;

[[noreturn]] void sslFailure(const char* call) {
    throw Error::tlsFailure(call, TlsProblem::Other, lastOpenSslError());
}

void makeFolder(const std::string& path) {
    // mkdir -p, the last level 0700 (it holds a private key).
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i != path.size() && path[i] != '/') continue;
        const std::string part = path.substr(0, i);
        if (::mkdir(part.c_str(), i == path.size() ? 0700 : 0755) != 0 && errno != EEXIST)
            throw Error::fromErrno("mkdir", errno, {}, part);
    }
}

bool stillGood(const std::string& cert, const std::string& key) {
    if (::access(cert.c_str(), R_OK) != 0 || ::access(key.c_str(), R_OK) != 0) return false;
    try {
        const CertificateInfo info = describeFile(cert);
        return info.notAfterEpoch > static_cast<int64_t>(std::time(nullptr)) + kRenewBeforeSeconds;
    } catch (const Error&) {
        return false;
    }
}

void addExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext) sslFailure("X509V3_EXT_conf_nid");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// Writes through a temporary file in the same folder, then renames, so a
// reader never sees half a file.
template <typename WriteFn>
void writeFile(const std::string& path, mode_t mode, WriteFn write) {
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) throw Error::fromErrno("open", errno, {}, tmp);
    FILE* f = ::fdopen(fd, "w");
    if (!f) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        throw Error::fromErrno("fdopen", err, {}, tmp);
    }
    const bool ok = write(f);
    if (std::fclose(f) != 0 || !ok) {
        ::unlink(tmp.c_str());
        if (!ok) sslFailure("PEM_write");
        throw Error::fromErrno("fclose", errno, {}, tmp);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw Error::fromErrno("rename", err, {}, path);
    }
}

void create(const std::string& certPath, const std::string& keyPath) {
    ERR_clear_error();
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    if (!key) sslFailure("EVP_EC_gen");
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    if (!cert) sslFailure("X509_new");
    X509_set_version(cert.get(), 2);
    unsigned char serial[8];
    if (RAND_bytes(serial, sizeof serial) != 1) sslFailure("RAND_bytes");
    serial[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    if (!bn) sslFailure("BN_bin2bn");
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValidSeconds);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("Socket Workbench"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.get());
    addExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(cert.get(), NID_ext_key_usage, "serverAuth");
    addExtension(cert.get(), NID_subject_key_identifier, "hash");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) sslFailure("X509_sign");
    // The key first: a certificate without its key would look usable.
    writeFile(keyPath, 0600, [&](FILE* f) {
        return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    });
    writeFile(certPath, 0644, [&](FILE* f) { return PEM_write_X509(f, cert.get()) == 1; });
}

}  // namespace

std::string defaultTlsFolder() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/sockwb/tls";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : "/tmp") + "/.config/sockwb/tls";
}

CertificatePaths ensureSelfSigned(const std::string& folder) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    CertificatePaths paths;
    paths.certFile = folder + "/localhost.crt";
    paths.keyFile = folder + "/localhost.key";
    if (stillGood(paths.certFile, paths.keyFile)) return paths;
    makeFolder(folder);
    create(paths.certFile, paths.keyFile);
    paths.created = true;
    return paths;
}

}  // namespace sockwb::tls
