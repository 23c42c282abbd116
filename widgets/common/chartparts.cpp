#include "widgets/common/chartparts.h"

#include <QLineSeries>
#include <QPen>
#include <cmath>

namespace sockwb::ChartParts {

double roundTop(double max) {
    if (!(max > 1)) return 1.0;
    const double step = std::pow(10.0, std::floor(std::log10(max)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * step >= max) return m * step;
    return 10.0 * step;
}

QLineSeries* line(const QString& name, QColor color) {
    auto* s = new QLineSeries;
    s->setName(name);
    QPen pen(color);
    pen.setWidthF(2.0);
    s->setPen(pen);
    return s;
}

}  // namespace sockwb::ChartParts
