#include "widgets/sequence/sequenceview.h"

#include "core/sequence/sequence.h"
#include "widgets/trace/traceadapter.h"

// A placeholder with the final interface, so the windows that open the view
// can be wired while the view itself is written.

namespace sockwb {

SequenceView::SequenceView(QWidget* parent)
    : QWidget(parent), builder_(std::make_unique<seq::SequenceBuilder>()) {}

SequenceView::~SequenceView() = default;

void SequenceView::attach(TraceAdapter* adapter) {
    connect(adapter, &TraceAdapter::eventsReady, this,
            [this](const QVector<TraceEvent>& events, quint64) { appendEvents(events); });
}

void SequenceView::appendEvents(const QVector<TraceEvent>& events) {
    for (const TraceEvent& e : events) builder_->append(e);
}

void SequenceView::clear() { builder_->clear(); }

const seq::SequenceBuilder& SequenceView::builder() const { return *builder_; }

bool SequenceView::exportSvg(const QString&, QString* errorString) const {
    if (errorString) *errorString = QStringLiteral("not written yet");
    return false;
}

bool SequenceView::exportPng(const QString&, QString* errorString) const {
    if (errorString) *errorString = QStringLiteral("not written yet");
    return false;
}

}  // namespace sockwb
