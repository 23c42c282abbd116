#include "app/cli/relayinput.h"

#include <sstream>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/relayfaults.h"
#include "app/cli/relayprinter.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

// A line longer than this without a newline is handled as it is (and refused).
constexpr size_t kMaxLine = 64 * 1024;

constexpr const char* kLiveHelp =
    "live commands: fault options as on the command line ('--latency 200 --direction up', "
    "'--drop 0.1', '--reset-after off'), 'stats', 'clear [--direction up|down|both]', 'help'";

std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

size_t index(RelayDirection d) { return d == RelayDirection::Up ? 0 : 1; }

}  // namespace

RelayInput::RelayInput(Relay& relay, RelayPrinter& printer, const RelayConfig& config)
    : relay_(relay),
      printer_(printer),
      protocol_(config.protocol),
      faults_{config.up, config.down} {}

void RelayInput::feed(std::string_view bytes) {
    pending_.append(bytes);
    size_t start = 0;
    for (size_t nl; (nl = pending_.find('\n', start)) != std::string::npos; start = nl + 1)
        handle(pending_.substr(start, nl - start));
    pending_.erase(0, start);
    if (pending_.size() > kMaxLine) finish();
}

void RelayInput::finish() {
    if (!pending_.empty()) handle(pending_);
    pending_.clear();
}

void RelayInput::handle(const std::string& line) {
    const std::vector<std::string> w = words(line);
    if (w.empty() || w.front().front() == '#') return;
    try {
        if (w.front() == "stats" && w.size() == 1)
            printer_.stats(relay_.stats(), false);
        else if (w.front() == "help" && w.size() == 1)
            printer_.note(kLiveHelp);
        else if (w.front() == "clear")
            clear(w);
        else
            change(w);
    } catch (const Error& e) {
        printer_.badInput(line, utf8(errorText(e)));
    }
}

void RelayInput::change(const std::vector<std::string>& w) {
    CommandParser p("relay");
    declareFaultOptions(p);
    p.parse(w);
    if (p.helpAsked()) {
        printer_.note(kLiveHelp);
        return;
    }
    if (const auto extra = p.positional(); !extra.empty())
        throw Error::invalid("unexpected word '" + extra.front() + "'", kLiveHelp);
    if (!anyFaultOption(p)) throw Error::invalid("no fault option on the line", kLiveHelp);
    const std::vector<RelayDirection> directions = faultDirections(p);
    // Every direction checked before any is changed.
    DirectionFaults changed[2] = {faults_[0], faults_[1]};
    for (RelayDirection d : directions) applyFaultOptions(p, changed[index(d)]);
    for (const std::string& option : ignoredFaultOptions(p, protocol_))
        printer_.note(option + " does not apply to a " + protocolName(protocol_) +
                      " relay: ignored");
    for (RelayDirection d : directions) {
        faults_[index(d)] = changed[index(d)];
        relay_.setFaults(d, faults_[index(d)]);
        printer_.faults(d, faults_[index(d)]);
    }
}

void RelayInput::clear(const std::vector<std::string>& w) {
    CommandParser p("relay");
    p.addValue({"direction"});
    p.parse(std::vector<std::string>(w.begin() + 1, w.end()));
    if (p.helpAsked()) {
        printer_.note(kLiveHelp);
        return;
    }
    if (const auto extra = p.positional(); !extra.empty())
        throw Error::invalid("unexpected word '" + extra.front() + "'", kLiveHelp);
    for (RelayDirection d : faultDirections(p)) {
        faults_[index(d)] = DirectionFaults{};
        relay_.setFaults(d, faults_[index(d)]);
        printer_.faults(d, faults_[index(d)]);
    }
}

}  // namespace sockwb::app
