#pragma once
// Pieces every live chart of the workbench draws the same way (the server
// panel's Activity tab, the relay panel's bytes/s): a 2-px line series of
// one colour, and a round top for the y axis (1, 2, 5 × 10^n) so the scale
// does not jitter with every sample. GUI thread only (Qt Charts objects).

#include <QColor>
#include <QString>

class QLineSeries;

namespace sockwb::ChartParts {

// A round upper bound at or above max (1, 2, 5 × 10^n), never below 1.
double roundTop(double max);
// A new series named `name`, drawn in `color` 2 px wide; the caller adds
// it to a chart, which takes it.
QLineSeries* line(const QString& name, QColor color);

}  // namespace sockwb::ChartParts
