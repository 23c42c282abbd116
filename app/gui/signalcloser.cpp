#include "app/gui/signalcloser.h"

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QApplication>
#include <QSocketNotifier>
#include <cerrno>

namespace sockwb::app {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
int gWriteFd = -1;  // the handler's end of the socketpair

extern "C" void onSignal(int number) {
    const int saved = errno;
    const char byte = static_cast<char>(number);
    // Non-blocking: a second signal while the first is unread is dropped.
    [[maybe_unused]] const ssize_t n = ::write(gWriteFd, &byte, 1);
    errno = saved;
}

}  // namespace

SignalCloser::SignalCloser(QObject* parent) : QObject(parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds_) != 0) {
        qWarning("sockwb: socketpair() failed (errno %d): SIGTERM will end the workbench abruptly",
                 errno);
        return;
    }
    gWriteFd = fds_[0];
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : kSignals) ::sigaction(number, &action, nullptr);
    notifier_ = new QSocketNotifier(fds_[1], QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &SignalCloser::onReadable);
}

SignalCloser::~SignalCloser() {
    if (notifier_) {
        struct sigaction action {};
        action.sa_handler = SIG_DFL;
        sigemptyset(&action.sa_mask);
        for (int number : kSignals) ::sigaction(number, &action, nullptr);
        gWriteFd = -1;
    }
    for (int fd : fds_)
        if (fd >= 0) ::close(fd);
}

void SignalCloser::onReadable() {
    char byte = 0;
    int number = 0;
    while (::read(fds_[1], &byte, 1) == 1) number = static_cast<unsigned char>(byte);
    if (number == 0) return;
    emit closing(number);
    // Closing the main window stops every server; exit() then also leaves a
    // modal dialog's event loop if one is open.
    QApplication::closeAllWindows();
    QCoreApplication::exit(0);
}

}  // namespace sockwb::app
