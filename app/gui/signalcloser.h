#pragma once
// Closes the workbench cleanly on SIGINT, SIGTERM or SIGHUP, as closing the
// window does (every server stopped, settings saved), instead of the
// default action that kills the process with its servers' threads and
// children. The handler only writes the signal's number into a socketpair
// (the one async-signal-safe step); a QSocketNotifier reads it on the GUI
// thread, which closes every window and leaves the event loops.
// One per process, created before the main window is shown.

#include <QObject>

class QSocketNotifier;

namespace sockwb::app {

class SignalCloser : public QObject {
    Q_OBJECT
public:
    explicit SignalCloser(QObject* parent = nullptr);
    ~SignalCloser() override;

    bool isActive() const { return notifier_ != nullptr; }

signals:
    // Emitted on the GUI thread, before the windows are closed.
    void closing(int signalNumber);

private:
    void onReadable();

    int fds_[2] = {-1, -1};
    QSocketNotifier* notifier_ = nullptr;
};

}  // namespace sockwb::app
