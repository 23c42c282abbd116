#pragma once
// DirectionFaultsBox: the faults of one direction of a relay (a
// DirectionFaults) as spin boxes, a check box and sliders. Latency ± jitter
// for both protocols; bandwidth, slicer, reset/close after a limit and stall
// for TCP; drop, duplicate and reorder probabilities (sliders 0-100 %, the
// value shown beside them) for UDP. The rows of the other protocol are
// hidden. Every edit emits changed() at once (the faults apply live).
// GUI thread only.

#include <QGroupBox>
#include <QList>
#include <optional>

#include "core/net/protocol.h"
#include "core/relay/relayconfig.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QSlider;
class QSpinBox;

namespace sockwb {

class DirectionFaultsBox final : public QGroupBox {
    Q_OBJECT
public:
    // GUI thread only (as every method). Starts with no fault (a plain relay).
    explicit DirectionFaultsBox(const QString& title, QWidget* parent = nullptr);

    DirectionFaults faults() const;
    // Fills every field; emits nothing.
    void setFaults(const DirectionFaults& faults);
    // Shows the rows that apply to this protocol (tcp or udp).
    void setProtocol(Protocol protocol);

signals:
    void changed();

private:
    // A "limit" row: off / bytes / ms, and the amount.
    struct Limit {
        QComboBox* unit;
        QSpinBox* amount;
    };
    struct Probability {
        QSlider* slider;
        QLabel* value;
    };
    QSpinBox* spin(const char* name, int max, const QString& suffix);
    // A row of widgets side by side (the form's field).
    QWidget* row(std::initializer_list<QWidget*> widgets);
    Limit limit(const char* name);
    Probability probability(const char* name);
    static std::optional<FaultLimit> limitOf(const Limit& l);
    static void setLimit(const Limit& l, const std::optional<FaultLimit>& value);
    void build();
    void emitChanged();

    QFormLayout* form_ = nullptr;
    QSpinBox* latency_ = nullptr;
    QSpinBox* jitter_ = nullptr;
    QSpinBox* latencyP_ = nullptr;
    QSpinBox* bandwidth_ = nullptr;
    QSpinBox* slice_ = nullptr;
    QSpinBox* sliceVar_ = nullptr;
    QSpinBox* sliceDelay_ = nullptr;
    QSpinBox* sliceP_ = nullptr;
    Limit reset_{};
    Limit close_{};
    QSpinBox* limitP_ = nullptr;
    QCheckBox* stall_ = nullptr;
    Probability drop_{};
    Probability duplicate_{};
    Probability reorder_{};
    QList<QWidget*> tcpRows_;  // hidden for UDP
    QList<QWidget*> udpRows_;  // hidden for TCP
    bool filling_ = false;     // setFaults() in progress: no changed()
};

}  // namespace sockwb
