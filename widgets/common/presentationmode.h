#pragma once
// View > Presentation Mode, for a lecture room: larger fonts everywhere
// (the application font, the trace, the sequence view, the charts), a
// high-contrast palette, the key numbers big. The setting persists
// (QSettings "view/presentation") and is applied at start. Views that
// paint their own text or hold their own fonts connect to changed().
// GUI thread only.

#include <QObject>

namespace sockwb {

class PresentationMode final : public QObject {
    Q_OBJECT
public:
    static PresentationMode* instance();

    bool isOn() const { return on_; }
    // Applies (or undoes) the mode to the whole application and saves it.
    void setOn(bool on);
    // Reads the saved setting and applies it (main() calls it once).
    void restore();
    // A point size as shown now: size itself when off, scaled up when on.
    static qreal scaled(qreal pointSize);
    // The factor fonts are multiplied by (1.0 when off).
    static qreal factor();

signals:
    void changed(bool on);

private:
    PresentationMode() = default;
    bool on_ = false;
};

}  // namespace sockwb
