#pragma once
// The small hooks a view calls so that Presentation Mode reaches what the
// application font does not: a font a widget set for itself (the fixed-pitch
// font of the data and details panes), the key numbers (counters, status,
// results: larger and bold while the mode is on) and the charts (Qt Charts
// keep their own fonts and pens). Each hook applies at once when the mode
// is on and follows PresentationMode::changed for as long as its widget or
// chart lives; off, everything is as the view made it. GUI thread only.

#include <QFont>

class QChart;
class QWidget;

namespace sockwb::PresentationHooks {

// Key numbers: this much larger than the (already scaled) text around them.
inline constexpr qreal kEmphasis = 1.25;

// `base` with its size multiplied by PresentationMode::factor().
QFont scaledFont(const QFont& base);
// The widget shows `base`, scaled while the mode is on.
void followFont(QWidget* widget, const QFont& base);
// The system's fixed-pitch font, scaled while the mode is on.
void useFixedFont(QWidget* widget);
// While on: bold, kEmphasis times the presentation font (a QLabel wraps);
// off: the widget's own font again.
void emphasize(QWidget* widget);
// Scales the chart's title, legend, axis and bar label fonts and its line
// widths now and at every change of the mode. Call once the axes and
// series are added, right after the chart is made (its fonts come from the
// application font of that moment).
void followChart(QChart* chart);
// The same once, for series added later (a chart rebuilt with new series):
// call it right after adding them.
void applyToChart(QChart* chart);

}  // namespace sockwb::PresentationHooks
