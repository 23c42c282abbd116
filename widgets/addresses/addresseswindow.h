#pragma once
// AddressesWindow (Workbench > Addresses...): type an address, a port or a
// host name ("127.0.0.1 8080", "[::1]:80", "localhost 80", "999.1.1.1")
// and see struct sockaddr_in / sockaddr_in6 byte by byte: the layout
// inet_pton + htons would fill by hand, then every getaddrinfo result, one
// group of rows (offset, field, bytes, value) each, worded by AddressText.
// Updates as you type: after a short pause the text is dissected on a
// BackgroundTask (getaddrinfo may wait for DNS), one lookup at a time; text
// typed meanwhile is dissected when the running lookup ends. GUI thread.

#include <QWidget>

#include "core/net/addressdissect.h"
#include "widgets/common/backgroundtask.h"

class QLabel;
class QLineEdit;
class QTimer;
class QTreeWidget;

namespace sockwb {

class AddressesWindow final : public QWidget {
    Q_OBJECT
public:
    explicit AddressesWindow(QWidget* parent = nullptr);
    // Opens a new window that deletes itself when closed.
    static AddressesWindow* open();

    QLineEdit* input() const { return input_; }
    QTreeWidget* layoutTree() const { return tree_; }
    // inet_pton's verdict and getaddrinfo's line, or the input's error.
    QLabel* summary() const { return summary_; }
    // True while a lookup runs or waits to start.
    bool isBusy() const;

signals:
    // A dissection (or an error) is on screen.
    void shown();

private:
    void scheduleLookup();
    void startLookup();
    void showDissection(const AddressDissection& d);
    void showError(const QString& text);
    void addLayout(const QString& title, const SockaddrLayout& layout);

    QLineEdit* input_;
    QLabel* summary_;
    QTreeWidget* tree_;
    QTimer* pause_;
    BackgroundTask task_;
    bool running_ = false;
    bool again_ = false;  // the text changed while a lookup ran
};

}  // namespace sockwb
