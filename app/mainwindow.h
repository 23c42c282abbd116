#pragma once
// The workbench's main window. It only composes the tools (each its own
// class in widgets/); no socket logic lives here.

#include <QMainWindow>

namespace sockwb::app {

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent* event) override;
};

}  // namespace sockwb::app
