#include "widgets/client/windowplacement.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <algorithm>
#include <cmath>

namespace sockwb {

QRect WindowPlacement::cascade(int index, QSize size, const QRect& area, int step) {
    size = size.boundedTo(area.size());
    // How many steps fit before the window would leave the area; then wrap,
    // shifting each new diagonal a little to the right so none hides another.
    const int fitX = std::max(1, (area.width() - size.width()) / step + 1);
    const int fitY = std::max(1, (area.height() - size.height()) / step + 1);
    const int perRun = std::min(fitX, fitY);
    const int run = index / perRun;
    const int pos = index % perRun;
    int x =
        area.left() + pos * step + (run * step / 3) % std::max(1, area.width() - size.width() + 1);
    int y = area.top() + pos * step;
    x = std::min(x, area.right() - size.width() + 1);
    return QRect(QPoint(x, y), size);
}

QRect WindowPlacement::tile(int index, int count, const QRect& area) {
    count = std::max(count, 1);
    // Rows and columns in the area's proportions, so each cell keeps about
    // the shape of the screen (4 windows: 2 x 2; 20 on 16:10: 4 x 5).
    const double aspect = double(area.width()) / std::max(1, area.height());
    const int rows = std::clamp(int(std::lround(std::sqrt(count / aspect))), 1, count);
    const int cols = (count + rows - 1) / rows;
    const int w = area.width() / cols;
    const int h = area.height() / std::max(rows, 1);
    const int r = (index % count) / cols;
    const int c = (index % count) % cols;
    return QRect(area.left() + c * w, area.top() + r * h, w, h);
}

QRect WindowPlacement::place(Mode mode, int index, int count, QSize size, const QRect& area) {
    return mode == Mode::Tile ? tile(index, count, area) : cascade(index, size, area);
}

QRect WindowPlacement::availableArea(const QWidget* near) {
    QScreen* screen = near && near->screen() ? near->screen() : QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
}

}  // namespace sockwb
