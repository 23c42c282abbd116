#include "widgets/common/formstyle.h"

#include <QLineEdit>
#include <QPalette>
#include <QVariant>

namespace sockwb::formstyle {

QColor errorColor() { return QColor(0xc6, 0x28, 0x28); }

void markInvalid(QLineEdit* edit, bool invalid) {
    if (edit->property("invalid").toBool() == invalid) return;
    edit->setProperty("invalid", invalid);
    edit->setStyleSheet(
        invalid ? QStringLiteral("QLineEdit { border: 1px solid %1; }").arg(errorColor().name())
                : QString());
}

void setErrorText(QWidget* label, bool isError) {
    const QWidget* parent = label->parentWidget();
    const QColor normal = (parent ? parent->palette() : QPalette()).color(QPalette::WindowText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, isError ? errorColor() : normal);
    label->setPalette(palette);
}

}  // namespace sockwb::formstyle
