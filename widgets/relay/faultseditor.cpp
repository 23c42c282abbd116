#include "widgets/relay/faultseditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "widgets/relay/directionfaultsbox.h"

namespace sockwb {

FaultsEditor::FaultsEditor(QWidget* parent)
    : QWidget(parent),
      same_(new QCheckBox(tr("Same faults in &both directions"), this)),
      up_(new DirectionFaultsBox(QString(), this)),
      down_(new DirectionFaultsBox(QString(), this)) {
    setObjectName(QStringLiteral("faultsEditor"));
    same_->setObjectName(QStringLiteral("sameForBothBox"));
    same_->setToolTip(tr("One set of faults for the data going up and the data going down"));
    up_->setObjectName(QStringLiteral("upFaults"));
    down_->setObjectName(QStringLiteral("downFaults"));
    auto* boxes = new QHBoxLayout;
    boxes->addWidget(up_, 1);
    boxes->addWidget(down_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(same_);
    layout->addLayout(boxes);
    connect(up_, &DirectionFaultsBox::changed, this, [this] { onBoxChanged(RelayDirection::Up); });
    connect(down_, &DirectionFaultsBox::changed, this,
            [this] { onBoxChanged(RelayDirection::Down); });
    connect(same_, &QCheckBox::toggled, this, &FaultsEditor::setSameForBoth);
    updateTitles();
}

DirectionFaults FaultsEditor::faults(RelayDirection direction) const {
    return box(direction)->faults();
}

void FaultsEditor::setFaults(const DirectionFaults& up, const DirectionFaults& down) {
    up_->setFaults(up);
    down_->setFaults(down);
    const QSignalBlocker block(same_);
    same_->setChecked(up == down && up.any());
    updateTitles();
}

void FaultsEditor::setProtocol(Protocol protocol) {
    up_->setProtocol(protocol);
    down_->setProtocol(protocol);
}

bool FaultsEditor::sameForBoth() const { return same_->isChecked(); }

void FaultsEditor::setSameForBoth(bool same) {
    if (same_->isChecked() != same) {
        const QSignalBlocker block(same_);
        same_->setChecked(same);
    }
    updateTitles();
    if (same && down_->faults() != up_->faults()) {
        down_->setFaults(up_->faults());
        emit faultsChanged(RelayDirection::Down);
    }
}

void FaultsEditor::onBoxChanged(RelayDirection direction) {
    emit faultsChanged(direction);
    if (direction == RelayDirection::Up && same_->isChecked()) {
        down_->setFaults(up_->faults());
        emit faultsChanged(RelayDirection::Down);
    }
}

void FaultsEditor::updateTitles() {
    const bool same = same_->isChecked();
    up_->setTitle(same ? tr("Both directions") : tr("Up: client → server"));
    down_->setTitle(tr("Down: server → client"));
    down_->setVisible(!same);
}

}  // namespace sockwb
