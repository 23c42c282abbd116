#pragma once
// RelayForm: the New Relay form. Protocol (TCP or UDP), where the relay
// listens (address, port 0 = any free one), where it forwards (host and
// port, prefilled with the selected server's address when there is one)
// and the faults it starts with (a FaultsEditor). Invalid input is marked
// in words and keeps Start disabled; the last values are remembered
// (QSettings group "relayForm"). GUI thread only.

#include <QDialog>

#include "core/relay/relayconfig.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sockwb {

class FaultsEditor;

class RelayForm final : public QDialog {
    Q_OBJECT
public:
    // GUI thread only (as every method). Starts from the remembered values.
    explicit RelayForm(QWidget* parent = nullptr);

    // The configuration as entered (valid when isValid()).
    RelayConfig config() const;
    // Fills every field (editing a stopped relay).
    void setConfig(const RelayConfig& config);
    // Aims the relay at a server: host, port and its protocol ("tcp", "udp").
    void setTarget(const QString& host, quint16 port, const QString& protocol);
    // "" when Start may be pressed, else the first problem in plain words.
    QString problem() const;
    bool isValid() const { return problem().isEmpty(); }

    QPushButton* startButton() const { return startButton_; }
    FaultsEditor* faultsEditor() const { return faults_; }

private:
    void refresh();
    void saveSettings() const;
    void loadSettings();

    QComboBox* protocol_;
    QComboBox* listenHost_;
    QSpinBox* listenPort_;
    QLineEdit* targetHost_;
    QSpinBox* targetPort_;
    FaultsEditor* faults_;
    QLabel* problem_;
    QPushButton* startButton_ = nullptr;
};

}  // namespace sockwb
