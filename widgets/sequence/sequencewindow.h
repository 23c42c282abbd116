#pragma once
// SequenceWindow: a top-level window holding one SequenceView, for the
// sequence of a whole experiment (a server and its clients, the programs
// run) that no single panel owns. A status line says what feeds it; the
// window remembers its size and place between sessions (QSettings). It
// deletes itself when closed, and the adapters it was fed by may go away
// first (the view detaches). GUI thread only.

#include <QWidget>

class QLabel;

namespace sockwb {

class SequenceView;

class SequenceWindow final : public QWidget {
    Q_OBJECT
public:
    explicit SequenceWindow(QWidget* parent = nullptr);
    ~SequenceWindow() override;

    // "Sequence — <subject>" in the title bar.
    void setSubject(const QString& subject);
    // What feeds the view, in words ("echo · tcp 127.0.0.1:5000 and 2 clients").
    void setStatus(const QString& text);
    QString status() const;

    SequenceView* view() const { return view_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QLabel* status_;
    SequenceView* view_;
};

}  // namespace sockwb
