#include "widgets/common/presentationmode.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include "widgets/common/presentationstyle.h"

namespace sockwb {

namespace {

QFont scaledFont(const QFont& font, qreal factor) {
    QFont big = font;
    if (font.pointSizeF() > 0)
        big.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        big.setPixelSize(qRound(font.pixelSize() * factor));
    return big;
}

}  // namespace

PresentationMode::PresentationMode(QObject* parent) : QObject(parent) {}

PresentationMode* PresentationMode::instance() {
    // A child of the application: gone with it (a test's next application
    // gets a new one).
    static QPointer<PresentationMode> mode;
    if (!mode) mode = new PresentationMode(QCoreApplication::instance());
    return mode;
}

QString PresentationMode::settingsKey() { return QStringLiteral("view/presentation"); }

void PresentationMode::setOn(bool on) {
    const bool change = on != on_;
    if (change) {
        if (on)
            enter();
        else
            leave();
        on_ = on;
    }
    QSettings().setValue(settingsKey(), on);
    if (change) emit changed(on);
}

void PresentationMode::restore() { setOn(QSettings().value(settingsKey(), false).toBool()); }

qreal PresentationMode::scaled(qreal pointSize) { return pointSize * factor(); }

qreal PresentationMode::factor() { return instance()->isOn() ? kFactor : 1.0; }

QFont PresentationMode::normalFont() const { return on_ ? savedFont_ : QApplication::font(); }

QPalette PresentationMode::highContrastPalette() {
    QPalette p;
    const QColor text(0x10, 0x10, 0x10);
    const QColor white(0xff, 0xff, 0xff);
    struct Role {
        QPalette::ColorRole role;
        QColor color;
    };
    const Role roles[] = {
        {QPalette::Window, white},
        {QPalette::WindowText, text},
        {QPalette::Base, white},
        {QPalette::AlternateBase, QColor(0xec, 0xec, 0xec)},
        {QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc)},
        {QPalette::ToolTipText, text},
        {QPalette::PlaceholderText, QColor(0x4a, 0x4a, 0x4a)},
        {QPalette::Text, text},
        {QPalette::Button, QColor(0xf2, 0xf2, 0xf2)},
        {QPalette::ButtonText, text},
        {QPalette::BrightText, white},
        {QPalette::Light, white},
        {QPalette::Midlight, QColor(0xd8, 0xd8, 0xd8)},
        {QPalette::Mid, QColor(0x60, 0x60, 0x60)},
        {QPalette::Dark, QColor(0x40, 0x40, 0x40)},
        {QPalette::Shadow, QColor(0x00, 0x00, 0x00)},
        {QPalette::Highlight, QColor(0x00, 0x3c, 0xc8)},
        {QPalette::HighlightedText, white},
        {QPalette::Link, QColor(0x00, 0x33, 0xaa)},
        {QPalette::LinkVisited, QColor(0x55, 0x1a, 0x8b)},
    };
    // Inactive windows keep the strong selection: the audience looks at the
    // projector, not at which window has the keyboard.
    for (const Role& r : roles) {
        p.setColor(QPalette::Active, r.role, r.color);
        p.setColor(QPalette::Inactive, r.role, r.color);
        p.setColor(QPalette::Disabled, r.role, r.color);
    }
    // Disabled text stays readable (about 5:1 on white).
    const QColor disabled(0x6a, 0x6a, 0x6a);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x70, 0x70, 0x70));
    return p;
}

// Order matters: a new style re-reads the platform's per-class fonts
// (menus, tooltips) that a new application font clears, so the style goes
// first when entering (the large font then applies to menus too) and last
// when leaving (the per-class fonts come back); the palette goes last both
// ways, after the style has polished its own.
void PresentationMode::enter() {
    savedFont_ = QApplication::font();
    savedPalette_ = QApplication::palette();
    // With an application style sheet, Qt wraps the style and would delete
    // the one saved here: the focus frame is then left as it is.
    if (qApp->styleSheet().isEmpty()) {
        QStyle* current = QApplication::style();
        savedStyle_ = current;
        // QApplication::setStyle() deletes the previous style when the
        // application owns it: this object keeps it until leave().
        if (current->parent() == qApp) current->setParent(this);
        QApplication::setStyle(new PresentationStyle(QStyleFactory::create(current->name())));
    }
    QApplication::setFont(scaledFont(savedFont_, kFactor));
    QApplication::setPalette(highContrastPalette());
}

void PresentationMode::leave() {
    QApplication::setFont(savedFont_);
    // The PresentationStyle belongs to the application: setStyle() deletes it.
    if (savedStyle_) QApplication::setStyle(savedStyle_);
    savedStyle_ = nullptr;
    QApplication::setPalette(savedPalette_);
}

}  // namespace sockwb
