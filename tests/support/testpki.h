#pragma once
// A throwaway PKI for the TLS tests: a CA (EC P-256, "CN=sockwb test CA")
// made in a directory the test owns (a QTemporaryDir), and leaf
// certificates signed by it on demand, each the case a test needs to make
// for real: good for localhost, expired, not yet valid, wrong name,
// self-signed, signed by a CA nobody trusts, and a client certificate.
// Every certificate and key is a PEM file ({certFile, keyFile}) so the
// same files serve the engine, the workbench's servers, nginx and curl.
// Made with OpenSSL's API (no child process): a PKI costs a few ms.
// Header-only, test code only. Not thread-safe: one test thread uses it.

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <QDir>
#include <QString>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sockwb::test {

// A certificate and its private key, as PEM files.
struct PemFiles {
    std::string certFile;
    std::string keyFile;
    QString qCertFile() const { return QString::fromStdString(certFile); }
    QString qKeyFile() const { return QString::fromStdString(keyFile); }
};

// What a leaf certificate says and who signs it (TestPki::make()).
struct LeafSpec {
    std::string name;               // file stem and CN ("localhost")
    std::vector<std::string> sans;  // "DNS:localhost", "IP:127.0.0.1"
    long notBeforeDays = -1;        // from now (negative: in the past)
    long notAfterDays = 30;         // from now
    bool client = false;            // extendedKeyUsage clientAuth (else serverAuth)
    enum class Issuer { Ca, Self, OtherCa } issuer = Issuer::Ca;
};

class TestPki {
public:
    // Makes the CA in dir (which must exist). ok() says whether it worked,
    // error() why not (OpenSSL's reason).
    explicit TestPki(const QString& dir) : dir_(dir.toStdString()) {
        ca_ = makeCa("sockwb test CA", "ca");
        if (ok()) other_ = makeCa("sockwb other CA", "other-ca");
    }
    TestPki(const TestPki&) = delete;
    TestPki& operator=(const TestPki&) = delete;

    bool ok() const { return error_.empty() && ca_.cert != nullptr; }
    const std::string& error() const { return error_; }

    // The CA to trust (--cacert, ssl_client_certificate).
    std::string caFile() const { return ca_.files.certFile; }
    PemFiles ca() const { return ca_.files; }
    // A second CA, not trusted by caFile(): issuer of unknownCa().
    std::string otherCaFile() const { return other_.files.certFile; }

    // localhost: DNS:localhost, IP:127.0.0.1, IP:::1; valid from yesterday for 30 days.
    PemFiles good() { return leaf(localhostSpec("localhost")); }
    // As good(), but its notAfter was yesterday.
    PemFiles expired() {
        LeafSpec s = localhostSpec("expired");
        s.notBeforeDays = -30;
        s.notAfterDays = -1;
        return leaf(s);
    }
    // As good(), but its notBefore is tomorrow.
    PemFiles notYetValid() {
        LeafSpec s = localhostSpec("not-yet-valid");
        s.notBeforeDays = 1;
        s.notAfterDays = 30;
        return leaf(s);
    }
    // Signed by the CA, valid, but it names only DNS:wrong.example (CN too).
    PemFiles wrongName() {
        LeafSpec s;
        s.name = "wrong.example";
        s.sans = {"DNS:wrong.example"};
        return leaf(s);
    }
    // localhost, signed by its own key (no CA).
    PemFiles selfSigned() {
        LeafSpec s = localhostSpec("self-signed");
        s.issuer = LeafSpec::Issuer::Self;
        return leaf(s);
    }
    // localhost, signed by otherCaFile() (a CA the client does not trust).
    PemFiles unknownCa() {
        LeafSpec s = localhostSpec("unknown-ca");
        s.issuer = LeafSpec::Issuer::OtherCa;
        return leaf(s);
    }
    // "CN=sockwb test client", extendedKeyUsage clientAuth, signed by the CA.
    PemFiles client() {
        LeafSpec s;
        s.name = "sockwb test client";
        s.client = true;
        return leaf(s);
    }
    // Any leaf; made once per name (a second call with the same name returns
    // the same files). Empty paths when it failed (see error()).
    PemFiles leaf(const LeafSpec& spec) {
        auto it = made_.find(spec.name);
        if (it != made_.end()) return it->second;
        PemFiles f = makeLeaf(spec);
        if (!f.certFile.empty()) made_[spec.name] = f;
        return f;
    }

private:
    struct KeyFree {
        void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
    };
    struct CertFree {
        void operator()(X509* c) const { X509_free(c); }
    };
    using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
    using Cert = std::unique_ptr<X509, CertFree>;
    struct Authority {
        Key key;
        Cert cert;
        PemFiles files;
    };

    static LeafSpec localhostSpec(const std::string& name) {
        LeafSpec s;
        s.name = name;
        s.sans = {"DNS:localhost", "IP:127.0.0.1", "IP:::1"};
        return s;
    }

    bool fail(const std::string& what) {
        std::string reason;
        if (unsigned long e = ERR_get_error()) {
            char buf[256];
            ERR_error_string_n(e, buf, sizeof buf);
            reason = buf;
        }
        ERR_clear_error();
        if (error_.empty()) error_ = what + (reason.empty() ? "" : ": " + reason);
        return false;
    }

    static std::string fileStem(const std::string& name) {
        std::string s = name;
        for (char& c : s)
            if (c == ' ' || c == '/') c = '-';
        return s;
    }

    bool addExt(X509* cert, X509* issuer, int nid, const std::string& value) {
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
        X509_EXTENSION* ext = X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value.c_str());
        if (!ext) return fail("extension " + value);
        const bool added = X509_add_ext(cert, ext, -1) == 1;
        X509_EXTENSION_free(ext);
        return added || fail("X509_add_ext");
    }

    // A certificate for key, named cn, signed by signerKey as signerCert
    // (null: itself). Null on failure.
    Cert makeCert(EVP_PKEY* key, const std::string& cn, long fromDays, long toDays,
                  X509* signerCert, EVP_PKEY* signerKey, const std::vector<std::string>& exts) {
        Cert cert(X509_new());
        if (!cert) {
            fail("X509_new");
            return nullptr;
        }
        X509_set_version(cert.get(), X509_VERSION_3);
        unsigned char serial[16];
        if (RAND_bytes(serial, sizeof serial) != 1) {
            fail("RAND_bytes");
            return nullptr;
        }
        serial[0] &= 0x7f;  // positive
        BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
        BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
        BN_free(bn);
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), fromDays * 86400L);
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), toDays * 86400L);
        X509_NAME* name = X509_get_subject_name(cert.get());
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>("sockwb tests"), -1, -1,
                                   0);
        X509* issuer = signerCert ? signerCert : cert.get();
        X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));
        if (X509_set_pubkey(cert.get(), key) != 1) {
            fail("X509_set_pubkey");
            return nullptr;
        }
        for (const std::string& e : exts) {
            const auto eq = e.find('=');
            const int nid = OBJ_txt2nid(e.substr(0, eq).c_str());
            if (!addExt(cert.get(), issuer, nid, e.substr(eq + 1))) return nullptr;
        }
        if (X509_sign(cert.get(), signerKey ? signerKey : key, EVP_sha256()) <= 0) {
            fail("X509_sign");
            return nullptr;
        }
        return cert;
    }

    bool writeFiles(const std::string& stem, EVP_PKEY* key, X509* cert, PemFiles* files) {
        files->certFile = dir_ + "/" + stem + ".crt";
        files->keyFile = dir_ + "/" + stem + ".key";
        FILE* c = std::fopen(files->certFile.c_str(), "w");
        if (!c) return fail("cannot write " + files->certFile);
        const bool certOk = PEM_write_X509(c, cert) == 1;
        std::fclose(c);
        FILE* k = std::fopen(files->keyFile.c_str(), "w");
        if (!k) return fail("cannot write " + files->keyFile);
        ::fchmod(::fileno(k), 0600);
        const bool keyOk = PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        std::fclose(k);
        return (certOk && keyOk) || fail("PEM_write " + stem);
    }

    Authority makeCa(const std::string& cn, const std::string& stem) {
        Authority a;
        a.key.reset(EVP_EC_gen("P-256"));
        if (!a.key) {
            fail("EVP_EC_gen");
            return a;
        }
        a.cert = makeCert(a.key.get(), cn, -1, 3650, nullptr, nullptr,
                          {"basicConstraints=critical,CA:TRUE",
                           "keyUsage=critical,keyCertSign,cRLSign", "subjectKeyIdentifier=hash"});
        if (a.cert && !writeFiles(stem, a.key.get(), a.cert.get(), &a.files)) a.cert.reset();
        return a;
    }

    PemFiles makeLeaf(const LeafSpec& spec) {
        if (!ok()) return {};
        Key key(EVP_EC_gen("P-256"));
        if (!key) {
            fail("EVP_EC_gen");
            return {};
        }
        std::vector<std::string> exts{"basicConstraints=critical,CA:FALSE",
                                      "subjectKeyIdentifier=hash"};
        exts.push_back(spec.client ? "extendedKeyUsage=clientAuth" : "extendedKeyUsage=serverAuth");
        X509* signerCert = nullptr;
        EVP_PKEY* signerKey = nullptr;
        if (spec.issuer != LeafSpec::Issuer::Self) {
            const Authority& a = spec.issuer == LeafSpec::Issuer::Ca ? ca_ : other_;
            signerCert = a.cert.get();
            signerKey = a.key.get();
            exts.push_back("authorityKeyIdentifier=keyid:always");
            exts.push_back("keyUsage=critical,digitalSignature");
        }
        if (!spec.sans.empty()) {
            std::string san;
            for (const std::string& s : spec.sans) san += (san.empty() ? "" : ",") + s;
            exts.push_back("subjectAltName=" + san);
        }
        Cert cert = makeCert(key.get(), spec.name, spec.notBeforeDays, spec.notAfterDays,
                             signerCert, signerKey, exts);
        PemFiles files;
        if (!cert || !writeFiles(fileStem(spec.name), key.get(), cert.get(), &files)) return {};
        return files;
    }

    std::string dir_;
    std::string error_;
    Authority ca_;
    Authority other_;
    std::map<std::string, PemFiles> made_;
};

}  // namespace sockwb::test

// Makes a TestPki named `pki` in a new QTemporaryDir `pkiDir` (both live to
// the end of the test function) or fails the test with OpenSSL's reason.
#define SOCKWB_TEST_PKI(pki, pkiDir)            \
    QTemporaryDir pkiDir;                       \
    QVERIFY(pkiDir.isValid());                  \
    ::sockwb::test::TestPki pki(pkiDir.path()); \
    QVERIFY2(pki.ok(), pki.error().c_str())
