#pragma once
// LabPanel: the "Lab" dock. A lab's title and explanation, then its
// "predict, then observe" question with its choices: Run is enabled once a
// prediction is chosen (or "Run without predicting"). Run asks the main
// window to start the workspace (runRequested) while the LabJudge follows
// the run; each check shows as a PASS/FAIL line as it is decided. When all
// are in (or the lab's runTimeoutMs passed) the panel says whether the
// prediction was right, gives the answer and what to observe. Reset asks
// for the lab to be rebuilt, to run again. GUI thread only.

#include <QString>
#include <QWidget>

#include "widgets/workspace/workspace.h"

class QButtonGroup;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace sockwb {

class LabJudge;

class LabPanel final : public QWidget {
    Q_OBJECT
public:
    enum class Stage { Question, Running, Done };

    // language: "en", "fr"; "" = the UI's (QLocale's default).
    explicit LabPanel(QWidget* parent = nullptr, const QString& language = {});

    // Shows the lab of workspace (its question first) and judges its runs.
    void setWorkspace(const Workspace& workspace);
    const Workspace& workspace() const;
    bool hasLab() const;
    LabJudge* judge() const { return judge_; }
    Stage stage() const { return stage_; }
    // The choice picked (-1: none, or run without predicting).
    int prediction() const;
    // Clicks Run (with the prediction picked) or "Run without predicting". Tests.
    void run(bool withPrediction = true);
    void reset();

    // What the panel shows (tests).
    QPushButton* runButton() const { return run_; }
    QPushButton* runWithoutButton() const { return runWithout_; }
    QButtonGroup* choices() const { return choices_; }
    QListWidget* results() const { return results_; }
    QString verdictText() const;
    QString observeText() const;

signals:
    // Run: start what the workspace holds (WorkspaceController::startAll()).
    void runRequested();
    // Reset: rebuild the lab, not started, to run it again.
    void resetRequested();

private:
    void showQuestion();
    void showChecks();
    void onFinished(bool timedOut);
    void updateButtons();

    QString language_;
    LabJudge* judge_;
    Stage stage_ = Stage::Question;
    bool predicted_ = false;
    QLabel* title_;
    QLabel* explanation_;
    QGroupBox* questionBox_;
    QLabel* question_;
    QVBoxLayout* choiceLayout_;
    QButtonGroup* choices_;
    QPushButton* run_;
    QPushButton* runWithout_;
    QPushButton* reset_;
    QLabel* status_;
    QListWidget* results_;
    QLabel* verdict_;
    QLabel* observe_;
};

}  // namespace sockwb
