#pragma once
// FaultsEditor: a relay's faults, both directions: "Up" (client → server)
// and "Down" (server → client), each a DirectionFaultsBox, and a "Same for
// both directions" toggle that shows one box and applies it to both. Every
// edit emits faultsChanged() at once, for each direction it changes: the
// relay panel hands it to Relay::setFaults (live, no Apply button).
// GUI thread only.

#include <QWidget>

#include "core/net/protocol.h"
#include "core/relay/relayconfig.h"

class QCheckBox;

namespace sockwb {

class DirectionFaultsBox;

class FaultsEditor final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method). No fault, "same for both" off.
    explicit FaultsEditor(QWidget* parent = nullptr);

    DirectionFaults faults(RelayDirection direction) const;
    // Fills both boxes ("same for both" on when they are equal). Emits nothing.
    void setFaults(const DirectionFaults& up, const DirectionFaults& down);
    // Shows the rows of this protocol (tcp or udp) only.
    void setProtocol(Protocol protocol);
    bool sameForBoth() const;
    // Turning it on copies Up to Down (faultsChanged(Down) if they differed).
    void setSameForBoth(bool same);
    DirectionFaultsBox* box(RelayDirection direction) const {
        return direction == RelayDirection::Up ? up_ : down_;
    }

signals:
    void faultsChanged(sockwb::RelayDirection direction);

private:
    void onBoxChanged(RelayDirection direction);
    void updateTitles();

    QCheckBox* same_;
    DirectionFaultsBox* up_;
    DirectionFaultsBox* down_;
};

}  // namespace sockwb
