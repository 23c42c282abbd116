#pragma once
// LimitsBox: the New Server form's "Limits and timeouts" group: how many
// connections and workers (fork, thread), the memory budget, the idle timeout, and the http
// service's header, body and keep-alive timeouts (ServiceOptions; shown when a listener serves
// http), the UDP replies a second to one address (shown for datagram listeners)
// and chat's output limit (shown when chat is served). Each row reads
// and writes its fields of a ServerConfig and is remembered with the form's other values. More
// limits go here as rows of form().

#include <QGroupBox>

#include "core/server/server.h"

class QFormLayout;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace sockwb {

class LimitsBox final : public QGroupBox {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit LimitsBox(QWidget* parent = nullptr);

    // Writes the fields this box owns into config.
    void apply(ServerConfig& config) const;
    // Shows those fields of config.
    void setConfig(const ServerConfig& config);
    // The http rows are shown only when http is served.
    void setHttpShown(bool shown);
    // The max workers row is enabled only for fork and thread.
    void setWorkersEnabled(bool enabled);
    // The output limit row is shown only when chat is served.
    void setChatShown(bool shown);
    // Why a field cannot be used ("" when every one can): the output limit's text.
    QString problem() const;
    // The UDP rate row is shown only when a listener is a datagram one.
    void setDatagramShown(bool shown);
    // Remembered values under group ("serverForm/"), with the engine's defaults.
    void save(QSettings& settings, const QString& group) const;
    void load(const QSettings& settings, const QString& group);

    QFormLayout* form() const { return form_; }

signals:
    // A field's text changed (the form checks problem() again).
    void changed();

private:
    QFormLayout* form_;
    QSpinBox* maxConnections_;
    QSpinBox* maxWorkers_;
    QSpinBox* memoryBudget_;  // MiB (ServerConfig::memoryBudget), 0: no limit  // fork, thread:
                              // ServerConfig::maxWorkers
    QSpinBox* idleTimeout_;
    QSpinBox* headerTimeout_;
    QSpinBox* bodyTimeout_;
    QSpinBox* keepAliveTimeout_;
    QSpinBox* udpRate_;
    QLineEdit* outputLimit_;  // ServerConfig::outputLimit as "8M,2M,60"
};

}  // namespace sockwb
