#pragma once
// LessonWindow: one built-in lesson (core/lessons) in a window: its
// explanation, a "predict, then observe" question with a field for the
// student's guess, a Run button, the steps ticking as they happen, and the
// socket-table rows each step observed (select a step to see them). The
// lesson runs on its own thread (it waits seconds on purpose); its steps
// come back to the GUI thread queued. Closing the window stops a run in
// progress (a stop is seen within ~100 ms) and joins it. GUI thread only.

#include <QWidget>
#include <thread>
#include <vector>

#include "core/lessons/lessonstep.h"
#include "core/lessons/socketlesson.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace sockwb {

class LessonWindow final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit LessonWindow(LessonId id, QWidget* parent = nullptr);
    ~LessonWindow() override;
    // A new top-level window, deleted on close.
    static LessonWindow* open(LessonId id);

    LessonId lesson() const { return id_; }
    bool isRunning() const { return running_; }
    // Runs the lesson (nothing if it runs already); cancel() stops it.
    void run();
    void cancel();
    const std::vector<LessonStep>& steps() const { return steps_; }
    // The step whose socket rows the table shows (-1: none).
    void showSockets(int step);
    QTableWidget* socketTable() const { return table_; }

signals:
    void stepAdded(int index);
    // The run ended: ok false when it failed or was cancelled.
    void finished(bool ok);
    // "Open the socket table" on the lesson's port.
    void socketTableRequested(int port);

private:
    void onStep(const LessonStep& step);
    void onFinished(const LessonResult& result);

    LessonId id_;
    std::vector<LessonStep> steps_;
    bool running_ = false;
    int port_ = 0;
    QLabel* status_;
    QLineEdit* prediction_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QPushButton* tableButton_;
    QListWidget* list_;
    QTableWidget* table_;
    std::jthread worker_;  // last member: joined first, while the widgets exist
};

}  // namespace sockwb
