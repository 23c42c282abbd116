#include "widgets/common/presentationhooks.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFontDatabase>
#include <QLabel>
#include <QLegend>
#include <QPen>
#include <QVariant>
#include <QWidget>
#include <QXYSeries>

#include "widgets/common/presentationmode.h"

namespace sockwb::PresentationHooks {

namespace {

// `font` at `ref`'s size times `factor` (a point size, or a pixel size).
QFont sizedAs(QFont font, const QFont& ref, qreal factor) {
    if (ref.pointSizeF() > 0)
        font.setPointSizeF(ref.pointSizeF() * factor);
    else if (ref.pixelSize() > 0)
        font.setPixelSize(qRound(ref.pixelSize() * factor));
    return font;
}

const char* const kMadeAt = "sockwbPresentationMadeAt";

// The font an object has with the mode off, kept in a property the first
// time it is seen. A chart's fonts come from the application font when the
// chart is made: made while the mode was on (madeAt), they are scaled.
QFont baseFont(QObject* object, const char* key, const QFont& current, qreal madeAt) {
    const QVariant kept = object->property(key);
    if (kept.isValid()) return kept.value<QFont>();
    const QFont base =
        qFuzzyCompare(madeAt, 1.0) ? current : sizedAs(current, current, 1.0 / madeAt);
    object->setProperty(key, QVariant::fromValue(base));
    return base;
}

// A pen width is set by the view itself, never scaled when first seen.
qreal baseWidth(QObject* object, const QPen& current) {
    const char* key = "sockwbPresentationPenWidth";
    const QVariant kept = object->property(key);
    if (kept.isValid()) return kept.toReal();
    object->setProperty(key, current.widthF());
    return current.widthF();
}

}  // namespace

QFont scaledFont(const QFont& base) { return sizedAs(base, base, PresentationMode::factor()); }

void followFont(QWidget* widget, const QFont& base) {
    widget->setFont(scaledFont(base));
    QObject::connect(PresentationMode::instance(), &PresentationMode::changed, widget,
                     [widget, base] { widget->setFont(scaledFont(base)); });
}

void useFixedFont(QWidget* widget) {
    followFont(widget, QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void emphasize(QWidget* widget) {
    // What the widget set for itself (bold...), its size left to follow the
    // application font when the mode is off again.
    const bool ownFont = widget->testAttribute(Qt::WA_SetFont);
    QFont own = widget->font();
    own.setResolveMask(own.resolveMask() & ~uint(QFont::SizeResolved));
    auto* label = qobject_cast<QLabel*>(widget);
    const bool wrapped = label && label->wordWrap();
    auto apply = [widget, ownFont, own, label, wrapped](bool on) {
        if (on) {
            QFont big = sizedAs(own, PresentationMode::instance()->normalFont(),
                                PresentationMode::kFactor * kEmphasis);
            big.setBold(true);
            widget->setFont(big);
        } else {
            widget->setFont(ownFont && own.resolveMask() != 0 ? own : QFont());
        }
        // A long line of counters wraps rather than widen the window.
        if (label) label->setWordWrap(on || wrapped);
    };
    if (PresentationMode::instance()->isOn()) apply(true);
    QObject::connect(PresentationMode::instance(), &PresentationMode::changed, widget, apply);
}

void applyToChart(QChart* chart) {
    const qreal f = PresentationMode::factor();
    const QVariant madeAtValue = chart->property(kMadeAt);
    const qreal madeAt = madeAtValue.isValid() ? madeAtValue.toReal() : f;
    const auto scaled = [f](QObject* object, const char* key, const QFont& current,
                            qreal madeWith) {
        const QFont base = baseFont(object, key, current, madeWith);
        return sizedAs(base, base, f);
    };
    chart->setTitleFont(scaled(chart, "sockwbPresentationTitle", chart->titleFont(), madeAt));
    QLegend* legend = chart->legend();
    legend->setFont(scaled(legend, "sockwbPresentationFont", legend->font(), madeAt));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(scaled(axis, "sockwbPresentationLabels", axis->labelsFont(), madeAt));
        axis->setTitleFont(scaled(axis, "sockwbPresentationTitle", axis->titleFont(), madeAt));
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(series)) {
            QPen pen = xy->pen();
            pen.setWidthF(baseWidth(xy, pen) * f);
            xy->setPen(pen);
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            // A bar set takes the application font of the moment it is
            // made, which is when applyToChart() first sees it.
            for (QBarSet* set : bars->barSets())
                set->setLabelFont(scaled(set, "sockwbPresentationLabels", set->labelFont(), f));
        }
    }
}

void followChart(QChart* chart) {
    chart->setProperty(kMadeAt, PresentationMode::factor());
    applyToChart(chart);
    QObject::connect(PresentationMode::instance(), &PresentationMode::changed, chart,
                     [chart] { applyToChart(chart); });
}

}  // namespace sockwb::PresentationHooks
