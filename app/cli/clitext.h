#pragma once
// CliText: the command line's words in the user's language. Before a
// sub-command runs, runCommandLine() opens a CliLanguage: it makes the
// QCoreApplication that Qt's translation needs (none exists in CLI mode)
// and installs the same catalogues as the GUI (Translations) for --lang,
// else LC_ALL / LC_MESSAGES / LANG. Sub-commands write their sources at the
// call site as QCoreApplication::translate("sockwb::app::<file>", "...")
// (or QT_TRANSLATE_NOOP for help texts held in constants) so lupdate finds
// them, and print through printOut()/printErr(). JSON output is never
// translated: it stays English and stable for scripts.

#include <QString>
#include <memory>
#include <string>

#include "app/cli/commands.h"

class QCoreApplication;

namespace sockwb {
class Error;
}

namespace sockwb::app {

// Holds the CLI's QCoreApplication (if it made one) and its translators for
// the length of a sub-command. Main thread; one at a time.
class CliLanguage {
public:
    // language: "en", "fr" or "" (the environment's). widgets: make a
    // QApplication on the offscreen platform (a sub-command that draws).
    explicit CliLanguage(const QString& language, bool widgets = false);
    ~CliLanguage();
    CliLanguage(const CliLanguage&) = delete;
    CliLanguage& operator=(const CliLanguage&) = delete;
    // The language installed: "en" or "fr".
    const QString& language() const { return language_; }

private:
    std::unique_ptr<QCoreApplication> app_;
    QString language_;
};

// Takes "--lang CODE" / "--lang=CODE" out of args (before a "--"). False,
// with the message in *error, on a missing or unknown code.
bool takeLanguageOption(Args* args, QString* language, QString* error);

// Writes text as UTF-8 on stdout / stderr, then flushes. Thread-safe.
void printOut(const QString& text);
void printErr(const QString& text);

// An error for the terminal: the core's own English text (what()) in
// English; in another language the sentence ErrorText words from the codes,
// translated as in the GUI. Thread-safe once the language is installed.
QString errorText(const Error& error);

// UTF-8 <-> QString for the std::string values the core hands out, and
// for translated texts carried by an Error or printed by std::string code.
inline QString q(const std::string& s) { return QString::fromStdString(s); }
inline std::string utf8(const QString& s) { return s.toStdString(); }

}  // namespace sockwb::app
