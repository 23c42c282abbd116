#pragma once
// LaunchClientsDialog: start N clients (1..500) against one target with a
// scenario from the course (Bonjour… until Au Revoir, echo ping, chat bot,
// hold idle), either as client windows (cascaded or tiled, created a few at
// a time from a zero-timer so 100 windows never freeze the GUI) or headless
// in a table with a progress bar (one core thread for all of them).

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QTimer>

#include "core/client/clientswarm.h"

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace sockwb {

class ClientWindow;
class HeadlessClients;

class LaunchClientsDialog final : public QDialog {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit LaunchClientsDialog(QWidget* parent = nullptr);
    ~LaunchClientsDialog() override;

    // Prefills the target (e.g. from a running server).
    void setTarget(const QString& host, quint16 port, const QString& protocol);
    // Starts what the form describes (the Start button). False with the
    // reason shown inline when the form is invalid.
    bool launch();
    // Stops headless clients / window creation (the Stop button).
    void stopAll();
    // Closes the windows this dialog opened.
    void closeWindows();

    HeadlessClients* headless() const { return headless_; }
    // The windows opened by the last launches that are still open.
    QList<ClientWindow*> windows() const;
    // Windows still waiting to be created.
    int pendingWindows() const { return pendingWindows_; }

signals:
    // One per window created, for the main window's side list.
    void windowOpened(sockwb::ClientWindow* window);

private:
    void buildUi();
    QFormLayout* buildForm();
    QDialogButtonBox* buildButtons();
    void buildResults();
    SwarmConfig configFromForm(bool* ok);
    void createWindowBatch();
    void onProgress(int reached, int failed, int total);
    void updateEnabled();
    void loadSettings();
    void saveSettings() const;

    QComboBox* protocol_;
    QLineEdit* host_;
    QSpinBox* port_;
    QSpinBox* count_;
    QComboBox* scenario_;
    QSpinBox* interval_;
    QComboBox* chatFormat_;  // chat bots: how each message is dressed (chatformat.h)
    QRadioButton* asWindows_;
    QRadioButton* headlessMode_;
    QComboBox* placement_;
    QPushButton* startButton_;
    QPushButton* stopButton_;
    QPushButton* closeWindowsButton_;
    QProgressBar* progress_;
    QLabel* summary_;
    QTableView* table_;
    HeadlessClients* headless_;

    QTimer batchTimer_;
    SwarmConfig windowConfig_;
    int pendingWindows_ = 0;
    int windowsCreated_ = 0;
    int windowsTotal_ = 0;
    int placementBase_ = 0;
    QList<QPointer<ClientWindow>> windows_;
};

}  // namespace sockwb
