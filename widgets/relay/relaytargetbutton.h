#pragma once
// RelayTargetButton: "Through a relay" in a client window's target row. Its
// menu lists the relays running in the workbench (RelayPanel::all()) when
// it opens; choosing one emits chosen() with the relay's address, so the
// client connects through the relay's faults instead of straight to the
// server. GUI thread only.

#include <QToolButton>

namespace sockwb {

class RelayTargetButton final : public QToolButton {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit RelayTargetButton(QWidget* parent = nullptr);

    // Fills the menu from the relays running now (done each time it opens).
    void updateMenu();

signals:
    // host, port and protocol ("tcp", "udp") of the relay chosen.
    void chosen(const QString& host, quint16 port, const QString& protocol);
};

}  // namespace sockwb
