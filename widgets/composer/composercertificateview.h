#pragma once
// ComposerCertificateView: the response view's Certificate tab. For an
// https:// exchange, the session the handshake agreed (version, cipher,
// ALPN, SNI, resumed or not), the verification result (green "Verified" or
// the reason in red, also when "Verify certificate" was off) and the
// server's chain, leaf first: subject, issuer, SANs, validity (expired or
// not yet valid in red), key, signature algorithm, serial and SHA-256
// fingerprint, all selectable, the leaf's fingerprint copyable with a
// button. For http:// it says there is no certificate. Plain data in
// (tls::SessionInfo); no OpenSSL call here.

#include <QWidget>

#include "core/tls/tlsengine.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace sockwb {

class ComposerCertificateView final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerCertificateView(QWidget* parent = nullptr);

    // An https:// exchange: its session and chain.
    void showSession(const tls::SessionInfo& session);
    // An http:// exchange: "Plain HTTP: no certificate".
    void showPlain();
    // No exchange to show (none yet, or it failed before a response): why.
    void showNothing(const QString& why, bool isError = false);

    // True while a session is shown.
    bool hasSession() const { return hasSession_; }
    // The leaf's SHA-256 fingerprint ("AB:CD:..."), "" when none.
    QString leafFingerprint() const { return leafFingerprint_; }
    // Copies leafFingerprint() to the clipboard.
    void copyFingerprint();

    QLabel* sessionLabel() const { return session_; }
    QLabel* verificationLabel() const { return verification_; }
    QTextBrowser* chainView() const { return chain_; }
    QPushButton* copyButton() const { return copy_; }
    QLabel* noteLabel() const { return note_; }

private:
    QStackedWidget* stack_;
    QLabel* note_;
    QLabel* session_;
    QLabel* verification_;
    QTextBrowser* chain_;
    QPushButton* copy_;
    QString leafFingerprint_;
    bool hasSession_ = false;
};

}  // namespace sockwb
