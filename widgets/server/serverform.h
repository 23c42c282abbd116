#pragma once
// ServerForm: the New Server form. Every field of a ServerConfig; the
// combinations the engine refuses (refusalOf) are disabled with a tooltip
// saying why, invalid input is marked inline and keeps Start disabled, and
// the last values are remembered (QSettings group "serverForm").

#include <QDialog>

#include "core/net/trace.h"
#include "core/server/server.h"

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sockwb {

class LimitsBox;
class SockoptsBox;
class TlsBox;
class ListenerTable;

class ServerForm final : public QDialog {
    Q_OBJECT
public:
    // GUI thread only (as every method). Starts from the remembered values.
    explicit ServerForm(QWidget* parent = nullptr);

    // The configuration as entered (valid when isValid()).
    ServerConfig config() const;
    // Fills every field (editing a stopped server).
    void setConfig(const ServerConfig& config);
    // "" when Start may be pressed, else the first problem in plain words.
    QString problem() const;
    bool isValid() const { return problem().isEmpty(); }
    // Remembers the current values (done on Start).
    void saveSettings() const;
    void loadSettings();

    QPushButton* startButton() const { return startButton_; }
    TlsBox* tlsBox() const { return tls_; }

private:
    void buildForm();
    void refresh();
    void updateRefusedItems();
    void chooseRoot();
    QString bindProblem() const;
    // unix, unixgram: the socket path's problem ("" when usable).
    QString pathProblem() const;
    QString rootProblem() const;
    void buildIoBox();
    void refreshIoBox();
    void refreshLimits();

    QFormLayout* form_ = nullptr;
    QComboBox* protocol_;
    QComboBox* bind_;
    QLabel* bindError_;
    QSpinBox* port_;
    QLineEdit* path_;  // unix, unixgram: the socket path (instead of bind and port)
    QComboBox* service_;
    QSpinBox* ticks_;
    QSpinBox* interval_;
    QComboBox* terminator_;  // clock: what ends each message (ServiceOptions::terminator)
    QLineEdit* root_;
    QWidget* rootRow_;
    QComboBox* model_;
    QSpinBox* poolSize_;
    QSpinBox* loops_;  // ServerConfig::loops: epoll and io_uring only
    QSpinBox* backlog_;
    SockoptsBox* sockopts_;    // socket options (SO_REUSEADDR is ServerConfig::reuseAddr)
    LimitsBox* limits_;        // max connections, timeouts
    TlsBox* tls_;              // ServerConfig::tls and the certificate's files
    QComboBox* io_ = nullptr;  // ServerConfig::io: "blocking" / "poll" as item data
    ListenerTable* listeners_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    QPushButton* startButton_;
    bool refreshing_ = false;
};

}  // namespace sockwb
