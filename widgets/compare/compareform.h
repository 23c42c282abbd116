#pragma once
// CompareForm: the Compare panel's inputs: the workload (HTTP keep-alive,
// HTTP with a connection per request, TCP echo, UDP echo), the models to
// compare (a model that cannot serve the workload is disabled, the core's
// reason as its tooltip), connections, load threads, seconds per model,
// pool size, loops (epoll, io_uring), echo payload and request timeout, and
// whether every model serves over TLS (TCP workloads).

#include <QMap>
#include <QWidget>

#include "widgets/compare/compareconfig.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace sockwb {

class CompareForm final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit CompareForm(QWidget* parent = nullptr);

    // What the form says; models only the checked and enabled ones, in the course's order.
    CompareConfig config() const;
    // Fills the form (models not in config.models are unchecked).
    void setConfig(const CompareConfig& config);
    // The check box of one model (tests); nullptr for an unknown name.
    QCheckBox* modelBox(const QString& model) const { return models_.value(model); }

signals:
    // Something changed (the window re-checks whether Start makes sense).
    void changed();

private:
    void updateModels();

    QComboBox* workload_;
    QSpinBox* connections_;
    QSpinBox* loadThreads_;
    QDoubleSpinBox* seconds_;
    QSpinBox* poolSize_;
    QSpinBox* loops_;  // CompareConfig::loops
    QSpinBox* payload_;
    QDoubleSpinBox* timeout_;
    QCheckBox* tls_;  // CompareConfig::tls (TCP workloads)
    QMap<QString, QCheckBox*> models_;
    QStringList order_;  // modelNames()
};

}  // namespace sockwb
