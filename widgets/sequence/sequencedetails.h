#pragma once
// SequenceDetails: the pane under the sequence diagram that shows what was
// clicked: for a call, its trace row (TraceEvent::toLine()), time, pid/tid
// and the bytes it moved; for an arrow, its kind explained and the bytes it
// carried. Bytes as text and as a hex dump, with "first 512 of N bytes"
// when the trace kept only the beginning. GUI thread only.

#include <QByteArray>
#include <QWidget>
#include <cstddef>

#include "core/sequence/sequence.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace sockwb {

class SequenceDetails final : public QWidget {
    Q_OBJECT
public:
    explicit SequenceDetails(QWidget* parent = nullptr);

    void showCall(const seq::SequenceBuilder& builder, size_t call);
    void showArrow(const seq::SequenceBuilder& builder, size_t arrow);
    void showNothing();

    // What is shown (tests read them).
    QString title() const;
    QString traceLine() const;
    QString bytesText() const;
    QString bytesHex() const;
    QString bytesNote() const;

private:
    void setBytes(const QByteArray& bytes, int64_t total);
    void setEvent(const TraceEvent& e, int64_t originUs);

    QLabel* title_;
    QLabel* explanation_;
    QLineEdit* line_;
    QLabel* when_;
    QLabel* note_;
    QTabWidget* tabs_;
    QPlainTextEdit* text_;
    QPlainTextEdit* hex_;
};

}  // namespace sockwb
