#include "widgets/client/tlssummary.h"

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

QString TlsSummary::agreed(const tls::SessionInfo& info) {
    return tr("TLS handshake done: %1, %2, ALPN %3, %4")
        .arg(q(info.version), q(info.cipher), info.alpn.empty() ? tr("none") : q(info.alpn),
             info.resumed ? tr("session resumed") : tr("new session"));
}

QString TlsSummary::certificate(const tls::SessionInfo& info) {
    QString text;
    if (info.chain.empty()) {
        text = tr("the server presented no certificate");
    } else {
        const tls::CertificateInfo& leaf = info.chain.front();
        text = tr("server certificate %1 (issued by %2, valid until %3), SHA-256 %4")
                   .arg(q(leaf.subject), q(leaf.issuer), q(leaf.notAfter), q(leaf.sha256));
    }
    const QString result = q(info.verifyText.empty() ? std::string("ok") : info.verifyText);
    if (info.verified) return tr("%1; verified").arg(text);
    return tr("%1; not verified: %2 (Verify certificate is off)").arg(text, result);
}

QString TlsSummary::brief(const tls::SessionInfo& info) {
    return QStringLiteral("%1, %2").arg(q(info.version), q(info.cipher));
}

}  // namespace sockwb
