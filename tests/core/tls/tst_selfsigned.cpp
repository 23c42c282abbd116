// The server's own certificate when the user gives none: made once in the
// config folder, the same one (same fingerprint) on the next call, made
// again when a file is deleted, unreadable or expired; the key private
// (0600) in a private folder (0700); SANs for localhost; found under
// XDG_CONFIG_HOME; and usable: a client that trusts it gets through, one
// that does not is told it is self-signed.

#include <sys/stat.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>
#include <vector>

#include "core/net/error.h"
#include "core/tls/certificateinfo.h"
#include "core/tls/selfsigned.h"
#include "core/tls/tlscontext.h"
#include "support/testmain.h"
#include "support/testpki.h"
#include "support/tlsenginepair.h"

using namespace sockwb;
using namespace sockwb::tls;
using namespace sockwb::test;

namespace {

unsigned modeOf(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

// Sets an environment variable for a scope, then puts the old value back.
class EnvScope {
public:
    EnvScope(const char* name, const QByteArray& value)
        : name_(name), had_(qEnvironmentVariableIsSet(name)), old_(qgetenv(name)) {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~EnvScope() {
        if (had_)
            qputenv(name_, old_);
        else
            qunsetenv(name_);
    }
    EnvScope(const EnvScope&) = delete;
    EnvScope& operator=(const EnvScope&) = delete;

private:
    const char* name_;
    bool had_;
    QByteArray old_;
};

}  // namespace

class tst_SelfSigned : public QObject {
    Q_OBJECT
private slots:
    void madeOnceThenReused();
    void remadeWhenDeleted_data();
    void remadeWhenDeleted();
    void remadeWhenExpiredOrUnreadable_data();
    void remadeWhenExpiredOrUnreadable();
    void privateKeyAndFolder();
    void namesLocalhost();
    void folderUnderXdgConfigHome();
    void oneCertificateForConcurrentCallers();
    void trustedOnlyWhenTrusted();
};

void tst_SelfSigned::madeOnceThenReused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = dir.path().toStdString() + "/config/sockwb/tls";
    const CertificatePaths first = ensureSelfSigned(folder);
    QVERIFY(first.created);
    QCOMPARE(first.certFile, folder + "/localhost.crt");
    QCOMPARE(first.keyFile, folder + "/localhost.key");
    QVERIFY(QFile::exists(QString::fromStdString(first.certFile)));
    QVERIFY(QFile::exists(QString::fromStdString(first.keyFile)));
    const std::string fingerprint = describeFile(first.certFile).sha256;
    QVERIFY(!fingerprint.empty());
    const CertificatePaths second = ensureSelfSigned(folder);
    QVERIFY(!second.created);
    QCOMPARE(second.certFile, first.certFile);
    QCOMPARE(describeFile(second.certFile).sha256, fingerprint);
    // No temporary files left behind.
    QCOMPARE(QDir(QString::fromStdString(folder)).entryList(QDir::Files).size(), 2);
}

void tst_SelfSigned::remadeWhenDeleted_data() {
    QTest::addColumn<bool>("deleteCert");
    QTest::addColumn<bool>("deleteKey");
    QTest::newRow("certificate deleted") << true << false;
    QTest::newRow("key deleted") << false << true;
    QTest::newRow("both deleted") << true << true;
}

void tst_SelfSigned::remadeWhenDeleted() {
    QFETCH(bool, deleteCert);
    QFETCH(bool, deleteKey);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = dir.path().toStdString();
    const CertificatePaths first = ensureSelfSigned(folder);
    const std::string before = describeFile(first.certFile).sha256;
    if (deleteCert) QVERIFY(QFile::remove(QString::fromStdString(first.certFile)));
    if (deleteKey) QVERIFY(QFile::remove(QString::fromStdString(first.keyFile)));
    const CertificatePaths again = ensureSelfSigned(folder);
    QVERIFY(again.created);
    QVERIFY(describeFile(again.certFile).sha256 != before);
    // The pair matches: a server context loads it.
    ServerOptions o;
    o.certFolder = folder;
    QCOMPARE(Context::server(o)->ownCertificate().sha256, describeFile(again.certFile).sha256);
}

void tst_SelfSigned::remadeWhenExpiredOrUnreadable_data() {
    QTest::addColumn<QString>("what");
    QTest::newRow("expired") << "expired";
    QTest::newRow("not a certificate") << "garbage";
    QTest::newRow("empty") << "empty";
}

void tst_SelfSigned::remadeWhenExpiredOrUnreadable() {
    QFETCH(QString, what);
    SOCKWB_TEST_PKI(pki, pkiDir);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString crt = dir.filePath(QStringLiteral("localhost.crt"));
    const QString key = dir.filePath(QStringLiteral("localhost.key"));
    if (what == "expired") {
        QVERIFY(QFile::copy(pki.expired().qCertFile(), crt));
        QVERIFY(QFile::copy(pki.expired().qKeyFile(), key));
    } else {
        QFile f(crt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        if (what == "garbage") f.write("-----BEGIN CERTIFICATE-----\nnot base64\n");
        f.close();
        QVERIFY(QFile::copy(pki.good().qKeyFile(), key));
    }
    const CertificatePaths p = ensureSelfSigned(dir.path().toStdString());
    QVERIFY(p.created);
    const CertificateInfo info = describeFile(p.certFile);
    QVERIFY(info.selfSigned);
    QVERIFY(info.notAfterEpoch > QDateTime::currentSecsSinceEpoch() + 300 * 86400);
}

void tst_SelfSigned::privateKeyAndFolder() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = dir.path().toStdString() + "/new/tls";
    const CertificatePaths p = ensureSelfSigned(folder);
    QCOMPARE(modeOf(p.keyFile), 0600u);
    QCOMPARE(modeOf(folder), 0700u);
    QVERIFY((modeOf(p.certFile) & 0600u) == 0600u);
    // Also when remade: the new key is as private.
    QVERIFY(QFile::remove(QString::fromStdString(p.keyFile)));
    QVERIFY(ensureSelfSigned(folder).created);
    QCOMPARE(modeOf(p.keyFile), 0600u);
}

void tst_SelfSigned::namesLocalhost() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CertificateInfo info = describeFile(ensureSelfSigned(dir.path().toStdString()).certFile);
    QCOMPARE(info.sans, (std::vector<std::string>{"DNS:localhost", "IP:127.0.0.1", "IP:::1"}));
    QVERIFY2(info.subject.find("CN=localhost") != std::string::npos, info.subject.c_str());
    QCOMPARE(info.subject, info.issuer);
    QVERIFY(info.selfSigned);
    QCOMPARE(QString::fromStdString(info.key), QStringLiteral("EC P-256"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(info.notBeforeEpoch <= now);
    // Valid one year.
    QVERIFY(info.notAfterEpoch > now + 364 * 86400 && info.notAfterEpoch <= now + 366 * 86400);
}

void tst_SelfSigned::folderUnderXdgConfigHome() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        EnvScope xdg("XDG_CONFIG_HOME", dir.path().toUtf8());
        QCOMPARE(QString::fromStdString(defaultTlsFolder()), dir.path() + "/sockwb/tls");
        // A server with no certificate and no folder uses it.
        auto server = Context::server(ServerOptions{});
        QCOMPARE(QString::fromStdString(server->certFile()),
                 dir.path() + "/sockwb/tls/localhost.crt");
        QVERIFY(QFile::exists(dir.path() + "/sockwb/tls/localhost.key"));
    }
    {
        // A relative XDG_CONFIG_HOME is ignored (the XDG specification), as
        // is an empty one: $HOME/.config.
        EnvScope home("HOME", dir.path().toUtf8());
        EnvScope xdg("XDG_CONFIG_HOME", QByteArray("relative/config"));
        QCOMPARE(QString::fromStdString(defaultTlsFolder()), dir.path() + "/.config/sockwb/tls");
        EnvScope none("XDG_CONFIG_HOME", QByteArray());
        QCOMPARE(QString::fromStdString(defaultTlsFolder()), dir.path() + "/.config/sockwb/tls");
    }
}

void tst_SelfSigned::oneCertificateForConcurrentCallers() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = dir.path().toStdString() + "/tls";
    std::atomic<int> created{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            try {
                if (ensureSelfSigned(folder).created) ++created;
            } catch (const Error&) {
                ++failed;
            }
        });
    for (auto& t : threads) t.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(created.load(), 1);
}

void tst_SelfSigned::trustedOnlyWhenTrusted() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerOptions so;
    so.certFolder = dir.path().toStdString();
    auto server = Context::server(so);
    QVERIFY(server->ownCertificate().selfSigned);
    ClientOptions trusting;
    trusting.caFile = server->certFile();  // --cacert with the certificate itself
    TlsEnginePair ok(Context::client(trusting), server);
    QVERIFY(ok.handshake());
    QVERIFY(ok.client->info().verified);
    QCOMPARE(ok.client->info().chain.front().sha256, server->ownCertificate().sha256);
    // Against the system store: refused, and the reason is that it is self-signed.
    TlsEnginePair refused(Context::client(ClientOptions{}), server);
    QVERIFY(!refused.handshake());
    QVERIFY(refused.clientError);
    QCOMPARE(refused.clientError->info().tls, TlsProblem::SelfSigned);
}

SOCKWB_TEST_GUILESS_MAIN(tst_SelfSigned)
#include "tst_selfsigned.moc"
