#include "widgets/sequence/sequencetab.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "widgets/sequence/sequenceview.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

SequenceTab::SequenceTab(TraceAdapter* adapter, TraceView* seed, QWidget* parent)
    : QWidget(parent),
      adapter_(adapter),
      seed_(seed),
      layout_(new QVBoxLayout(this)),
      toolBar_(new QHBoxLayout) {
    setObjectName(QStringLiteral("sequenceTab"));
    layout_->setContentsMargins(0, 0, 0, 0);
    toolBar_->addStretch(1);
    layout_->addLayout(toolBar_);
}

SequenceTab::~SequenceTab() = default;

SequenceView* SequenceTab::view() {
    if (view_) return view_;
    view_ = new SequenceView(this);
    view_->setObjectName(QStringLiteral("sequenceView"));
    layout_->addWidget(view_, 1);
    // The trace view holds what came before; the adapter's later batches
    // reach both, so nothing is shown twice and nothing is missed.
    if (seed_) view_->appendEvents(seed_->keptEvents());
    if (adapter_) view_->attach(adapter_);
    return view_;
}

void SequenceTab::clear() {
    if (view_) view_->clear();
}

void SequenceTab::showEvent(QShowEvent* event) {
    view();
    QWidget::showEvent(event);
}

}  // namespace sockwb
