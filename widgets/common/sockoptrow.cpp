#include "widgets/common/sockoptrow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <algorithm>

#include "widgets/common/formstyle.h"
#include "widgets/common/sockoptwords.h"

namespace sockwb {

SockoptRow::SockoptRow(const SockoptSpec& spec, QWidget* body, QGridLayout* grid, int row,
                       bool showWhere)
    : QObject(body), spec_(spec), check_(new QCheckBox(name(), body)), readback_(new QLabel(body)) {
    const QString tip = SockoptWords::purpose(name());
    check_->setObjectName(QStringLiteral("sockopt_") + name());
    check_->setToolTip(tip);
    buildEditor(body);
    editor_->setToolTip(tip);
    readback_->setObjectName(QStringLiteral("sockoptReadback_") + name());
    readback_->setWordWrap(true);
    readback_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(check_, row, 0);
    grid->addWidget(editor_, row, 1);
    if (showWhere) {
        where_ = new QLabel(SockoptWords::serverStage(spec_), body);
        where_->setToolTip(spec_.beforeBind
                               ? tr("Set on the listening socket before bind(); accepted "
                                    "connections inherit it.")
                               : tr("Set on every accepted connection."));
        grid->addWidget(where_, row, 2);
    }
    grid->addWidget(readback_, row, showWhere ? 3 : 2);
    connect(check_, &QCheckBox::toggled, this, [this] {
        refreshEnabled();
        emit changed();
    });
    refreshEnabled();
}

QString SockoptRow::name() const { return QString::fromLatin1(spec_.name); }

void SockoptRow::buildEditor(QWidget* body) {
    const SockoptWords::Range r = SockoptWords::range(spec_);
    const QString valueName = QStringLiteral("sockoptValue_") + name();
    if (spec_.kind == SockoptKind::Flag || spec_.kind == SockoptKind::Linger) {
        onOff_ = new QComboBox(body);
        onOff_->addItem(tr("on"), 1);
        onOff_->addItem(tr("off"), 0);
        connect(onOff_, &QComboBox::currentIndexChanged, this, [this] {
            refreshEnabled();
            emit changed();
        });
    }
    if (spec_.kind != SockoptKind::Flag) {
        number_ = new QSpinBox(body);
        switch (spec_.kind) {
            case SockoptKind::Bytes:
                number_->setRange(std::max(1, (r.min + 1023) / 1024), r.max / 1024);
                number_->setValue(r.initial / 1024);
                number_->setSuffix(tr(" KiB"));
                break;
            case SockoptKind::Seconds:
            case SockoptKind::Linger:
                number_->setRange(r.min, r.max);
                number_->setValue(r.initial);
                number_->setSuffix(tr(" s"));
                break;
            case SockoptKind::Millis:
                number_->setRange(r.min, r.max);
                number_->setValue(r.initial);
                number_->setSuffix(tr(" ms"));
                number_->setSpecialValueText(tr("none (wait forever)"));
                break;
            default:
                number_->setRange(r.min, r.max);
                number_->setValue(r.initial);
        }
        connect(number_, &QSpinBox::valueChanged, this, &SockoptRow::changed);
    }
    if (onOff_ && number_) {  // SO_LINGER: off, or on with N seconds
        onOff_->setObjectName(valueName);
        number_->setObjectName(QStringLiteral("sockoptSeconds_") + name());
        editor_ = new QWidget(body);
        auto* pair = new QHBoxLayout(editor_);
        pair->setContentsMargins(0, 0, 0, 0);
        pair->addWidget(onOff_);
        pair->addWidget(number_, 1);
        return;
    }
    editor_ = onOff_ ? static_cast<QWidget*>(onOff_) : number_;
    editor_->setObjectName(valueName);
}

bool SockoptRow::isChecked() const { return check_->isChecked(); }

void SockoptRow::setChecked(bool on) { check_->setChecked(on); }

int SockoptRow::value() const {
    switch (spec_.kind) {
        case SockoptKind::Flag:
            return onOff_->currentData().toInt();
        case SockoptKind::Bytes:
            return number_->value() * 1024;
        case SockoptKind::Linger:
            return onOff_->currentData().toInt() ? number_->value() : -1;
        default:
            return number_->value();
    }
}

void SockoptRow::setValue(int value) {
    switch (spec_.kind) {
        case SockoptKind::Flag:
            onOff_->setCurrentIndex(value ? 0 : 1);
            break;
        case SockoptKind::Bytes:
            number_->setValue(std::max(1, (value + 512) / 1024));  // the nearest whole KiB
            break;
        case SockoptKind::Linger:
            onOff_->setCurrentIndex(value >= 0 ? 0 : 1);
            if (value >= 0) number_->setValue(value);
            break;
        default:
            number_->setValue(value);
    }
    refreshEnabled();
}

void SockoptRow::setShown(bool shown) {
    shown_ = shown;
    check_->setVisible(shown);
    editor_->setVisible(shown);
    if (where_) where_->setVisible(shown);
    readback_->setVisible(shown);
}

void SockoptRow::setEditable(bool editable) {
    editable_ = editable;
    refreshEnabled();
}

// The editor follows its check box: an option not set has no value.
void SockoptRow::refreshEnabled() {
    check_->setEnabled(editable_);
    const bool on = editable_ && check_->isChecked();
    editor_->setEnabled(on);
    if (onOff_ && number_) number_->setEnabled(on && onOff_->currentData().toInt() != 0);
}

void SockoptRow::setReadback(const SockoptReadback* readback) {
    if (!readback) {
        readback_->clear();
        readback_->setToolTip({});
        return;
    }
    const QString text = SockoptWords::readback(*readback);
    readback_->setText(text);
    readback_->setToolTip(SockoptWords::line(*readback));
    formstyle::setErrorText(readback_, SockoptWords::failed(*readback));
}

QString SockoptRow::readbackText() const { return readback_->text(); }

}  // namespace sockwb
