#include "app/cli/serveprinter.h"

#include <QCoreApplication>
#include <cstdio>

#include "app/cli/clitext.h"
#include "app/cli/jsonline.h"
#include "app/cli/sockoptlines.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

JsonLine connectionJson(const char* event, const ConnectionInfo& info) {
    JsonLine j;
    j.add("event", event)
        .add("id", info.id)
        .add("listener", info.listener)
        .add("peer", info.peer.toString())
        .add("fd", info.fd)
        .add("pid", info.pid)
        .add("tid", info.tid)
        .add("bytesIn", info.bytesIn)
        .add("bytesOut", info.bytesOut);
    if (!info.tls.empty()) j.add("tls", info.tls);
    return j;
}

}  // namespace

void ServePrinter::out(const std::string& line) {
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void ServePrinter::err(const std::string& line) {
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void ServePrinter::listening(const std::string& protocol, const Address& address,
                             const std::string& model, const std::string& service,
                             const std::string& io, int loops) {
    if (json_) {
        JsonLine j;
        j.add("event", "listening").add("protocol", protocol).add("address", address.toString());
        if (address.isUnix())
            j.add("path", address.unixName());  // a Unix socket has a path, no port
        else
            j.add("port", static_cast<int>(address.port()));
        j.add("model", model).add("service", service).add("loops", loops);
        if (!io.empty()) j.add("io", io);
        out(j.str());
    } else {
        // The words before "model=" are read by scripts: keep them in a translation.
        // io (blocking models) and loops (epoll, io_uring) never come together.
        QString ioWord = io.empty() ? QString() : QStringLiteral(" io=") + q(io);
        if (loops > 1) ioWord += QStringLiteral(" loops=%1").arg(loops);
        out(utf8(QCoreApplication::translate("sockwb::app::serve",
                                             "listening %1 %2%3 model=%4 service=%5")
                     .arg(q(protocol), q(address.toString()), ioWord, q(model), q(service))));
    }
}

void ServePrinter::stopped() {
    if (json_)
        out(JsonLine().add("event", "stopped").str());
    else if (verbose_)
        out(utf8(QCoreApplication::translate("sockwb::app::serve", "stopped")));
}

void ServePrinter::showSockopts(std::function<std::vector<SockoptReadback>()> readback) {
    readback_ = std::move(readback);
}

bool ServePrinter::printSockopts(bool accepted) {
    if (!readback_) return false;
    bool any = false;
    for (const auto& r : readback_()) {
        if (r.accepted != accepted) continue;
        out(json_ ? sockoptJson(r) : sockoptLine(r));
        any = true;
    }
    return any;
}

void ServePrinter::listenerSockopts() { printSockopts(false); }

void ServePrinter::tlsCertificate(const tls::CertificateInfo& cert, const std::string& certFile,
                                  bool selfSigned) {
    std::string sans;
    std::string sansJson = "[";
    for (const auto& san : cert.sans) {
        sans += (sans.empty() ? "" : ", ") + san;
        sansJson += (sansJson.size() > 1 ? "," : "") + JsonLine::quote(san);
    }
    sansJson += "]";
    const size_t slash = certFile.rfind('/');
    const std::string folder =
        slash == std::string::npos ? std::string(".") : certFile.substr(0, slash);
    if (json_) {
        JsonLine j;
        j.add("event", "tls")
            .add("subject", cert.subject)
            .addRaw("sans", sansJson)
            .add("sha256", cert.sha256)
            .add("notAfter", cert.notAfter)
            .add("certFile", certFile)
            .add("selfSigned", selfSigned);
        if (selfSigned) j.add("folder", folder);
        out(j.str());
        return;
    }
    out(utf8(QCoreApplication::translate("sockwb::app::serve", "tls certificate %1 (SANs: %2)")
                 .arg(q(cert.subject), q(sans.empty() ? std::string("none") : sans))));
    out(utf8(
        QCoreApplication::translate("sockwb::app::serve", "tls sha256 %1").arg(q(cert.sha256))));
    if (selfSigned)
        out(utf8(QCoreApplication::translate(
                     "sockwb::app::serve",
                     "tls file %1 (self-signed for localhost, kept in %2; a client trusts it "
                     "with --cacert %1)")
                     .arg(q(certFile), q(folder))));
    else
        out(utf8(
            QCoreApplication::translate("sockwb::app::serve", "tls file %1").arg(q(certFile))));
}

void ServePrinter::onConnectionOpened(const ConnectionInfo& info) {
    if (readback_) {
        std::lock_guard lock(acceptedMutex_);
        if (!acceptedShown_) acceptedShown_ = printSockopts(true);
    }
    if (json_)
        out(connectionJson("opened", info).str());
    else if (verbose_)
        out(utf8(QCoreApplication::translate("sockwb::app::serve", "opened #%1 %2 on %3")
                     .arg(QString::number(info.id), q(info.peer.toString()), q(info.listener))));
}

void ServePrinter::onConnectionClosed(const ConnectionInfo& info) {
    if (json_) {
        out(connectionJson("closed", info).str());
    } else if (verbose_) {
        const QString tls = info.tls.empty() ? QString() : QStringLiteral(" tls=") + q(info.tls);
        out(utf8(QCoreApplication::translate("sockwb::app::serve", "closed #%1 %2 in=%3 out=%4%5")
                     .arg(QString::number(info.id), q(info.peer.toString()),
                          QString::number(info.bytesIn), QString::number(info.bytesOut), tls)));
    }
}

void ServePrinter::onConnectionTls(uint64_t connectionId, const std::string& summary) {
    if (json_)
        out(JsonLine()
                .add("event", "tls-established")
                .add("id", connectionId)
                .add("tls", summary)
                .str());
    else if (verbose_)
        out(utf8(QCoreApplication::translate("sockwb::app::serve", "tls #%1 %2")
                     .arg(QString::number(connectionId), q(summary))));
}

void ServePrinter::onLog(const std::string& text) {
    if (json_)
        out(JsonLine().add("event", "log").add("text", text).str());
    else if (verbose_)
        out(utf8(QCoreApplication::translate("sockwb::app::serve", "log: %1").arg(q(text))));
}

void ServePrinter::onError(const ErrorInfo& error) {
    const std::string message = Error(error).what();
    if (json_) {
        out(JsonLine()
                .add("event", "error")
                .add("call", error.call)
                .add("errno", error.err ? errnoName(error.err) : std::string())
                .add("address", error.address)
                .add("message", message)
                .str());
    } else {
        err("sockwb serve: " + utf8(errorText(Error(error))));
    }
}

void ServePrinter::onTrace(const TraceEvent& event) {
    if (json_) {
        out(JsonLine().add("event", "trace").addRaw("trace", event.toJson()).str());
    } else {
        err("[pid " + std::to_string(event.pid) + " tid " + std::to_string(event.tid) + "] " +
            event.toLine());
    }
}

}  // namespace sockwb::app
