#pragma once
// The hidden `sockwb --screenshots DIR` option (used by scripts/screenshots):
// builds the real main window with a running echo server (connections, log,
// trace), a chat server and a few client windows talking to it, and saves
// PNGs of them (QWidget::grab) into DIR. Meant for the offscreen platform.
// `sockwb --lang fr --screenshots DIR` takes them in French.

#include <QString>

namespace sockwb::app {

// Runs the whole scenario; 0 when every picture was written. GUI thread,
// creates its own QApplication. language: "en", "fr" or "" (the system's).
int runScreenshots(int argc, char** argv, const char* dir, const QString& language = {});

}  // namespace sockwb::app
