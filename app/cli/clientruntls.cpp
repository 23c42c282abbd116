// `sockwb client --tls`: a tls::Engine between the client's own socket calls
// and stdin/stdout, as `openssl s_client -quiet` or `ncat --ssl` have it. The
// handshake runs right after connect with the same calls the rest of the run
// makes (blocking: send + recv bounded by SO_RCVTIMEO; poll: send + poll +
// recv), so --trace shows each record next to the send/recv that carried it.
// Its summary (version, cipher, ALPN, the server's certificate, SHA-256,
// verification) goes to stderr, or as a "tls" event with --json.

#include <QCoreApplication>
#include <algorithm>
#include <cerrno>

#include "app/cli/clientrun.h"
#include "app/cli/clitext.h"
#include "app/cli/jsonline.h"
#include "core/client/blockingconnect.h"
#include "core/net/error.h"
#include "core/net/sys.h"

namespace sockwb::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("sockwb::app::client", text); }

}  // namespace

std::string ClientRun::startTls(Socket& s, bool nonBlocking, Millis timeout) {
    const std::string name = o_.serverName.empty() ? o_.host : o_.serverName;
    tls_ = std::make_unique<tls::Engine>(tlsContext_, name, o_.host + ":" + o_.port);
    tls_->setTraceFd(s.fd());
    tls_->start();
    const auto deadline = Clock::now() + timeout;
    const auto gaveUp = [&] {
        return Error(withDetail(
            ErrorInfo{ErrorKind::Timeout, "SSL_connect", ETIMEDOUT, 0, target_.toString(), {}},
            DetailCode::GaveUpAfterMs, static_cast<uint64_t>(timeout.count())));
    };
    std::string buf(o_.recvSize, '\0');
    std::string early;  // application data right behind the server's Finished
    for (;;) {
        const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
        std::string out;
        if (tls_->takeOutput(out))
            s.sendAll(out, nonBlocking ? Millis(std::max<long long>(left, 1)) : Millis(-1));
        if (tls_->handshakeDone()) break;
        if (left <= 0) throw gaveUp();
        IoResult r;
        if (nonBlocking) {
            r = s.recv(buf.data(), buf.size(), Millis(left));
        } else {
            setSocketTimeout(s.fd(), SO_RCVTIMEO, Millis(left));
            r = s.recv(buf.data(), buf.size());
        }
        if (r.status == IoResult::TimedOut) throw gaveUp();
        if (r.status == IoResult::WouldBlock) continue;
        if (r.eof())
            throw Error::tlsFailure("SSL_connect", TlsProblem::HandshakeFailure,
                                    "the server closed the connection during the handshake",
                                    target_.toString());
        try {
            tls_->receive(std::string_view(buf.data(), r.bytes));
            tls_->read(early);
        } catch (const Error& e) {
            // Its alert (bad_certificate, unknown_ca...) tells the server why.
            std::string alert;
            if (tls_->takeOutput(alert))
                (void)sys::send(s.fd(), alert.data(), alert.size(), MSG_DONTWAIT);
            ErrorInfo info = e.info();
            if (info.address.empty()) info.address = target_.toString();
            throw Error(info);
        }
    }
    if (!nonBlocking) setSocketTimeout(s.fd(), SO_RCVTIMEO, Millis(0));
    printTlsSummary(tls_->info());
    return early;
}

void ClientRun::printTlsSummary(const tls::SessionInfo& info) const {
    const tls::CertificateInfo* leaf = info.chain.empty() ? nullptr : &info.chain.front();
    if (o_.json) {
        JsonLine line;
        line.add("event", "tls")
            .add("version", info.version)
            .add("cipher", info.cipher)
            .add("alpn", info.alpn)
            .add("server_name", info.serverName)
            .add("resumed", info.resumed);
        if (leaf)
            line.add("subject", leaf->subject)
                .add("issuer", leaf->issuer)
                .add("not_after", leaf->notAfter)
                .add("sha256", leaf->sha256);
        line.add("verify_result", static_cast<int64_t>(info.verifyResult))
            .add("verify", info.verifyText)
            .add("verified", info.verified);
        printOut(q(line.str()) + QLatin1Char('\n'));
        return;
    }
    const QString none = tr("none");
    printErr(tr("sockwb client: TLS %1, cipher %2, ALPN %3, %4\n")
                 .arg(q(info.version), q(info.cipher), info.alpn.empty() ? none : q(info.alpn),
                      info.resumed ? tr("session resumed") : tr("new session")));
    if (leaf) {
        printErr(tr("sockwb client: certificate %1, issued by %2, valid until %3\n")
                     .arg(q(leaf->subject), q(leaf->issuer), q(leaf->notAfter)));
        printErr(tr("sockwb client: SHA-256 fingerprint %1\n").arg(q(leaf->sha256)));
    } else {
        printErr(tr("sockwb client: the server presented no certificate\n"));
    }
    const QString words = q(info.verifyText.empty() ? std::string("ok") : info.verifyText);
    if (info.verified)
        printErr(tr("sockwb client: verification: %1 (the chain and the name %2)\n")
                     .arg(words, q(info.serverName.empty() ? o_.host : info.serverName)));
    else
        printErr(tr("sockwb client: verification: %1 (not enforced: --insecure)\n").arg(words));
}

std::string ClientRun::decrypt(std::string_view ciphertext) {
    std::string plain;
    tls_->receive(ciphertext);
    tls_->read(plain);
    tls_->takeOutput(wire_);  // a KeyUpdate answer, rarely anything
    return plain;
}

std::string ClientRun::encrypt(std::string_view plain) {
    std::string out;
    if (!plain.empty()) tls_->write(plain);
    tls_->takeOutput(out);
    return out;
}

bool ClientRun::sendQueuedTls(Socket& s) {
    for (;;) {
        while (!wire_.empty()) {
            const IoResult r = s.send(wire_);
            if (!r.ok()) return false;
            wire_.erase(0, r.bytes);
        }
        if (queue_.empty()) break;
        if (sentCount_ > 0 && o_.delayMs > 0 && Clock::now() < nextSendAt_) return false;
        wire_ = encrypt(queue_.front());
        queue_.pop_front();
        ++sentCount_;
        nextSendAt_ = Clock::now() + Millis(o_.delayMs);
    }
    if (!shutdownDone_ && o_.shutdownHow >= 0 && !o_.sends.empty()) {
        shutdownDone_ = true;
        shutdownSocket(s);
    }
    return true;
}

void ClientRun::closeNotify(Socket& s, int how) {
    if (!tls_ || how == SHUT_RD) return;
    tls_->close();
    std::string out;
    if (tls_->takeOutput(out)) s.sendAll(out);
}

}  // namespace sockwb::app
