#include "widgets/sequence/sequencewindow.h"

#include <QCloseEvent>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

#include "widgets/sequence/sequenceview.h"

namespace sockwb {

namespace {
const QString kGeometry = QStringLiteral("sequenceWindow/geometry");
}  // namespace

SequenceWindow::SequenceWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), status_(new QLabel(this)), view_(new SequenceView(this)) {
    setObjectName(QStringLiteral("sequenceWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    status_->setObjectName(QStringLiteral("sequenceStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    view_->setObjectName(QStringLiteral("sequenceView"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(view_, 1);
    setSubject(QString());
    if (!restoreGeometry(QSettings().value(kGeometry).toByteArray())) resize(1000, 700);
}

SequenceWindow::~SequenceWindow() = default;

void SequenceWindow::setSubject(const QString& subject) {
    setWindowTitle(subject.isEmpty() ? tr("Sequence") : tr("Sequence — %1").arg(subject));
}

void SequenceWindow::setStatus(const QString& text) { status_->setText(text); }

QString SequenceWindow::status() const { return status_->text(); }

void SequenceWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue(kGeometry, saveGeometry());
    QWidget::closeEvent(event);
}

}  // namespace sockwb
