#include "widgets/common/presentationmode.h"

// Placeholder: written on its own branch.

namespace sockwb {

PresentationMode* PresentationMode::instance() {
    static PresentationMode* mode = new PresentationMode;
    return mode;
}

void PresentationMode::setOn(bool on) {
    if (on == on_) return;
    on_ = on;
    emit changed(on);
}

void PresentationMode::restore() {}

qreal PresentationMode::scaled(qreal pointSize) { return pointSize * factor(); }

qreal PresentationMode::factor() { return instance()->isOn() ? 1.6 : 1.0; }

}  // namespace sockwb
