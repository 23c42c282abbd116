#pragma once
// RelayInput: the lines typed on stdin while `sockwb relay` runs. Each line
// is a set of the command line's fault options ("--latency 200 --direction
// up", "--drop 0.1"), applied at once with Relay::setFaults over the faults
// in force (the options not given keep their values) and echoed ("faults
// up: latency 200 ms"); "stats" prints the counters, "clear [--direction
// D]" removes the faults, "help" lists the words. A wrong line is refused
// with the parser's message and nothing changes. Main thread only.

#include <string>
#include <string_view>
#include <vector>

#include "core/relay/relay.h"

namespace sockwb::app {

class RelayPrinter;

class RelayInput {
public:
    // config: the faults in force at the start. relay and printer outlive this.
    RelayInput(Relay& relay, RelayPrinter& printer, const RelayConfig& config);

    // Bytes read from stdin: each complete line is handled now.
    void feed(std::string_view bytes);
    // Stdin ended: a last line without its newline is handled.
    void finish();

    // One line (without its newline).
    void handle(const std::string& line);

private:
    void change(const std::vector<std::string>& words);
    void clear(const std::vector<std::string>& words);

    Relay& relay_;
    RelayPrinter& printer_;
    Protocol protocol_;
    DirectionFaults faults_[2];  // in force: [0] up, [1] down
    std::string pending_;        // a line not ended yet
};

}  // namespace sockwb::app
