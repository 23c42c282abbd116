#pragma once
// The labs pictures of `sockwb --screenshots`: the welcome page of an empty
// workbench (the course's labs as cards), the time-service lab after a run
// (its Lab dock: the question answered, PASS lines, the verdict) and the
// Export as Code dialog of the course's iterative clock server in C. GUI
// thread; everything the lab started is stopped before it returns.

class QDir;

namespace sockwb::app {

// Saves welcome.png, lab-time-tcp.png and export-c.png into dir; true when all were written.
bool shootLabs(const QDir& dir);

}  // namespace sockwb::app
