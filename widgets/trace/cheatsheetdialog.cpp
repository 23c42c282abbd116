#include "widgets/trace/cheatsheetdialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "widgets/trace/cheatsheet.h"

namespace sockwb {

CheatSheetDialog::CheatSheetDialog(QWidget* parent)
    : QDialog(parent), filter_(new QLineEdit(this)), browser_(new QTextBrowser(this)) {
    setWindowTitle(tr("Socket API cheat sheet"));
    setObjectName(QStringLiteral("cheatSheetDialog"));
    filter_->setPlaceholderText(tr("Filter: a call or an errno name (accept, EADDRINUSE...)"));
    filter_->setClearButtonEnabled(true);
    browser_->setOpenLinks(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filter_);
    layout->addWidget(browser_, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(filter_, &QLineEdit::textChanged, this, &CheatSheetDialog::refilter);
    refilter({});
    resize(760, 620);
}

QString CheatSheetDialog::contentHtml() const { return browser_->toHtml(); }

void CheatSheetDialog::refilter(const QString& text) {
    if (text.trimmed().isEmpty()) {
        browser_->setHtml(CheatSheet::html());
        return;
    }
    QString out = QStringLiteral("<table cellspacing=6>");
    for (const auto& e : CheatSheet::entries()) {
        if (!e.call.contains(text, Qt::CaseInsensitive) &&
            !e.summary.contains(text, Qt::CaseInsensitive) &&
            !e.errors.contains(text, Qt::CaseInsensitive))
            continue;
        out +=
            QStringLiteral(
                "<tr><td valign=top><b><tt>%1</tt></b></td><td>%2<br>"
                "<span style='color:#a33'>%3</span></td></tr>")
                .arg(e.call.toHtmlEscaped(), e.summary.toHtmlEscaped(), e.errors.toHtmlEscaped());
    }
    browser_->setHtml(out + QStringLiteral("</table>"));
}

}  // namespace sockwb
