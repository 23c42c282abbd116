#include "widgets/client/dataview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include "widgets/common/byteformat.h"
#include "widgets/common/presentationhooks.h"

namespace sockwb {

namespace {
const char* kOutColour = "#1565c0";
const char* kInColour = "#2e7d32";
const char* kNoteColour = "#757575";
const char* kErrorColour = "#c62828";
}  // namespace

DataView::DataView(QWidget* parent, int capacity)
    : QWidget(parent),
      capacity_(capacity),
      view_(new QPlainTextEdit(this)),
      hexCheck_(new QCheckBox(tr("&Hex"), this)),
      timeCheck_(new QCheckBox(tr("&Time stamps"), this)),
      droppedLabel_(new QLabel(this)) {
    view_->setObjectName(QStringLiteral("receivedView"));
    view_->setReadOnly(true);
    PresentationHooks::useFixedFont(view_);
    view_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view_->setMaximumBlockCount(capacity_);
    hexCheck_->setObjectName(QStringLiteral("hexCheck"));
    hexCheck_->setToolTip(tr("Show the bytes as a hex dump instead of text"));
    timeCheck_->setObjectName(QStringLiteral("timeCheck"));
    timeCheck_->setChecked(true);
    auto* clearButton = new QPushButton(tr("C&lear"), this);
    clearButton->setObjectName(QStringLiteral("clearButton"));
    droppedLabel_->setObjectName(QStringLiteral("droppedLabel"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(hexCheck_);
    bar->addWidget(timeCheck_);
    bar->addStretch();
    bar->addWidget(droppedLabel_);
    bar->addWidget(clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(view_);

    connect(hexCheck_, &QCheckBox::toggled, this, &DataView::rerender);
    connect(timeCheck_, &QCheckBox::toggled, this, &DataView::rerender);
    connect(clearButton, &QPushButton::clicked, this, &DataView::clear);
}

void DataView::addRecord(bool outgoing, const QByteArray& bytes, const QDateTime& when,
                         const QString& from) {
    push(Record{outgoing ? Record::Out : Record::In, bytes.left(kMaxShown), when, bytes.size(),
                from});
}

void DataView::addNote(const QString& text, const QDateTime& when, bool isError) {
    const QByteArray utf8 = text.toUtf8();
    push(Record{isError ? Record::ErrorNote : Record::Note, utf8, when, utf8.size(), {}});
}

void DataView::push(Record record) {
    records_.push_back(std::move(record));
    if (static_cast<int>(records_.size()) > capacity_) {
        // The view drops its oldest row by itself (maximumBlockCount: one
        // row is one block), so no re-render is needed here.
        records_.pop_front();
        ++dropped_;
        droppedLabel_->setText(tr("%1 older rows dropped").arg(dropped_));
    }
    render(records_.back());
}

void DataView::render(const Record& r) {
    QString html;
    if (timeCheck_->isChecked())
        html +=
            QStringLiteral("<span style=\"color:%1\">%2</span> ")
                .arg(QLatin1String(kNoteColour), r.when.toString(QStringLiteral("HH:mm:ss.zzz")));
    QString body;
    const char* colour = kNoteColour;
    QString arrow;
    switch (r.kind) {
        case Record::Out:
            colour = kOutColour;
            arrow = tr("out");
            break;
        case Record::In:
            colour = kInColour;
            arrow = r.from.isEmpty() ? tr("in") : tr("in from %1").arg(r.from);
            break;
        case Record::Note:
            break;
        case Record::ErrorNote:
            colour = kErrorColour;
            break;
    }
    if (r.kind == Record::Out || r.kind == Record::In) {
        QByteArray bytes = r.bytes;
        QString shown = hexCheck_->isChecked() ? QLatin1Char('\n') + ByteFormat::toHexDump(bytes)
                                               : ByteFormat::toText(bytes);
        if (shown.endsWith(QLatin1Char('\n'))) shown.chop(1);  // the row ends anyway
        if (r.size > bytes.size())
            shown +=
                QLatin1Char('\n') +
                tr("… %1 more bytes not shown (%2 in all)").arg(r.size - bytes.size()).arg(r.size);
        body = QStringLiteral("<b>%1 %2</b> %3")
                   .arg(r.kind == Record::Out ? QStringLiteral("&rarr;") : QStringLiteral("&larr;"),
                        arrow.toHtmlEscaped(),
                        shown.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    } else {
        body = QStringLiteral("<i>%1</i>").arg(QString::fromUtf8(r.bytes).toHtmlEscaped());
    }
    html += QStringLiteral("<span style=\"color:%1; white-space:pre-wrap\">%2</span>")
                .arg(QLatin1String(colour), body);
    QScrollBar* bar = view_->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    view_->appendHtml(html);
    if (atEnd) bar->setValue(bar->maximum());
}

void DataView::rerender() {
    view_->clear();
    for (const auto& r : records_) render(r);
}

void DataView::setHex(bool on) { hexCheck_->setChecked(on); }

bool DataView::isHex() const { return hexCheck_->isChecked(); }

void DataView::clear() {
    records_.clear();
    dropped_ = 0;
    droppedLabel_->clear();
    view_->clear();
}

QString DataView::plainText() const { return view_->toPlainText(); }

}  // namespace sockwb
