#pragma once
// WindowPlacement: where the n-th of many client windows goes, cascaded
// (each one offset down and right, wrapping inside the screen) or tiled (a
// grid that fills the screen). Pure geometry: thread-safe, testable.

#include <QRect>
#include <QSize>

class QWidget;

namespace sockwb {

class WindowPlacement {
public:
    enum class Mode { Cascade, Tile };

    // Geometry of window `index` in a cascade inside `area`.
    static QRect cascade(int index, QSize size, const QRect& area, int step = 28);
    // Geometry of window `index` of `count` tiled in a grid over `area`.
    static QRect tile(int index, int count, const QRect& area);
    // Either of the above; size is the cascade size.
    static QRect place(Mode mode, int index, int count, QSize size, const QRect& area);
    // The available area of the screen the widget is on (or the primary one).
    static QRect availableArea(const QWidget* near = nullptr);
};

}  // namespace sockwb
