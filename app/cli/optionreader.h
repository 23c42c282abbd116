#pragma once
// Walks a sub-command's arguments: options with values ("--port 8080" or
// "--port=8080"), flags and positional words. Bad input throws
// sockwb::Error (InvalidInput) whose text names the option, so each command
// prints it and exits 2. One instance per parse; not thread-safe.

#include <cstdint>
#include <string>

#include "app/cli/commands.h"

namespace sockwb::app {

class OptionReader {
public:
    explicit OptionReader(const Args& args) : args_(args) {}

    // True once every argument was taken.
    bool atEnd() const { return pos_ >= args_.size(); }
    // Takes the next argument. For "--name=value" returns "--name" and keeps
    // the value for value(). Precondition: !atEnd().
    std::string next();
    // The value of the option just taken by next(): its "=value" part or the
    // following argument. Throws when there is none.
    std::string value();
    // value() as an integer in [min, max]; the message names the option.
    int64_t intValue(int64_t min, int64_t max);
    // Throws unless the option just taken had no "=value" part (a flag).
    void flag();

private:
    const Args& args_;
    size_t pos_ = 0;
    std::string option_;       // the option being read
    std::string inlineValue_;  // its "=value" part
    bool hasInline_ = false;
};

}  // namespace sockwb::app
