// `sockwb client --io blocking` (the default with --send): the course's
// client, call by call. TCP: socket, [bind], connect (blocking, bounded by
// SO_SNDTIMEO), one send() per --send, [shutdown], then recv until done.
// UDP: socket, [bind], one sendto() per --send, then recvfrom from any
// sender. The idle timeout is SO_RCVTIMEO: a recv that waits too long fails
// with EAGAIN, which ends the run as the poll loop's timeout does. --tls:
// the handshake after connect, then each --send is encrypted before its
// send() and each recv decrypted (clientruntls.cpp).

#include <QCoreApplication>
#include <cerrno>
#include <cstdio>

#include "app/cli/clientrun.h"
#include "app/cli/clitext.h"
#include "core/client/blockingconnect.h"
#include "core/net/error.h"

namespace sockwb::app {

int ClientRun::runTcpBlocking() {
    const Millis connectTimeout(waitLeft(o_.timeoutMs > 0 ? o_.timeoutMs : 10000));
    const std::vector<Address> addresses = resolveTarget();
    Socket s;
    for (size_t i = 0; i < addresses.size(); ++i) {
        target_ = addresses[i];
        s = openSocket(target_, SOCK_STREAM, false);
        try {
            // The send timeout stays: a send the server never makes room
            // for (it does not read) fails instead of hanging.
            connectBlocking(s.fd(), target_, connectTimeout, true);
            restoreSendTimeout(s);
            break;
        } catch (const Error&) {
            if (i + 1 == addresses.size()) throw;  // the last error wins
        }
    }
    reportConnected(s);
    if (o_.tls) {
        const std::string early =
            startTls(s, false, Millis(waitLeft(o_.timeoutMs > 0 ? o_.timeoutMs : 10000)));
        if (!early.empty() && deliver(early, target_)) return 0;
    }
    for (size_t i = 0; i < o_.sends.size(); ++i) {
        pauseBeforeSend(i);
        const std::string records = tls_ ? encrypt(o_.sends[i]) : std::string();
        std::string_view rest = tls_ ? std::string_view(records) : std::string_view(o_.sends[i]);
        do {  // one send() per message, more only when the kernel took part of it
            const IoResult r = s.send(rest);
            if (!r.ok()) {
                ErrorInfo info{ErrorKind::Timeout, "send", ETIMEDOUT, 0, target_.toString(), {}};
                info = withDetail(info, DetailCode::BytesUnsent, rest.size());
                printErr(QCoreApplication::translate(
                    "sockwb::app::client",
                    "sockwb client: the server does not read what is sent (it may be "
                    "waiting for its answers to be read): try --io poll\n"));
                throw Error(info);
            }
            rest.remove_prefix(r.bytes);
        } while (!rest.empty());
    }
    shutdownSocket(s);
    return receiveBlocking(s);
}

void ClientRun::restoreSendTimeout(const Socket& s) const {
    if (const SockoptSetting* snd = findSetting(o_.sockopts, "SO_SNDTIMEO"))
        setSocketTimeout(s.fd(), SO_SNDTIMEO, Millis(snd->value));
}

int ClientRun::runUdpBlocking() {
    target_ = resolveTarget().front();
    Socket s = openSocket(target_, SOCK_DGRAM, false);
    for (size_t i = 0; i < o_.sends.size(); ++i) {
        pauseBeforeSend(i);
        s.sendTo(o_.sends[i], target_);
    }
    shutdownSocket(s);
    return receiveBlocking(s);
}

int ClientRun::receiveBlocking(Socket& s) {
    const int idle = idleTimeout();
    const bool maxTime = o_.maxTimeMs > 0;
    if (idle > 0 && !maxTime) setSocketTimeout(s.fd(), SO_RCVTIMEO, Millis(idle));
    std::string buf(o_.recvSize, '\0');
    for (;;) {
        if (maxTime) {
            // Each recv may wait only for what is left of --max-time.
            if (pastDeadline()) return maxTimeReached();
            setSocketTimeout(s.fd(), SO_RCVTIMEO, Millis(waitLeft(idle)));
        }
        if (o_.udp) {
            // Any sender: a course's UDP server may answer from another port.
            const auto d = s.recvFrom(buf.data(), buf.size());
            if (!d) return pastDeadline() ? maxTimeReached() : timedOut();  // SO_RCVTIMEO expired
            if (deliverDatagram(buf, *d)) return 0;
            continue;
        }
        const IoResult r = s.recv(buf.data(), buf.size());
        if (r.status == IoResult::TimedOut) return pastDeadline() ? maxTimeReached() : timedOut();
        if (r.eof()) return closedEarly();
        std::string_view got(buf.data(), r.bytes);
        std::string plain;
        if (tls_) {
            got = plain = decrypt(got);
            if (!wire_.empty()) s.sendAll(wire_);
            wire_.clear();
        }
        if (!got.empty() && deliver(got, target_)) return 0;
    }
}

}  // namespace sockwb::app
