#pragma once
// LogView: a bounded, time-stamped log. Each line has a kind with its own
// colour (received data, sent data, errors, notes); only the last
// `capacity` lines are kept and the ones dropped are counted on screen.

#include <QDateTime>
#include <QVector>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace sockwb {

class LogView final : public QWidget {
    Q_OBJECT
public:
    enum Kind { Info, Incoming, Outgoing, Failure };
    struct Line {
        Kind kind = Info;
        QString text;
        QDateTime time;  // invalid: now
    };

    // GUI thread only (as every method). capacity: lines kept.
    explicit LogView(QWidget* parent = nullptr, int capacity = 5000);

    void append(Kind kind, const QString& text, const QDateTime& time = {});
    // Appends many lines in one edit (one repaint).
    void append(const QVector<Line>& lines);
    void clear();
    void setCapacity(int lines);
    int capacity() const { return capacity_; }
    // Lines pushed out since the last clear().
    quint64 dropped() const;
    // The text shown (tests).
    QString toPlainText() const;

private:
    void updateStatus();

    QPlainTextEdit* text_;
    QLabel* status_;
    int capacity_;
    quint64 appended_ = 0;
};

}  // namespace sockwb
