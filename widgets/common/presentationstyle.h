#pragma once
// PresentationStyle: the application's own style (same name, so Fusion
// stays Fusion) with a thicker focus frame, so the audience of a lecture
// room sees which field or button has the keyboard. Installed by
// PresentationMode while the mode is on. GUI thread only.

#include <QProxyStyle>

namespace sockwb {

class PresentationStyle final : public QProxyStyle {
    Q_OBJECT
public:
    // Pen width of the focus frame, in pixels.
    static constexpr int kFocusWidth = 3;

    // base: the style drawn under the focus frames (taken); nullptr: the
    // platform's default style.
    explicit PresentationStyle(QStyle* base = nullptr);

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option,
                            QPainter* painter, const QWidget* widget = nullptr) const override;

private:
    static void drawFocusFrame(const QStyleOption* option, QPainter* painter);
};

}  // namespace sockwb
