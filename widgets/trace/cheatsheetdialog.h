#pragma once
// Help > Socket API cheat sheet: the CheatSheet shown in a non-modal,
// resizable window with a filter box.

#include <QDialog>

class QLineEdit;
class QTextBrowser;

namespace sockwb {

class CheatSheetDialog final : public QDialog {
    Q_OBJECT
public:
    // GUI thread only; parent owns it.
    explicit CheatSheetDialog(QWidget* parent = nullptr);
    // The text shown (HTML), for tests. GUI thread only.
    QString contentHtml() const;

private:
    void refilter(const QString& text);

    QLineEdit* filter_;
    QTextBrowser* browser_;
};

}  // namespace sockwb
