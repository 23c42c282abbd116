#include "app/cli/optionreader.h"

#include <charconv>

#include "core/net/error.h"

namespace sockwb::app {

std::string OptionReader::next() {
    std::string arg = args_.at(pos_++);
    hasInline_ = false;
    inlineValue_.clear();
    const size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
        inlineValue_ = arg.substr(eq + 1);
        hasInline_ = true;
        arg.resize(eq);
    }
    option_ = arg;
    return arg;
}

std::string OptionReader::value() {
    if (hasInline_) {
        hasInline_ = false;
        return inlineValue_;
    }
    if (atEnd()) throw Error::invalid(option_ + " needs a value");
    return args_[pos_++];
}

int64_t OptionReader::intValue(int64_t min, int64_t max) {
    const std::string v = value();
    int64_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size())
        throw Error::invalid(option_ + ": '" + v + "' is not a number");
    if (n < min || n > max)
        throw Error::invalid(option_ + ": " + v + " is out of range",
                             "expected " + std::to_string(min) + " to " + std::to_string(max));
    return n;
}

void OptionReader::flag() {
    if (hasInline_) throw Error::invalid(option_ + " takes no value");
}

}  // namespace sockwb::app
