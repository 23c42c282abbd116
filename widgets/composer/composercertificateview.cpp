#include "widgets/composer/composercertificateview.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sockwb {

namespace {

const char* kGreen = "#2e7d32";
const char* kRed = "#c62828";

QString q(const std::string& s) { return QString::fromStdString(s); }
QString html(const std::string& s) { return q(s).toHtmlEscaped(); }

QString row(const QString& name, const QString& valueHtml) {
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), valueHtml);
}

QString red(const QString& textHtml) {
    return QStringLiteral("<span style='color:%1'><b>%2</b></span>").arg(kRed, textHtml);
}

}  // namespace

ComposerCertificateView::ComposerCertificateView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("certificateView"));
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("certificateNote"));
    note_->setAlignment(Qt::AlignCenter);
    note_->setWordWrap(true);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* page = new QWidget(this);
    session_ = new QLabel(page);
    session_->setObjectName(QStringLiteral("tlsSession"));
    session_->setTextFormat(Qt::RichText);
    session_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    session_->setWordWrap(true);
    verification_ = new QLabel(page);
    verification_->setObjectName(QStringLiteral("tlsVerification"));
    verification_->setTextFormat(Qt::RichText);
    verification_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verification_->setWordWrap(true);
    copy_ = new QPushButton(tr("Copy SHA-256 fingerprint"), page);
    copy_->setObjectName(QStringLiteral("copyFingerprint"));
    copy_->setToolTip(
        tr("Copy the server certificate's SHA-256 fingerprint, to compare it with "
           "the one the server shows"));
    chain_ = new QTextBrowser(page);
    chain_->setObjectName(QStringLiteral("certificateChain"));
    chain_->setOpenLinks(false);
    auto* top = new QHBoxLayout;
    top->addWidget(verification_, 1);
    top->addWidget(copy_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(session_);
    layout->addLayout(top);
    layout->addWidget(chain_, 1);

    stack_ = new QStackedWidget(this);
    stack_->addWidget(note_);
    stack_->addWidget(page);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);
    connect(copy_, &QPushButton::clicked, this, &ComposerCertificateView::copyFingerprint);
    showNothing(tr("Send an https:// request to see the server's certificate."));
}

void ComposerCertificateView::showNothing(const QString& why, bool isError) {
    hasSession_ = false;
    leafFingerprint_.clear();
    chain_->clear();
    note_->setText(why);
    note_->setStyleSheet(isError ? QStringLiteral("color: %1;").arg(QLatin1String(kRed))
                                 : QString());
    stack_->setCurrentWidget(note_);
}

void ComposerCertificateView::showPlain() {
    showNothing(
        tr("Plain HTTP: no certificate (the connection is not encrypted; use https:// "
           "for TLS)."));
}

void ComposerCertificateView::showSession(const tls::SessionInfo& s) {
    hasSession_ = true;
    const QString none = tr("none");
    session_->setText(
        tr("<b>Session:</b> %1 &nbsp; <b>Cipher:</b> %2 &nbsp; <b>ALPN:</b> %3 &nbsp; "
           "<b>Server name (SNI):</b> %4 &nbsp; <b>Resumed:</b> %5")
            .arg(html(s.version), html(s.cipher), s.alpn.empty() ? none : html(s.alpn),
                 s.serverName.empty() ? none : html(s.serverName),
                 s.resumed ? tr("yes (an earlier session was reused: no certificate exchange)")
                           : tr("no (full handshake)")));
    QString verdict;
    if (s.resumed && s.chain.empty() && s.verifyResult == 0)
        verdict = tr("Resumed session: the certificate was checked on the handshake that made "
                     "the session, and is not sent again.")
                      .toHtmlEscaped();
    else if (s.verified)
        verdict = QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                      .arg(QLatin1String(kGreen), tr("Verified").toHtmlEscaped()) +
                  QStringLiteral(" &mdash; ") +
                  tr("the chain leads to a trusted CA and names the host.").toHtmlEscaped();
    else if (s.verifyResult != 0)
        verdict = red(tr("Not verified: %1").arg(q(s.verifyText)).toHtmlEscaped()) +
                  QStringLiteral(" &mdash; ") +
                  tr("connected anyway because \"Verify certificate\" is off.").toHtmlEscaped();
    else
        verdict = tr("Not checked (\"Verify certificate\" is off); the chain would have verified.")
                      .toHtmlEscaped();
    verification_->setText(verdict);

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QString doc;
    for (std::size_t i = 0; i < s.chain.size(); ++i) {
        const tls::CertificateInfo& c = s.chain[i];
        const QString title = i == 0         ? tr("Certificate %1: the server's (leaf)").arg(i + 1)
                              : c.selfSigned ? tr("Certificate %1: a root CA").arg(i + 1)
                                             : tr("Certificate %1: an issuer").arg(i + 1);
        QString sans;
        for (const auto& san : c.sans)
            sans += (sans.isEmpty() ? QString() : QStringLiteral(", ")) + html(san);
        QString notBefore = html(c.notBefore), notAfter = html(c.notAfter);
        if (c.notBeforeEpoch > now)
            notBefore =
                red(notBefore + QStringLiteral(" ") + tr("(not valid yet)").toHtmlEscaped());
        if (c.notAfterEpoch != 0 && c.notAfterEpoch < now)
            notAfter = red(notAfter + QStringLiteral(" ") + tr("(expired)").toHtmlEscaped());
        doc += QStringLiteral("<h3>%1</h3><table>").arg(title.toHtmlEscaped());
        doc += row(tr("Subject"), html(c.subject));
        doc += row(tr("Issuer"),
                   html(c.issuer) + (c.selfSigned
                                         ? QStringLiteral(" ") + tr("(self-signed)").toHtmlEscaped()
                                         : QString()));
        doc += row(tr("Alternative names"), sans.isEmpty() ? none.toHtmlEscaped() : sans);
        doc += row(tr("Not before"), notBefore);
        doc += row(tr("Not after"), notAfter);
        doc += row(tr("Key"), html(c.key));
        doc += row(tr("Signature"), html(c.signature));
        doc += row(tr("Serial"), QStringLiteral("<tt>%1</tt>").arg(html(c.serial)));
        doc += row(tr("SHA-256"), QStringLiteral("<tt>%1</tt>").arg(html(c.sha256)));
        doc += QStringLiteral("</table>");
    }
    if (s.chain.empty())
        doc = tr("The server sent no certificate (a resumed session does not repeat it).")
                  .toHtmlEscaped();
    chain_->setHtml(doc);
    leafFingerprint_ = s.chain.empty() ? QString() : q(s.chain.front().sha256);
    copy_->setEnabled(!leafFingerprint_.isEmpty());
    stack_->setCurrentIndex(1);
}

void ComposerCertificateView::copyFingerprint() {
    if (!leafFingerprint_.isEmpty()) QApplication::clipboard()->setText(leafFingerprint_);
}

}  // namespace sockwb
