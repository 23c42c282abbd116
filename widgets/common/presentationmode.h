#pragma once
// View > Presentation Mode, for a lecture room: larger fonts everywhere
// (the application font, the trace, the sequence view, the charts), a
// high-contrast palette and a thicker focus frame (PresentationStyle), the
// key numbers big. The setting persists (QSettings "view/presentation") and
// is applied at start. Turning it off puts back exactly the font, palette
// and style the application had. Views that paint their own text or hold
// their own fonts connect to changed() (widgets/common/presentationhooks.h
// does it for fonts, key numbers and charts). GUI thread only.

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>

class QStyle;

namespace sockwb {

class PresentationMode final : public QObject {
    Q_OBJECT
public:
    // How much larger every text is in presentation mode.
    static constexpr qreal kFactor = 1.6;

    // The one instance (created on first use, owned by the application).
    static PresentationMode* instance();
    // The QSettings key of the saved choice.
    static QString settingsKey();

    bool isOn() const { return on_; }
    // Applies (or undoes) the mode to the whole application and saves it.
    // The larger font is computed from the font the application had when
    // the mode was turned on: turning it on twice never compounds.
    void setOn(bool on);
    // Reads the saved setting and applies it (main() calls it once).
    void restore();
    // A point size as shown now: size itself when off, scaled up when on.
    static qreal scaled(qreal pointSize);
    // The factor fonts are multiplied by (1.0 when off).
    static qreal factor();
    // The application font as it is with the mode off (while on: the one
    // saved when it was turned on).
    QFont normalFont() const;
    // The palette the mode installs: near-black text on white, a strong
    // selection, the same colours in active and inactive windows.
    static QPalette highContrastPalette();

signals:
    // After the font, palette and style are applied.
    void changed(bool on);

private:
    explicit PresentationMode(QObject* parent);
    void enter();
    void leave();

    bool on_ = false;
    QFont savedFont_;
    QPalette savedPalette_;
    QPointer<QStyle> savedStyle_;  // the application's style, kept while on
};

}  // namespace sockwb
