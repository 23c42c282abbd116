#pragma once
// CompareWindow: the Compare panel, a top-level window. Pick a workload and
// the models; Start runs a server under each model in turn and loads it
// (CompareRunner, off the GUI thread), with a progress bar over the models,
// a results table (CompareResultsModel) and four charts (CompareCharts)
// that grow as each model finishes. Export CSV and PNG. Errors of a model
// show inline and the run goes on; closing the window cancels and joins.

#include <QElapsedTimer>
#include <QWidget>

#include "widgets/compare/compareconfig.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;

namespace sockwb {

class CompareCharts;
class CompareForm;
class CompareResultsModel;
class CompareRunner;

class CompareWindow final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit CompareWindow(QWidget* parent = nullptr);
    // Cancels a run and joins its thread (every server stopped).
    ~CompareWindow() override;

    // A new window, shown, deleted when closed.
    static CompareWindow* open();

    // Runs what the form says; false (reason shown inline) if it cannot.
    bool start();
    // Fills the form with config and runs exactly it (warm-up included).
    bool start(const CompareConfig& config);
    // Cancels the run; returns once every server and load thread has ended.
    void stop();
    bool isRunning() const;

    // The results as CSV into path; false with *error set.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    // The charts as a PNG image into path; false with *error set.
    bool exportPng(const QString& path, QString* error = nullptr) const;
    // Ask for a file name, then export (errors inline).
    void exportCsvDialog();
    void exportPngDialog();

    CompareForm* form() const { return form_; }
    CompareResultsModel* results() const { return results_; }
    CompareRunner* runner() const { return runner_; }
    CompareCharts* charts() const { return charts_; }
    QTableView* table() const { return table_; }
    QProgressBar* progressBar() const { return progress_; }
    QPushButton* startButton() const { return startButton_; }
    QPushButton* stopButton() const { return stopButton_; }
    QString statusText() const;
    // The inline error lines ("" when none).
    QString errorText() const;

signals:
    // One model's row is in the table and the charts.
    void resultAdded(const sockwb::CompareResult& result);
    // The run ended (every thread joined); cancelled if stopped early.
    void runFinished(bool cancelled);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // Pieces of the constructor.
    void setupLabels();
    void setupTable();
    QWidget* buildLeftPanel();          // form, buttons, progress, status, exports
    QSplitter* buildResultsSplitter();  // charts over the table
    void connectSignals();
    void onModelStarted(int index, int count, const QString& model);
    void onProgress(double fraction, const QString& model);
    void onResult(const CompareResult& result);
    void onError(const QString& model, const QString& sentence);
    void onFinished(bool cancelled);
    void showError(const QString& line);
    void updateButtons();
    QString summary() const;

    CompareForm* form_;
    CompareRunner* runner_;
    CompareResultsModel* results_;
    CompareCharts* charts_;
    QTableView* table_;
    QProgressBar* progress_;
    QLabel* status_;
    QLabel* error_;
    QPushButton* startButton_;
    QPushButton* stopButton_;
    QPushButton* csvButton_;
    QPushButton* pngButton_;
    QElapsedTimer clock_;
    int modelCount_ = 0;
    int modelIndex_ = 0;
};

}  // namespace sockwb
