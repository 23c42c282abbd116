#pragma once
// Sub-command entry points; args excludes the program and sub-command name.
// Each returns the process exit status (0 ok, 1 runtime error, 2 usage error).

#include <string>
#include <vector>

namespace sockwb::app {

using Args = std::vector<std::string>;

int addrCommand(const Args& args);
int demoCommand(const Args& args);
int serveCommand(const Args& args);
int clientCommand(const Args& args);
int httpCommand(const Args& args);
int loadCommand(const Args& args);
int traceCommand(const Args& args);
int sequenceCommand(const Args& args);
// True when `sockwb sequence` with these arguments draws (--svg, --png): it
// then needs a QApplication (offscreen), made by runCommandLine.
bool sequenceNeedsWidgets(const Args& args);
int socketsCommand(const Args& args);
int lessonCommand(const Args& args);
int relayCommand(const Args& args);
int runCommand(const Args& args);

}  // namespace sockwb::app
