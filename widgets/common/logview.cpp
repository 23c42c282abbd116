#include "widgets/common/logview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace sockwb {

LogView::LogView(QWidget* parent, int capacity)
    : QWidget(parent),
      text_(new QPlainTextEdit(this)),
      status_(new QLabel(this)),
      capacity_(std::max(10, capacity)) {
    text_->setObjectName(QStringLiteral("logText"));
    text_->setReadOnly(true);
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setMaximumBlockCount(capacity_);
    text_->setFont(QFont(QStringLiteral("monospace")));
    status_->setObjectName(QStringLiteral("logStatus"));
    auto* clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(status_, 1);
    bar->addWidget(clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_, 1);
    layout->addLayout(bar);
    connect(clearButton, &QToolButton::clicked, this, &LogView::clear);
    updateStatus();
}

void LogView::append(Kind kind, const QString& text, const QDateTime& time) {
    append({Line{kind, text, time}});
}

void LogView::append(const QVector<Line>& lines) {
    if (lines.isEmpty()) return;
    QScrollBar* bar = text_->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(text_->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    const QDateTime now = QDateTime::currentDateTime();
    for (const Line& line : lines) {
        QTextCharFormat stamp;
        stamp.setForeground(QColor(0x80, 0x80, 0x80));
        QTextCharFormat body;
        QString arrow;
        switch (line.kind) {
            case Incoming:
                body.setForeground(QColor(0x1a, 0x5f, 0xb4));
                arrow = QStringLiteral("<< ");
                break;
            case Outgoing:
                body.setForeground(QColor(0x26, 0x80, 0x26));
                arrow = QStringLiteral(">> ");
                break;
            case Failure:
                body.setForeground(QColor(0xc0, 0x1c, 0x28));
                arrow = QStringLiteral("!! ");
                break;
            case Info:
                break;
        }
        if (!text_->document()->isEmpty()) cursor.insertBlock();
        const QDateTime t = line.time.isValid() ? line.time : now;
        cursor.insertText(t.toString(QStringLiteral("HH:mm:ss.zzz ")), stamp);
        cursor.insertText(arrow + line.text, body);
        ++appended_;
    }
    cursor.endEditBlock();
    if (atBottom) bar->setValue(bar->maximum());
    updateStatus();
}

void LogView::clear() {
    text_->clear();
    appended_ = 0;
    updateStatus();
}

void LogView::setCapacity(int lines) {
    capacity_ = std::max(10, lines);
    text_->setMaximumBlockCount(capacity_);
    updateStatus();
}

quint64 LogView::dropped() const {
    const auto kept = static_cast<quint64>(text_->document()->isEmpty() ? 0 : text_->blockCount());
    return appended_ > kept ? appended_ - kept : 0;
}

QString LogView::toPlainText() const { return text_->toPlainText(); }

void LogView::updateStatus() {
    QString s = tr("%n line(s)", nullptr, static_cast<int>(appended_ - dropped()));
    if (dropped()) s += tr(", %1 older dropped (keeps the last %2)").arg(dropped()).arg(capacity_);
    status_->setText(s);
}

}  // namespace sockwb
