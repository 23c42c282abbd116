#pragma once
// DataView: what a client sent and received, one row per message, with
// time stamps and direction in two colours (out blue, in green). Shows text
// or a hex dump (re-rendered on toggle from the kept records). Bounded: it
// keeps the last `capacity` records and says how many older ones it dropped.

#include <QByteArray>
#include <QDateTime>
#include <QWidget>
#include <deque>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace sockwb {

class DataView final : public QWidget {
    Q_OBJECT
public:
    explicit DataView(QWidget* parent = nullptr, int capacity = 2000);

    // Appends one message; from (incoming only): "from ADDR:PORT" is shown
    // when a reply came from another address than the peer. GUI thread.
    void addRecord(bool outgoing, const QByteArray& bytes, const QDateTime& when,
                   const QString& from = {});
    // Appends a line of commentary (connected, closed, an error). GUI thread.
    void addNote(const QString& text, const QDateTime& when, bool isError = false);
    void setHex(bool on);
    bool isHex() const;
    void clear();
    // The text shown, as plain text (tests, copy). GUI thread.
    QString plainText() const;
    int recordCount() const { return static_cast<int>(records_.size()); }

private:
    struct Record {
        enum Kind { In, Out, Note, ErrorNote } kind;
        QByteArray bytes;  // the message (its first kMaxShown bytes), or a note's UTF-8 text
        QDateTime when;
        qsizetype size = 0;  // the message's real size
        QString from;        // a sender other than the peer, else empty
    };
    // Bytes kept and shown per message: a flood (chargen) must not turn
    // into megabytes of text layout on the GUI thread.
    static constexpr qsizetype kMaxShown = 4096;
    void push(Record record);
    void render(const Record& r);
    void rerender();

    std::deque<Record> records_;
    int capacity_;
    quint64 dropped_ = 0;
    QPlainTextEdit* view_;
    QCheckBox* hexCheck_;
    QCheckBox* timeCheck_;
    QLabel* droppedLabel_;
};

}  // namespace sockwb
