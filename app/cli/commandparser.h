#pragma once
// The one option parser of the sub-commands: QCommandLineParser underneath
// (options anywhere among the positional words, "--opt value",
// "--opt=value", compacted short flags such as -iL, "--" ends the options),
// with the project's wording on top. A sub-command declares its options, then
// reads typed values; every bad input throws sockwb::Error (InvalidInput)
// whose text names the option, the value and what is expected, so each
// command prints "sockwb SUB: <what>" and exits 2.
//
// What is written here rather than taken from Qt, and why:
// - the help texts: each sub-command prints its own text, unchanged, because
//   the man page and the bash completion are generated from it
//   (QCommandLineParser::helpText() has another layout);
// - the messages of a missing value and of a value given to a flag: Qt words
//   them as one sentence without a code; parse() finds which argument Qt
//   refused (only the last one can lack its value) and words it as the other
//   CLI errors ("--port needs a value");
// - the range checks of numbers, which QCommandLineParser does not have.
// Arguments keep their bytes: they go through QString as Latin-1 and back.
// One instance per parse; not thread-safe.

#include <QCommandLineParser>
#include <QStringList>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "core/net/error.h"

namespace sockwb::app {

class CommandParser {
public:
    // `command` is the sub-command's name, used in "see sockwb <command> --help".
    // -h/--help is declared here.
    explicit CommandParser(std::string command);

    // Declares an option that takes a value (the last one wins; values() has
    // them all, for repeatable options) or a flag. Names as QCommandLineOption
    // takes them: {"c", "connections"}. Messages use the longest name.
    void addValue(const QStringList& names);
    void addFlag(const QStringList& names);

    // Parses the arguments after the sub-command's name. Throws Error
    // (InvalidInput) for an unknown option, a missing value or a value given
    // to a flag, unless -h/--help was given: then helpAsked() is true and the
    // rest is not checked.
    void parse(const Args& args);
    bool helpAsked() const { return help_; }

    bool isSet(const QString& name) const;
    // The last value given ("" when the option is absent).
    std::string value(const QString& name) const;
    std::vector<std::string> values(const QString& name) const;
    std::vector<std::string> positional() const;
    // The value as a whole number in [min, max]; `fallback` when absent.
    int64_t integer(const QString& name, int64_t min, int64_t max, int64_t fallback) const;
    // The value as a decimal number in [min, max]; `fallback` when absent.
    double number(const QString& name, double min, double max, double fallback) const;
    // The value as a size in bytes (parseSize) up to max; `fallback` when absent.
    uint64_t size(const QString& name, uint64_t max, uint64_t fallback) const;
    // "--connections": how messages name the option.
    std::string display(const QString& name) const;
    // "see sockwb <command> --help".
    std::string seeHelp() const;

private:
    void remember(const QStringList& names);
    Error refusal(const Args& args) const;

    std::string command_;
    QCommandLineParser parser_;
    std::map<QString, std::string> display_;  // every name -> "--longest"
    bool help_ = false;
};

// `text` as a whole number in [min, max]; `option` names it in the message
// ("--port: 'x' is not a number", "--threads: 0 is out of range").
int64_t parseInteger(const std::string& option, const std::string& text, int64_t min, int64_t max);
// `text` as a decimal number (3, 0.5, 1e6) in [min, max], same messages.
double parseNumber(const std::string& option, const std::string& text, double min, double max);

// `text` as a size in bytes up to max: a whole number, optionally followed
// by K, M or G (binary: 64M is 64 MiB; "KiB", "MB"... read the same), same
// messages.
uint64_t parseSize(const std::string& option, const std::string& text, uint64_t max);

}  // namespace sockwb::app
