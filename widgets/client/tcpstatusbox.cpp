#include "widgets/client/tcpstatusbox.h"

#include <QGridLayout>
#include <QLabel>

#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
constexpr int kFieldsPerRow = 5;
}

TcpStatusBox::TcpStatusBox(QWidget* parent)
    : QGroupBox(tr("TCP (live, from the kernel)"), parent),
      hub_(TcpSamplerHub::instance()),
      note_(new QLabel(this)) {
    setObjectName(QStringLiteral("tcpStatus"));
    setToolTip(
        tr("This socket as the kernel sees it (TCP_INFO and the queues), read from the "
           "socket table a few times a second"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 2, 6, 2);
    grid->setVerticalSpacing(0);
    for (int f = 0; f < TcpText::FieldCount; ++f) {
        const auto field = TcpText::Field(f);
        auto* name = new QLabel(tr("%1:").arg(TcpText::name(field)), this);
        auto* value = new QLabel(this);
        value->setObjectName(QStringLiteral("tcpValue%1").arg(f));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        name->setToolTip(TcpText::explanation(field));
        value->setToolTip(TcpText::explanation(field));
        const int row = f / kFieldsPerRow;
        const int col = (f % kFieldsPerRow) * 2;
        grid->addWidget(name, row, col, Qt::AlignRight);
        grid->addWidget(value, row, col + 1);
        values_[size_t(f)] = value;
    }
    note_->setObjectName(QStringLiteral("tcpNote"));
    note_->setWordWrap(true);
    note_->hide();
    grid->addWidget(note_, 2, 0, 1, 2 * kFieldsPerRow);
    connect(hub_->sampler(), &TcpSampler::sampled, this, &TcpStatusBox::onSamples);
    QGroupBox::hide();  // until a TCP connection is made
}

TcpStatusBox::~TcpStatusBox() {
    if (hub_) hub_->setTarget(this, std::nullopt);
}

void TcpStatusBox::watch(const QString& local, const QString& peer) {
    try {
        target_ =
            TcpWatchTarget{Address::parse(local.toStdString()), Address::parse(peer.toStdString())};
    } catch (const Error&) {
        target_.reset();  // not an IP endpoint: nothing the TCP table could list
    }
    last_.reset();
    misses_ = 0;
    display(nullptr);
    note_->hide();
    setVisible(target_.has_value());
    updateSampling();
}

void TcpStatusBox::clear() {
    target_.reset();
    last_.reset();
    QGroupBox::hide();
    updateSampling();
}

QString TcpStatusBox::valueText(TcpText::Field field) const {
    return values_[size_t(field)]->text();
}

void TcpStatusBox::updateSampling() {
    if (!hub_) return;  // the application is going
    hub_->setTarget(this, target_ && isVisible() ? target_ : std::nullopt);
}

void TcpStatusBox::onSamples(const TcpSamples& samples) {
    if (!target_) return;
    if (samples.error) {
        note_->setText(ErrorText::sentence(*samples.error));
        note_->show();
        return;
    }
    const TcpWatchSample* s = samples.index->find(target_->local, target_->peer);
    if (!s) {
        // Seen before and gone now (closed, TIME-WAIT over), or never listed
        // (reset at once): nothing more to follow.
        if (last_ || ++misses_ >= kMaxMisses) {
            note_->setText(tr("The kernel no longer lists this connection: it is fully closed."));
            note_->show();
            display(nullptr);
            last_.reset();
            target_.reset();
            updateSampling();
        }
        return;
    }
    last_ = *s;
    note_->hide();
    display(s);
}

void TcpStatusBox::display(const TcpWatchSample* sample) {
    for (int f = 0; f < TcpText::FieldCount; ++f) {
        const QString text = sample ? TcpText::value(TcpText::Field(f), *sample) : QString();
        QLabel* label = values_[size_t(f)];
        if (label->text() != text) label->setText(text);
    }
}

void TcpStatusBox::showEvent(QShowEvent* event) {
    QGroupBox::showEvent(event);
    updateSampling();
}

void TcpStatusBox::hideEvent(QHideEvent* event) {
    QGroupBox::hideEvent(event);
    updateSampling();
}

}  // namespace sockwb
