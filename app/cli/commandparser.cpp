#include "app/cli/commandparser.h"

#include <QCoreApplication>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/cli/clitext.h"

namespace sockwb::app {

namespace {

// Arguments are bytes (a --send text may not be UTF-8): Latin-1 maps each
// byte to one QChar and back, and option names are ASCII.
QString fromBytes(const std::string& s) {
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

std::string toBytes(const QString& s) { return s.toLatin1().toStdString(); }

// 3, 0.001, 1000000000000000: bounds as a user would write them.
std::string numberText(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e18) return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The sentences QCommandLineParser words its refusals with, as it
// translates them. Qt's texts, not ours: they are held in variables so that
// lupdate leaves them out of the project's catalogue.
constexpr const char* kMissingValue = "Missing value after '%1'.";
constexpr const char* kUnexpectedValue = "Unexpected value after '%1'.";
QString qtSentence(const char* source, const QString& argument) {
    return QCoreApplication::translate("QCommandLineParser", source).arg(argument);
}

Error notANumber(const std::string& option, const std::string& text) {
    return Error::invalid(
        utf8(QCoreApplication::translate("sockwb::app::CommandParser", "%1: '%2' is not a number")
                 .arg(q(option), q(text))));
}

Error outOfRange(const std::string& option, const std::string& text, const std::string& min,
                 const std::string& max) {
    return Error::invalid(
        utf8(QCoreApplication::translate("sockwb::app::CommandParser", "%1: %2 is out of range")
                 .arg(q(option), q(text))),
        utf8(QCoreApplication::translate("sockwb::app::CommandParser", "expected %1 to %2")
                 .arg(q(min), q(max))));
}

}  // namespace

CommandParser::CommandParser(std::string command) : command_(std::move(command)) {
    parser_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser_.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    addFlag({"h", "help"});
}

void CommandParser::addValue(const QStringList& names) {
    // The value name only tells QCommandLineParser that a value follows.
    parser_.addOption(QCommandLineOption(names, QString(), QStringLiteral("value")));
    remember(names);
}

void CommandParser::addFlag(const QStringList& names) {
    parser_.addOption(QCommandLineOption(names));
    remember(names);
}

void CommandParser::remember(const QStringList& names) {
    QString longest;
    for (const QString& n : names)
        if (n.size() > longest.size()) longest = n;
    for (const QString& n : names)
        display_[n] = (longest.size() > 1 ? "--" : "-") + toBytes(longest);
}

void CommandParser::parse(const Args& args) {
    QStringList list{fromBytes("sockwb " + command_)};  // Qt skips the program name
    for (const std::string& a : args) list << fromBytes(a);
    const bool ok = parser_.parse(list);
    help_ = parser_.isSet(QStringLiteral("help"));
    if (!ok && !help_) throw refusal(args);
}

// QCommandLineParser keeps the unknown names (without their dashes) and
// words the other refusals in a sentence naming the argument: rebuild that
// sentence for each candidate to know which argument it was.
Error CommandParser::refusal(const Args& args) const {
    const QStringList unknown = parser_.unknownOptionNames();
    if (!unknown.isEmpty()) {
        const std::string name = toBytes(unknown.first());
        std::string typed = (name.size() > 1 ? "--" : "-") + name;
        for (const std::string& a : args)
            if (a == "--" + name || a.rfind("--" + name + "=", 0) == 0) typed = "--" + name;
        return Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::CommandParser", "unknown option '%1'")
                     .arg(q(typed))),
            seeHelp());
    }
    const QString error = parser_.errorText();
    for (const std::string& a : args) {
        const QString arg = fromBytes(a);
        if (error == qtSentence(kMissingValue, arg)) {
            // "--port" or the last letter of "-io".
            const QString name = a.rfind("--", 0) == 0 ? arg.mid(2) : arg.right(1);
            return Error::invalid(
                utf8(QCoreApplication::translate("sockwb::app::CommandParser", "%1 needs a value")
                         .arg(q(display(name)))));
        }
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (eq > 0 && error == qtSentence(kUnexpectedValue, arg.left(eq))) {
            const QString name = a.rfind("--", 0) == 0 ? arg.mid(2, eq - 2) : arg.mid(eq - 1, 1);
            return Error::invalid(
                utf8(QCoreApplication::translate("sockwb::app::CommandParser", "%1 takes no value")
                         .arg(q(display(name)))));
        }
    }
    return Error::invalid(toBytes(error), seeHelp());
}

bool CommandParser::isSet(const QString& name) const { return parser_.isSet(name); }

std::string CommandParser::value(const QString& name) const { return toBytes(parser_.value(name)); }

std::vector<std::string> CommandParser::values(const QString& name) const {
    std::vector<std::string> out;
    for (const QString& v : parser_.values(name)) out.push_back(toBytes(v));
    return out;
}

std::vector<std::string> CommandParser::positional() const {
    std::vector<std::string> out;
    for (const QString& v : parser_.positionalArguments()) out.push_back(toBytes(v));
    return out;
}

int64_t CommandParser::integer(const QString& name, int64_t min, int64_t max,
                               int64_t fallback) const {
    return isSet(name) ? parseInteger(display(name), value(name), min, max) : fallback;
}

uint64_t CommandParser::size(const QString& name, uint64_t max, uint64_t fallback) const {
    return isSet(name) ? parseSize(display(name), value(name), max) : fallback;
}

double CommandParser::number(const QString& name, double min, double max, double fallback) const {
    return isSet(name) ? parseNumber(display(name), value(name), min, max) : fallback;
}

std::string CommandParser::display(const QString& name) const {
    const auto it = display_.find(name);
    if (it != display_.end()) return it->second;
    return (name.size() > 1 ? "--" : "-") + toBytes(name);
}

std::string CommandParser::seeHelp() const {
    return utf8(QCoreApplication::translate("sockwb::app::CommandParser", "see sockwb %1 --help")
                    .arg(q(command_)));
}

int64_t parseInteger(const std::string& option, const std::string& text, int64_t min, int64_t max) {
    int64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw notANumber(option, text);
    if (n < min || n > max)
        throw outOfRange(option, text, std::to_string(min), std::to_string(max));
    return n;
}

uint64_t parseSize(const std::string& option, const std::string& text, uint64_t max) {
    uint64_t n = 0;
    const char* const last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(text.data(), last, n);
    std::string unit(end, last);
    if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
    if (unit.size() == 2 && unit[1] == 'i') unit.pop_back();
    int shift = -1;
    if (unit.empty()) shift = 0;
    if (unit.size() == 1) {
        const auto at = std::string_view("KMG").find(char(std::toupper((unsigned char)unit[0])));
        if (at != std::string_view::npos) shift = 10 * int(at + 1);
    }
    if (text.empty() || ec == std::errc::invalid_argument || shift < 0)
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::CommandParser", "%1: '%2' is not a size")
                     .arg(q(option), q(text))),
            utf8(QCoreApplication::translate("sockwb::app::CommandParser",
                                             "expected bytes, or a number with K, M or G (64M)")));
    if (ec != std::errc() || n > (max >> shift))
        throw outOfRange(option, text, "0", std::to_string(max));
    return n << shift;
}

double parseNumber(const std::string& option, const std::string& text, double min, double max) {
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno != 0 || std::isnan(v)) throw notANumber(option, text);
    if (!(v >= min && v <= max)) throw outOfRange(option, text, numberText(min), numberText(max));
    return v;
}

}  // namespace sockwb::app
