#include "widgets/relay/directionfaultsbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <algorithm>
#include <cmath>

namespace sockwb {

namespace {
int percent(double p) { return int(std::lround(std::clamp(p, 0.0, 1.0) * 100)); }
double probabilityOf(const QSpinBox* box) { return box->value() / 100.0; }
double probabilityOf(const QSlider* slider) { return slider->value() / 100.0; }
// The limit units, as the combo's item data.
enum LimitUnit { Off, Bytes, Millis };
}  // namespace

DirectionFaultsBox::DirectionFaultsBox(const QString& title, QWidget* parent)
    : QGroupBox(title, parent) {
    build();
    setProtocol(Protocol::Tcp);
}

QSpinBox* DirectionFaultsBox::spin(const char* name, int max, const QString& suffix) {
    auto* box = new QSpinBox(this);
    box->setObjectName(QLatin1String(name));
    box->setRange(0, max);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    connect(box, &QSpinBox::valueChanged, this, &DirectionFaultsBox::emitChanged);
    return box;
}

QWidget* DirectionFaultsBox::row(std::initializer_list<QWidget*> widgets) {
    auto* w = new QWidget(this);
    auto* layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* child : widgets) {
        child->setParent(w);
        layout->addWidget(child, qobject_cast<QSlider*>(child) ? 1 : 0);
    }
    layout->addStretch(1);
    return w;
}

DirectionFaultsBox::Limit DirectionFaultsBox::limit(const char* name) {
    Limit l{new QComboBox(this), spin(name, 1 << 30, QString())};
    l.unit->setObjectName(QLatin1String(name) + QStringLiteral("Unit"));
    l.unit->addItem(tr("never"), Off);
    l.unit->addItem(tr("bytes"), Bytes);
    l.unit->addItem(tr("ms"), Millis);
    l.amount->setEnabled(false);
    connect(l.unit, &QComboBox::currentIndexChanged, this, [this, l] {
        l.amount->setEnabled(l.unit->currentData().toInt() != Off);
        emitChanged();
    });
    return l;
}

DirectionFaultsBox::Probability DirectionFaultsBox::probability(const char* name) {
    Probability p{new QSlider(Qt::Horizontal, this), new QLabel(QStringLiteral("0 %"), this)};
    p.slider->setObjectName(QLatin1String(name));
    p.slider->setRange(0, 100);
    p.slider->setMinimumWidth(120);
    p.value->setMinimumWidth(p.value->fontMetrics().horizontalAdvance(QStringLiteral("100 %")));
    p.value->setObjectName(QLatin1String(name) + QStringLiteral("Value"));
    connect(p.slider, &QSlider::valueChanged, this, [this, p](int v) {
        p.value->setText(tr("%1 %").arg(v));
        emitChanged();
    });
    return p;
}

void DirectionFaultsBox::build() {
    const QString ms = tr(" ms");
    const QString percentSuffix = tr(" %");
    latency_ = spin("latencyBox", 600000, ms);
    jitter_ = spin("jitterBox", 600000, ms);
    jitter_->setPrefix(QStringLiteral("± "));
    latencyP_ = spin("latencyProbabilityBox", 100, percentSuffix);
    latencyP_->setToolTip(tr("Share of the chunks (TCP) or datagrams (UDP) that wait"));
    latency_->setToolTip(tr("Each chunk or datagram waits this long (± the jitter) in the relay"));
    bandwidth_ = spin("bandwidthBox", 10000000, tr(" KiB/s"));
    bandwidth_->setSpecialValueText(tr("no cap"));
    bandwidth_->setToolTip(tr("At most this many KiB per second leave in this direction"));
    slice_ = spin("sliceBox", 1 << 20, tr(" B"));
    slice_->setSpecialValueText(tr("whole"));
    slice_->setToolTip(
        tr("Each chunk is written in slices of this many bytes, one send() each: the peer's "
           "recv() gets a message in pieces"));
    sliceVar_ = spin("sliceVarianceBox", 1 << 20, tr(" B"));
    sliceVar_->setPrefix(QStringLiteral("± "));
    sliceDelay_ = spin("sliceDelayBox", 60000, ms);
    sliceDelay_->setToolTip(tr("Pause between two slices"));
    sliceP_ = spin("sliceProbabilityBox", 100, percentSuffix);
    reset_ = limit("resetAfterBox");
    reset_.unit->setToolTip(
        tr("After this many bytes (or ms) both legs are reset (SO_LINGER 0: RST): the peer "
           "sees ECONNRESET"));
    close_ = limit("closeAfterBox");
    close_.unit->setToolTip(tr("After this many bytes (or ms) both legs are closed cleanly (FIN)"));
    limitP_ = spin("limitProbabilityBox", 100, percentSuffix);
    limitP_->setToolTip(tr("Share of the connections the reset, close and stall apply to"));
    stall_ = new QCheckBox(tr("Stall: stop forwarding (the peer waits forever)"), this);
    stall_->setObjectName(QStringLiteral("stallBox"));
    connect(stall_, &QCheckBox::toggled, this, &DirectionFaultsBox::emitChanged);
    drop_ = probability("dropSlider");
    duplicate_ = probability("duplicateSlider");
    reorder_ = probability("reorderSlider");
    reorder_.slider->setToolTip(tr("Held back and sent after the next datagram"));

    form_ = new QFormLayout(this);
    QWidget* latencyRow = row({latency_, jitter_, new QLabel(tr("of"), this), latencyP_});
    form_->addRow(tr("&Latency:"), latencyRow);
    tcpRows_ << bandwidth_;
    form_->addRow(tr("&Bandwidth:"), bandwidth_);
    QWidget* sliceRow = row({slice_, sliceVar_, new QLabel(tr("every"), this), sliceDelay_,
                             new QLabel(tr("of"), this), sliceP_});
    tcpRows_ << sliceRow;
    form_->addRow(tr("&Slice:"), sliceRow);
    QWidget* resetRow = row({reset_.amount, reset_.unit});
    QWidget* closeRow = row({close_.amount, close_.unit});
    tcpRows_ << resetRow << closeRow << limitP_ << stall_;
    form_->addRow(tr("&Reset after:"), resetRow);
    form_->addRow(tr("&Close after:"), closeRow);
    form_->addRow(tr("Of connections:"), limitP_);
    form_->addRow(QString(), stall_);
    const std::pair<const char*, Probability*> udp[] = {{QT_TR_NOOP("&Drop:"), &drop_},
                                                        {QT_TR_NOOP("D&uplicate:"), &duplicate_},
                                                        {QT_TR_NOOP("Re&order:"), &reorder_}};
    for (const auto& [label, p] : udp) {
        QWidget* r = row({p->slider, p->value});
        udpRows_ << r;
        form_->addRow(tr(label), r);
    }
    setFaults(DirectionFaults{});
}

void DirectionFaultsBox::setProtocol(Protocol protocol) {
    const bool udp = protocol == Protocol::Udp || protocol == Protocol::UnixDgram;
    for (QWidget* w : tcpRows_) form_->setRowVisible(w, !udp);
    for (QWidget* w : udpRows_) form_->setRowVisible(w, udp);
}

std::optional<FaultLimit> DirectionFaultsBox::limitOf(const Limit& l) {
    const int unit = l.unit->currentData().toInt();
    if (unit == Off) return std::nullopt;
    FaultLimit f;
    f.unit = unit == Millis ? FaultLimit::Unit::Millis : FaultLimit::Unit::Bytes;
    f.amount = uint64_t(l.amount->value());
    return f;
}

void DirectionFaultsBox::setLimit(const Limit& l, const std::optional<FaultLimit>& value) {
    const int unit = !value ? Off : value->unit == FaultLimit::Unit::Millis ? Millis : Bytes;
    l.unit->setCurrentIndex(l.unit->findData(unit));
    l.amount->setValue(value ? int(std::min<uint64_t>(value->amount, uint64_t(l.amount->maximum())))
                             : 0);
    l.amount->setEnabled(unit != Off);
}

DirectionFaults DirectionFaultsBox::faults() const {
    DirectionFaults f;
    f.latencyMs = {latency_->value(), jitter_->value()};
    f.latencyP = probabilityOf(latencyP_);
    f.bandwidthKBps = bandwidth_->value();
    f.sliceBytes = {slice_->value(), sliceVar_->value()};
    f.sliceDelayMs = sliceDelay_->value();
    f.sliceP = probabilityOf(sliceP_);
    f.resetAfter = limitOf(reset_);
    f.closeAfter = limitOf(close_);
    f.limitP = probabilityOf(limitP_);
    f.stall = stall_->isChecked();
    f.dropP = probabilityOf(drop_.slider);
    f.duplicateP = probabilityOf(duplicate_.slider);
    f.reorderP = probabilityOf(reorder_.slider);
    return f;
}

void DirectionFaultsBox::setFaults(const DirectionFaults& f) {
    filling_ = true;
    latency_->setValue(f.latencyMs.value);
    jitter_->setValue(f.latencyMs.spread);
    latencyP_->setValue(percent(f.latencyP));
    bandwidth_->setValue(f.bandwidthKBps);
    slice_->setValue(f.sliceBytes.value);
    sliceVar_->setValue(f.sliceBytes.spread);
    sliceDelay_->setValue(f.sliceDelayMs);
    sliceP_->setValue(percent(f.sliceP));
    setLimit(reset_, f.resetAfter);
    setLimit(close_, f.closeAfter);
    limitP_->setValue(percent(f.limitP));
    stall_->setChecked(f.stall);
    drop_.slider->setValue(percent(f.dropP));
    duplicate_.slider->setValue(percent(f.duplicateP));
    reorder_.slider->setValue(percent(f.reorderP));
    filling_ = false;
}

void DirectionFaultsBox::emitChanged() {
    if (!filling_) emit changed();
}

}  // namespace sockwb
