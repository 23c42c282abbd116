#include "widgets/common/presentationstyle.h"

#include <QPainter>
#include <QPen>
#include <QStyleOption>

namespace sockwb {

PresentationStyle::PresentationStyle(QStyle* base) : QProxyStyle(base) {}

void PresentationStyle::drawFocusFrame(const QStyleOption* option, QPainter* painter) {
    if (!option || !painter) return;
    const qreal half = kFocusWidth / 2.0;
    const QRectF frame = QRectF(option->rect).adjusted(half, half, -half, -half);
    if (frame.width() <= 0 || frame.height() <= 0) return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(option->palette.color(QPalette::Highlight), kFocusWidth));
    painter->drawRect(frame);
    painter->restore();
}

void PresentationStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option,
                                      QPainter* painter, const QWidget* widget) const {
    // The base style's dotted or 1-pixel focus rectangle is replaced.
    if (element == PE_FrameFocusRect) {
        drawFocusFrame(option, painter);
        return;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    // Line edits and push buttons draw their own focus: thicken it.
    const bool focused = option && (option->state & State_HasFocus);
    if (focused && (element == PE_FrameLineEdit || element == PE_PanelButtonCommand))
        drawFocusFrame(option, painter);
}

void PresentationStyle::drawComplexControl(ComplexControl control,
                                           const QStyleOptionComplex* option, QPainter* painter,
                                           const QWidget* widget) const {
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    const bool focused = option && (option->state & State_HasFocus);
    if (focused && (control == CC_ComboBox || control == CC_SpinBox))
        drawFocusFrame(option, painter);
}

}  // namespace sockwb
