#include "app/cli/traceprinter.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstring>

#include "app/cli/jsonline.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

std::string explanationOf(const tracer::DecodedCall& call) {
    const TraceEvent& e = call.event;
    if (!e.err) return {};
    return explain(ErrorInfo{ErrorKind::System, e.call, e.err, 0, call.address, {}});
}

std::string signalName(int number) {
    const char* abbrev = sigabbrev_np(number);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(number);
}

}  // namespace

void TracePrinter::write(FILE* stream, const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

void TracePrinter::print(FILE* stream, const std::string& line) {
    std::lock_guard lock(mutex_);
    if (json_ && !started_)
        held_.emplace_back(stream, line);
    else
        write(stream, line);
}

std::string TracePrinter::textLine(const tracer::DecodedCall& call) {
    const TraceEvent& e = call.event;
    std::string line = "[pid " + std::to_string(e.pid);
    if (e.tid != e.pid) line += " tid " + std::to_string(e.tid);
    line += "] " + e.toLine();
    if (e.err) line += " — " + explanationOf(call);
    return line;
}

void TracePrinter::onCall(const tracer::DecodedCall& call) {
    if (!json_) {
        print(stderr, textLine(call));
        return;
    }
    JsonLine j;
    j.add("event", "trace").addRaw("trace", call.event.toJson());
    if (call.event.err) j.add("explanation", explanationOf(call));
    print(stdout, j.str());
}

void TracePrinter::started(const std::string& path, int pid) {
    if (!json_) return;
    std::lock_guard lock(mutex_);
    write(stdout, JsonLine().add("event", "start").add("program", path).add("pid", pid).str());
    for (const auto& [stream, line] : held_) write(stream, line);
    held_.clear();
    started_ = true;
}

void TracePrinter::output(const char* stream, std::string_view bytes) {
    if (json_) print(stdout, JsonLine().add("event", stream).add("text", bytes).str());
}

void TracePrinter::exited(int raw) {
    const bool signaled = WIFSIGNALED(raw);
    const int value = signaled ? WTERMSIG(raw) : WEXITSTATUS(raw);
    if (json_) {
        JsonLine j;
        j.add("event", "exit").add("status", signaled ? 128 + value : value);
        if (signaled) j.add("signal", signalName(value));
        print(stdout, j.str());
    } else {
        print(stderr, signaled ? "+++ killed by " + signalName(value) + " +++"
                               : "+++ exited with " + std::to_string(value) + " +++");
    }
}

// Notes are sockwb's own and never held: one may say why nothing started.
void TracePrinter::note(const std::string& text) {
    std::lock_guard lock(mutex_);
    if (json_)
        write(stdout, JsonLine().add("event", "note").add("text", text).str());
    else
        write(stderr, "sockwb trace: " + text);
}

}  // namespace sockwb::app
