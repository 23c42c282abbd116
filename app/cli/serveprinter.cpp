#include "app/cli/serveprinter.h"

#include <cstdio>

#include "app/cli/jsonline.h"
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
                             const std::string& io) {
    if (json_) {
        JsonLine j;
        j.add("event", "listening")
            .add("protocol", protocol)
            .add("address", address.toString())
            .add("port", static_cast<int>(address.port()))
            .add("model", model)
            .add("service", service);
        if (!io.empty()) j.add("io", io);
        out(j.str());
    } else {
        out("listening " + protocol + " " + address.toString() +
            (io.empty() ? std::string() : " io=" + io) + " model=" + model + " service=" + service);
    }
}

void ServePrinter::stopped() {
    if (json_)
        out(JsonLine().add("event", "stopped").str());
    else if (verbose_)
        out("stopped");
}

void ServePrinter::onConnectionOpened(const ConnectionInfo& info) {
    if (json_)
        out(connectionJson("opened", info).str());
    else if (verbose_)
        out("opened #" + std::to_string(info.id) + " " + info.peer.toString() + " on " +
            info.listener);
}

void ServePrinter::onConnectionClosed(const ConnectionInfo& info) {
    if (json_) {
        out(connectionJson("closed", info).str());
    } else if (verbose_) {
        out("closed #" + std::to_string(info.id) + " " + info.peer.toString() +
            " in=" + std::to_string(info.bytesIn) + " out=" + std::to_string(info.bytesOut));
    }
}

void ServePrinter::onLog(const std::string& text) {
    if (json_)
        out(JsonLine().add("event", "log").add("text", text).str());
    else if (verbose_)
        out("log: " + text);
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
        err("sockwb serve: " + message);
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
