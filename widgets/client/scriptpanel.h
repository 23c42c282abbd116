#pragma once
// ScriptPanel: the Script tab of a client window. A table of steps (what to
// send and when, what to expect and how soon, a pause, a close: a
// core/client/clientscript.h ScriptStep per row) the user edits with Add,
// Remove, Up and Down; texts use the send box's escapes (\n, \r, \t, \0,
// \\, \xHH), a bad one is marked inline. Play and Stop only ask: the window
// owns the ScriptPlayer and the socket, and hands each step's result back
// through showResults() while it plays. GUI thread only.

#include <QString>
#include <QWidget>
#include <vector>

#include "core/client/clientscript.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace sockwb {

class ScriptPanel final : public QWidget {
    Q_OBJECT
public:
    enum Column {
        KindColumn,
        TextColumn,
        DelayColumn,
        WithinColumn,
        NotBeforeColumn,
        ResultColumn
    };

    explicit ScriptPanel(QWidget* parent = nullptr);

    // The steps the table holds, texts decoded. A row whose text has a bad
    // escape keeps it as typed (UTF-8): check isValid() before playing.
    std::vector<ScriptStep> steps() const;
    // Replaces the table (texts shown escaped); clears the results. No changed().
    void setSteps(const std::vector<ScriptStep>& steps);
    // Every text decodes. *error (when given): what is wrong with the first bad one.
    bool isValid(QString* error = nullptr) const;
    int stepCount() const;

    // The results of a run, one per row (fewer: the rest are cleared), and
    // the summary line ("3 of 4 expectations met").
    void showResults(const std::vector<StepResult>& results, bool finished);
    void clearResults();
    // While a script plays the table is locked, Play is off and Stop on.
    void setPlaying(bool playing);
    bool isPlaying() const { return playing_; }
    // A line under the table (why the script could not play, that it was stopped).
    void setNote(const QString& text, bool isError);

    // What the result cell and the summary line say (tests, the workspace's report).
    QString resultText(int row) const;
    QString summaryText() const;
    QTableWidget* table() const { return table_; }

signals:
    // A step was added, removed, moved or edited.
    void changed();
    void playRequested();
    void stopRequested();

private:
    struct Row {
        ScriptStep::Kind kind = ScriptStep::Kind::Send;
        QString text;  // as typed, with escapes
        int delayMs = 0;
        int withinMs = 5000;
        int notBeforeMs = -1;
    };
    Row rowAt(int row) const;
    void insertRow(int row, const Row& values);
    void setRow(int row, const Row& values);
    void updateRowFields(int row);
    void validateRow(int row);
    int rowOf(const QWidget* cellWidget, int column) const;
    void addStep();
    void removeStep();
    void moveStep(int by);
    void edited();
    void updateButtons();
    void updateSummary();

    QTableWidget* table_;
    QPushButton* add_;
    QPushButton* remove_;
    QPushButton* up_;
    QPushButton* down_;
    QPushButton* play_;
    QPushButton* stop_;
    QLabel* summary_;
    QLabel* note_;
    bool playing_ = false;
    bool runShown_ = false;  // the results of a run not finished are shown
    int met_ = 0;            // of the results shown
    int expectations_ = 0;
};

}  // namespace sockwb
