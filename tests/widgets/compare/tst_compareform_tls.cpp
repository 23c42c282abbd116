// The Compare panel's "Over TLS": offered for the TCP workloads, disabled
// with the reason for UDP; a TLS run gives every model's server
// ServerConfig::tls and the load TLS on every connection (not verified:
// the workbench's own self-signed certificate; no resumption, so each new
// connection is a full handshake), and its files a "-tls" name.

#include <QCheckBox>
#include <QComboBox>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/compare/compareconfig.h"
#include "widgets/compare/compareform.h"

using namespace sockwb;

class tst_CompareFormTls : public QObject {
    Q_OBJECT

private slots:
    void offeredForTcpWorkloads() {
        CompareForm form;
        auto* tls = form.findChild<QCheckBox*>(QStringLiteral("tlsCheck"));
        auto* workload = form.findChild<QComboBox*>(QStringLiteral("workloadCombo"));
        QVERIFY(tls && workload);
        QVERIFY(!form.config().tls);
        tls->setChecked(true);
        for (int i = 0; i < workload->count(); ++i) {
            workload->setCurrentIndex(i);
            const auto w = static_cast<CompareWorkload>(workload->currentData().toInt());
            const bool tcp = CompareConfig::protocolOf(w) == Protocol::Tcp;
            QCOMPARE(tls->isEnabled(), tcp);
            QCOMPARE(form.config().tls, tcp);
            if (!tcp) QVERIFY(tls->toolTip().contains(QStringLiteral("TCP")));
        }
        CompareConfig c;
        c.tls = true;
        c.workload = CompareWorkload::TcpEcho;
        form.setConfig(c);
        QVERIFY(tls->isChecked());
        QVERIFY(form.config().tls);
    }

    void serverAndLoadOverTls() {
        CompareConfig c;
        c.workload = CompareWorkload::HttpNewConnection;
        c.tls = true;
        const ServerConfig server = c.serverConfig(QStringLiteral("epoll"));
        QVERIFY(server.tls);
        QVERIFY(server.tlsOptions.certFile.empty());  // the self-signed one
        const load::LoadConfig load = c.loadConfig(Address::fromIp("127.0.0.1", 8443));
        QVERIFY(load.target.tls);
        QCOMPARE(load.target.serverName, std::string("localhost"));
        QVERIFY(load.tlsOptions.insecure);
        QVERIFY(!load.tlsOptions.resumeSessions);
        QCOMPARE(c.fileKey(), QStringLiteral("http-close-tls"));
        // UDP stays plain whatever the box said.
        c.workload = CompareWorkload::UdpEcho;
        QVERIFY(!c.serverConfig(QStringLiteral("epoll")).tls);
        QVERIFY(!c.loadConfig(Address::fromIp("127.0.0.1", 8443)).target.tls);
        QCOMPARE(c.fileKey(), QStringLiteral("udp-echo"));
        // Plain runs keep their names and configs.
        c.workload = CompareWorkload::TcpEcho;
        c.tls = false;
        QVERIFY(!c.serverConfig(QStringLiteral("epoll")).tls);
        QVERIFY(!c.loadConfig(Address::fromIp("127.0.0.1", 8443)).target.tls);
        QCOMPARE(c.fileKey(), QStringLiteral("tcp-echo"));
    }
};

SOCKWB_TEST_MAIN(tst_CompareFormTls)
#include "tst_compareform_tls.moc"
