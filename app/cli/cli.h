#pragma once
// The command line of the single sockwb binary. With no sub-command the GUI
// opens; each sub-command runs headless and never creates a QApplication.
// Only the first word is read here (a sub-command, --help or --version);
// each sub-command parses the rest with CommandParser (QCommandLineParser).
// The first word is not given to QCommandLineParser: other options belong to
// the GUI and QApplication reads them itself (-platform, -style...).

#include <QString>

namespace sockwb::app {

// Exit status meaning "no sub-command: open the GUI".
constexpr int kOpenGui = -1;

// Runs the sub-command named in argv, or returns kOpenGui. Usage errors
// return 2 after printing a message on stderr. Before it runs, the CLI's
// language is installed (CliLanguage, app/cli/clitext.h): `language` (a
// --lang given before the sub-command), else a --lang among its arguments,
// else the environment's.
int runCommandLine(int argc, char** argv, const QString& language = {});

// Prints the top-level help (sub-commands) to stdout, translated.
void printUsage();

}  // namespace sockwb::app
