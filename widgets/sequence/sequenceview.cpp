#include "widgets/sequence/sequenceview.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/sequence/sequence.h"
#include "widgets/common/presentationmode.h"
#include "widgets/sequence/sequencecanvas.h"
#include "widgets/sequence/sequencedetails.h"
#include "widgets/sequence/sequenceexport.h"
#include "widgets/trace/traceadapter.h"

namespace sockwb {

namespace {
// The zoom slider is logarithmic: 0 = 0.01 px/ms, 40 = 1 px/ms, 100 = 1000.
double zoomOf(int slider) { return std::pow(10.0, (slider - 40) / 20.0); }
int sliderOf(double pxPerMs) { return int(std::lround(40 + 20 * std::log10(pxPerMs))); }

QToolButton* toolButton(const QString& text, const QString& tip) {
    auto* b = new QToolButton;
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
}  // namespace

SequenceView::SequenceView(QWidget* parent)
    : QWidget(parent), builder_(std::make_unique<seq::SequenceBuilder>()) {
    canvas_ = new SequenceCanvas(*builder_, layout_, this);
    details_ = new SequenceDetails(this);
    timer_ = new QTimer(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(canvas_);
    split->addWidget(details_);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildToolBar());
    layout->addWidget(split, 1);
    connect(canvas_, &SequenceCanvas::selectionChanged, this, &SequenceView::onSelection);
    connect(canvas_, &SequenceCanvas::rangeRequested, this, &SequenceView::setRange);
    connect(timer_, &QTimer::timeout, this, &SequenceView::step);
    setSpeed(2);
    scaleToPresentation();
    connect(PresentationMode::instance(), &PresentationMode::changed, this,
            &SequenceView::scaleToPresentation);
    updateStatus();
}

// Presentation Mode: the rows, columns, headers and ruler grow with the
// fonts (the zoom of the real time axis stays the user's).
void SequenceView::scaleToPresentation() {
    const double f = PresentationMode::factor();
    const seq::LayoutOptions normal;
    seq::LayoutOptions o = layout_.options();
    o.callSpacing = normal.callSpacing * f;
    o.foldGap = normal.foldGap * f;
    o.columnWidth = normal.columnWidth * f;
    o.groupGap = normal.groupGap * f;
    o.left = normal.left * f;
    o.top = normal.top * f;
    o.bottomMargin = normal.bottomMargin * f;
    layout_.setOptions(o);
    canvas_->setScale(f);
    relayout();
}

SequenceView::~SequenceView() = default;

QWidget* SequenceView::buildToolBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 2, 4, 2);
    axis_ = new QComboBox;
    axis_->addItem(tr("Compressed time"));
    axis_->addItem(tr("Real time"));
    axis_->setToolTip(
        tr("Compressed: one step per call, long waits folded (a zigzag marks "
           "them). Real: distances proportional to time."));
    zoom_ = new QSlider(Qt::Horizontal);
    zoom_->setRange(0, 100);
    zoom_->setValue(sliderOf(layout_.options().pxPerMs));
    zoom_->setMaximumWidth(140);
    zoom_->setToolTip(tr("Zoom of the real time axis"));
    zoom_->setEnabled(false);
    auto* back = toolButton(tr("◀ Step"), tr("Back to the previous call"));
    auto* fwd = toolButton(tr("Step ▶"), tr("Show one more call (later calls are dimmed)"));
    play_ = toolButton(tr("Play"), tr("Replay the exchange call by call"));
    auto* stop = toolButton(tr("Stop"), tr("Stop the replay and show every call"));
    auto* rewind = toolButton(tr("Rewind"), tr("Back to the first call"));
    speed_ = new QComboBox;
    for (int s : {1, 2, 5, 10, 50}) speed_->addItem(tr("%1 calls/s").arg(s), s);
    speed_->setCurrentIndex(1);
    speed_->setToolTip(tr("Replay speed"));
    auto* svg = toolButton(tr("Export SVG…"), tr("Save the diagram (or the Shift+clicked range) "
                                                 "as an SVG picture"));
    auto* png = toolButton(tr("Export PNG…"), tr("Save the diagram (or the Shift+clicked range) "
                                                 "as a PNG picture"));
    status_ = new QLabel;
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(axis_);
    row->addWidget(zoom_);
    row->addSpacing(8);
    for (QWidget* w :
         {static_cast<QWidget*>(rewind), static_cast<QWidget*>(back), static_cast<QWidget*>(fwd),
          static_cast<QWidget*>(play_), static_cast<QWidget*>(stop), static_cast<QWidget*>(speed_)})
        row->addWidget(w);
    row->addSpacing(8);
    row->addWidget(svg);
    row->addWidget(png);
    row->addWidget(status_, 1);
    connect(axis_, &QComboBox::currentIndexChanged, this, [this](int i) {
        setAxis(i == 1 ? seq::LayoutOptions::Axis::Real : seq::LayoutOptions::Axis::Compressed);
    });
    connect(zoom_, &QSlider::valueChanged, this, [this](int v) { setZoom(zoomOf(v)); });
    connect(back, &QToolButton::clicked, this, &SequenceView::stepBack);
    connect(fwd, &QToolButton::clicked, this, [this] {
        pause();
        step();
    });
    connect(play_, &QToolButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(stop, &QToolButton::clicked, this, &SequenceView::stop);
    connect(rewind, &QToolButton::clicked, this, &SequenceView::rewind);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int i) { setSpeed(speed_->itemData(i).toInt()); });
    connect(svg, &QToolButton::clicked, this, [this] { exportWithDialog(true); });
    connect(png, &QToolButton::clicked, this, [this] { exportWithDialog(false); });
    return bar;
}

void SequenceView::attach(TraceAdapter* adapter) {
    connect(adapter, &TraceAdapter::eventsReady, this,
            [this](const QVector<TraceEvent>& events, quint64) { appendEvents(events); });
}

void SequenceView::appendEvents(const QVector<TraceEvent>& events) {
    if (events.isEmpty()) return;
    for (const TraceEvent& e : events) builder_->append(e);
    relayout();
}

void SequenceView::relayout() {
    canvas_->relayout();
    updateStatus();
}

void SequenceView::clear() {
    pause();
    builder_->clear();
    layout_.reset();
    rangeFirst_ = rangeLast_ = seq::kNone;
    canvas_->setPlayhead(seq::kNone);
    canvas_->setSelection(seq::kNone, seq::kNone);
    details_->showNothing();
    note_.clear();
    relayout();
}

const seq::SequenceBuilder& SequenceView::builder() const { return *builder_; }

void SequenceView::setAxis(seq::LayoutOptions::Axis axis) {
    seq::LayoutOptions o = layout_.options();
    if (o.axis == axis) return;
    o.axis = axis;
    layout_.setOptions(o);
    const bool real = axis == seq::LayoutOptions::Axis::Real;
    axis_->setCurrentIndex(real ? 1 : 0);
    zoom_->setEnabled(real);
    relayout();
    if (canvas_->selectedCall() != seq::kNone) canvas_->ensureVisible(canvas_->selectedCall());
}

void SequenceView::setZoom(double pxPerMs) {
    seq::LayoutOptions o = layout_.options();
    pxPerMs = std::clamp(pxPerMs, 0.01, 1000.0);
    if (std::abs(o.pxPerMs - pxPerMs) < 1e-9) return;
    o.pxPerMs = pxPerMs;
    layout_.setOptions(o);
    const QSignalBlocker block(zoom_);
    zoom_->setValue(sliderOf(pxPerMs));
    if (o.axis == seq::LayoutOptions::Axis::Real) relayout();
}

void SequenceView::select(size_t call, size_t arrow) {
    canvas_->setSelection(call, arrow);
    onSelection(call, arrow);
    if (call != seq::kNone)
        canvas_->ensureVisible(call);
    else if (arrow < builder_->arrows().size())
        canvas_->ensureVisible(builder_->arrows()[arrow].from);
}

void SequenceView::onSelection(size_t call, size_t arrow) {
    rangeFirst_ = rangeLast_ = seq::kNone;
    if (arrow != seq::kNone)
        details_->showArrow(*builder_, arrow);
    else if (call != seq::kNone)
        details_->showCall(*builder_, call);
    else
        details_->showNothing();
    updateStatus();
}

void SequenceView::setRange(size_t fromCall, size_t toCall) {
    if (fromCall >= layout_.laidCalls() || toCall >= layout_.laidCalls()) return;
    const size_t a = layout_.positionOf(fromCall), b = layout_.positionOf(toCall);
    rangeFirst_ = std::min(a, b);
    rangeLast_ = std::max(a, b) + 1;
    updateStatus();
}

void SequenceView::clearRange() {
    rangeFirst_ = rangeLast_ = seq::kNone;
    updateStatus();
}

void SequenceView::step() {
    const size_t n = builder_->timeOrder().size();
    if (n == 0) return pause();
    size_t pos = canvas_->playhead();
    if (pos == seq::kNone)
        pos = 0;
    else if (pos + 1 < n)
        ++pos;
    else
        return pause();
    canvas_->setPlayhead(pos);
    const size_t call = builder_->timeOrder()[pos];
    canvas_->setSelection(call, seq::kNone);
    details_->showCall(*builder_, call);
    if (pos + 1 >= n) pause();
    updateStatus();
}

void SequenceView::stepBack() {
    pause();
    const size_t pos = canvas_->playhead();
    if (pos == seq::kNone || pos == 0) return rewind();
    canvas_->setPlayhead(pos - 1);
    const size_t call = builder_->timeOrder()[pos - 1];
    canvas_->setSelection(call, seq::kNone);
    details_->showCall(*builder_, call);
    updateStatus();
}

void SequenceView::play() {
    if (builder_->timeOrder().empty()) return;
    const size_t pos = canvas_->playhead();
    if (pos == seq::kNone || pos + 1 >= builder_->timeOrder().size()) {
        canvas_->setPlayhead(seq::kNone);
    }
    timer_->start();
    play_->setText(tr("Pause"));
    if (canvas_->playhead() == seq::kNone) step();
}

void SequenceView::pause() {
    timer_->stop();
    if (play_) play_->setText(tr("Play"));
}

void SequenceView::stop() {
    pause();
    canvas_->setPlayhead(seq::kNone);
    updateStatus();
}

void SequenceView::rewind() {
    pause();
    canvas_->setPlayhead(seq::kNone);
    step();
}

bool SequenceView::isPlaying() const { return timer_->isActive(); }
size_t SequenceView::playhead() const { return canvas_->playhead(); }

void SequenceView::setSpeed(int callsPerSecond) {
    timer_->setInterval(1000 / std::max(1, callsPerSecond));
    const int i = speed_->findData(callsPerSecond);
    if (i >= 0 && i != speed_->currentIndex()) speed_->setCurrentIndex(i);
}

int SequenceView::paintedItems() const { return canvas_->lastPainted(); }

bool SequenceView::exportSvg(const QString& path, QString* errorString) const {
    return SequenceExport(*builder_, layout_, palette(), rangeFirst_, rangeLast_, canvas_->scale())
        .svg(path, errorString);
}

bool SequenceView::exportPng(const QString& path, QString* errorString) const {
    QString note;
    const bool ok =
        SequenceExport(*builder_, layout_, palette(), rangeFirst_, rangeLast_, canvas_->scale())
            .png(path, errorString, &note);
    if (ok && errorString) *errorString = note;
    return ok;
}

void SequenceView::exportWithDialog(bool svg) {
    const QString filter = svg ? tr("SVG pictures (*.svg)") : tr("PNG pictures (*.png)");
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export the diagram as SVG") : tr("Export the diagram as PNG"),
        svg ? QStringLiteral("sequence.svg") : QStringLiteral("sequence.png"), filter);
    if (path.isEmpty()) return;
    QString message;
    const bool ok = svg ? exportSvg(path, &message) : exportPng(path, &message);
    note_ = ok ? (message.isEmpty() ? tr("Saved %1").arg(path) : message) : message;
    updateStatus();
}

void SequenceView::updateStatus() {
    const seq::SequenceBuilder& b = *builder_;
    QString text = tr("%n call(s)", nullptr, int(b.calls().size())) + QStringLiteral(", ") +
                   tr("%n arrow(s)", nullptr, int(b.arrows().size()));
    if (canvas_->playhead() != seq::kNone)
        text += QStringLiteral(", ") +
                tr("replay at %1 of %2").arg(canvas_->playhead() + 1).arg(b.timeOrder().size());
    if (rangeFirst_ != seq::kNone)
        text +=
            QStringLiteral(", ") + tr("range: calls %1 to %2").arg(rangeFirst_ + 1).arg(rangeLast_);
    if (!note_.isEmpty()) text += QStringLiteral(" — ") + note_;
    status_->setText(text);
}

}  // namespace sockwb
