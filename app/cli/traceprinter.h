#pragma once
// What `sockwb trace` prints: the traced program's calls (strace style on
// stderr, each failure followed by the workbench's plain-language
// explanation, or JSON lines on stdout with --json), its output in JSON mode,
// and how it ended. Called from the receiver thread, the output pump and the
// main thread: every method is thread-safe (one mutex orders the lines) and
// each line is flushed at once.

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/tracer/tracereceiver.h"

namespace sockwb::app {

class TracePrinter final : public tracer::TracedCallObserver {
public:
    explicit TracePrinter(bool json) : json_(json) {}

    void onCall(const tracer::DecodedCall& call) override;
    // The program started: "start" event (JSON only; text mode stays quiet).
    // The program runs from the spawn on, so its first calls may come before
    // this: in JSON mode lines are held until the "start" event is out.
    void started(const std::string& path, int pid);
    // A chunk of the program's stdout ("stdout") or stderr ("stderr"), JSON only.
    void output(const char* stream, std::string_view bytes);
    // "+++ exited with 0 +++" / "+++ killed by SIGINT +++", or the "exit" event.
    void exited(int rawStatus);
    // A remark of sockwb's own ("sockwb trace: ..."): stderr, or a "note" event.
    void note(const std::string& text);

    // The text line of one call, with its explanation when it failed.
    static std::string textLine(const tracer::DecodedCall& call);

private:
    void print(FILE* stream, const std::string& line);
    void write(FILE* stream, const std::string& line);  // mutex_ held

    bool json_;
    std::mutex mutex_;
    bool started_ = false;                             // JSON: the "start" event is out
    std::vector<std::pair<FILE*, std::string>> held_;  // JSON: lines before it
};

}  // namespace sockwb::app
