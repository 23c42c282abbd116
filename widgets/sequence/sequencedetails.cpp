#include "widgets/sequence/sequencedetails.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/common/byteformat.h"
#include "widgets/common/presentationhooks.h"
#include "widgets/sequence/sequencetext.h"

namespace sockwb {

namespace {
QPlainTextEdit* bytesEdit() {
    auto* e = new QPlainTextEdit;
    e->setReadOnly(true);
    PresentationHooks::useFixedFont(e);
    return e;
}
}  // namespace

SequenceDetails::SequenceDetails(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel),
      explanation_(new QLabel),
      line_(new QLineEdit),
      when_(new QLabel),
      note_(new QLabel),
      tabs_(new QTabWidget),
      text_(bytesEdit()),
      hex_(bytesEdit()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    explanation_->setWordWrap(true);
    line_->setReadOnly(true);
    PresentationHooks::useFixedFont(line_);
    line_->setToolTip(tr("The call as the trace shows it"));
    tabs_->addTab(text_, tr("Text"));
    tabs_->addTab(hex_, tr("Hex"));
    layout->addWidget(title_);
    layout->addWidget(explanation_);
    layout->addWidget(line_);
    layout->addWidget(when_);
    layout->addWidget(note_);
    layout->addWidget(tabs_, 1);
    showNothing();
}

void SequenceDetails::showNothing() {
    title_->setText(tr("Click a call or an arrow to see its bytes"));
    explanation_->clear();
    explanation_->hide();
    line_->clear();
    when_->clear();
    setBytes({}, 0);
}

void SequenceDetails::setEvent(const TraceEvent& e, int64_t originUs) {
    line_->setText(QString::fromStdString(e.toLine()));
    line_->setCursorPosition(0);
    const QString clock =
        QDateTime::fromMSecsSinceEpoch(e.timeUs / 1000).toString(QStringLiteral("HH:mm:ss.zzz"));
    when_->setText(tr("at %1 (%2), pid %3, thread %4")
                       .arg(clock, SequenceText::offset(e.timeUs - originUs))
                       .arg(e.pid)
                       .arg(e.tid));
}

void SequenceDetails::showCall(const seq::SequenceBuilder& b, size_t call) {
    if (call >= b.calls().size()) return showNothing();
    const TraceEvent& e = b.events()[b.calls()[call].event];
    const int64_t origin = b.calls()[b.timeOrder().front()].timeUs;
    const QString records = SequenceText::tlsRecords(b.tlsRecords(call));
    title_->setText(records.isEmpty()
                        ? SequenceText::callLabel(e)
                        : tr("%1 (TLS: %2)").arg(SequenceText::callLabel(e), records));
    explanation_->hide();
    setEvent(e, origin);
    setBytes(QByteArray(e.data.data(), qsizetype(e.data.size())),
             e.data.empty() ? 0 : std::max<int64_t>(e.result, int64_t(e.data.size())));
}

void SequenceDetails::showArrow(const seq::SequenceBuilder& b, size_t index) {
    if (index >= b.arrows().size()) return showNothing();
    const seq::Arrow& a = b.arrows()[index];
    const TraceEvent& from = b.events()[b.calls()[a.from].event];
    const int64_t origin = b.calls()[b.timeOrder().front()].timeUs;
    QString title = SequenceText::arrowKindName(a.kind);
    if (a.length > 0) title = tr("%1, %2").arg(title, SequenceText::bytes(a.length));
    if (a.to != seq::kNone) {
        const TraceEvent& to = b.events()[b.calls()[a.to].event];
        title = tr("%1: %2 → %3")
                    .arg(title, SequenceText::callLabel(from), SequenceText::callLabel(to));
    }
    QString explanation = SequenceText::arrowExplanation(a.kind);
    const QString records = SequenceText::tlsRecords(b.tlsRecordsOf(a));
    if (!records.isEmpty()) {
        title = tr("%1 (TLS: %2)").arg(title, records);
        explanation = tr("%1\n%2").arg(explanation, SequenceText::tlsExplanation());
    }
    title_->setText(title);
    explanation_->setText(explanation);
    explanation_->show();
    setEvent(from, origin);
    if (a.kind != seq::Arrow::Kind::Data) {
        const bool carries =
            a.kind == seq::Arrow::Kind::Datagram || a.kind == seq::Arrow::Kind::Lost;
        setBytes(carries ? QByteArray(from.data.data(), qsizetype(from.data.size())) : QByteArray(),
                 carries ? a.length : 0);
        return;
    }
    // The send's bytes start at the lowest offset of its data arrows: this
    // arrow's share is the slice [offset - start, + length) of them.
    int64_t start = a.offset;
    for (size_t other : b.arrowsOf(a.from)) {
        const seq::Arrow& o = b.arrows()[other];
        if (o.from == a.from && o.kind == seq::Arrow::Kind::Data) start = std::min(start, o.offset);
    }
    const int64_t skip = std::clamp<int64_t>(a.offset - start, 0, int64_t(from.data.size()));
    const int64_t kept = std::clamp<int64_t>(a.length, 0, int64_t(from.data.size()) - skip);
    setBytes(QByteArray(from.data.data() + skip, qsizetype(kept)), a.length);
}

void SequenceDetails::setBytes(const QByteArray& bytes, int64_t total) {
    text_->setPlainText(ByteFormat::toText(bytes));
    hex_->setPlainText(ByteFormat::toHexDump(bytes));
    if (total > bytes.size())
        note_->setText(tr("first %1 of %2 bytes (the trace keeps the first %3 of each call)")
                           .arg(bytes.size())
                           .arg(total)
                           .arg(kTraceDataBytes));
    else if (total > 0)
        note_->setText(tr("%n byte(s)", nullptr, int(total)));
    else
        note_->setText(tr("no bytes"));
    tabs_->setEnabled(total > 0);
}

QString SequenceDetails::title() const { return title_->text(); }
QString SequenceDetails::traceLine() const { return line_->text(); }
QString SequenceDetails::bytesText() const { return text_->toPlainText(); }
QString SequenceDetails::bytesHex() const { return hex_->toPlainText(); }
QString SequenceDetails::bytesNote() const { return note_->text(); }

}  // namespace sockwb
