#include "widgets/labs/labpanel.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "widgets/common/formstyle.h"
#include "widgets/common/translations.h"
#include "widgets/labs/labjudge.h"

namespace sockwb {

namespace {
QLabel* wrapped(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
}  // namespace

LabPanel::LabPanel(QWidget* parent, const QString& language)
    : QWidget(parent),
      language_(Translations::normalize(language.isEmpty() ? QLocale().name() : language)),
      judge_(new LabJudge(this)) {
    setObjectName(QStringLiteral("labPanel"));
    if (language_.isEmpty()) language_ = QStringLiteral("en");

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    title_ = wrapped(content, "labTitle");
    explanation_ = wrapped(content, "labExplanation");
    layout->addWidget(title_);
    layout->addWidget(explanation_);

    questionBox_ = new QGroupBox(tr("Predict"), content);
    auto* questionLayout = new QVBoxLayout(questionBox_);
    question_ = wrapped(questionBox_, "labQuestion");
    questionLayout->addWidget(question_);
    choiceLayout_ = new QVBoxLayout;
    questionLayout->addLayout(choiceLayout_);
    choices_ = new QButtonGroup(this);
    choices_->setExclusive(true);
    connect(choices_, &QButtonGroup::idClicked, this, &LabPanel::updateButtons);
    layout->addWidget(questionBox_);

    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("Run"), content);
    run_->setObjectName(QStringLiteral("labRun"));
    run_->setToolTip(tr("Start the lab's servers and clients with your prediction recorded"));
    runWithout_ = new QPushButton(tr("Run without predicting"), content);
    runWithout_->setObjectName(QStringLiteral("labRunWithout"));
    reset_ = new QPushButton(tr("Reset"), content);
    reset_->setObjectName(QStringLiteral("labReset"));
    reset_->setToolTip(tr("Rebuild the lab as it was opened, to run it again"));
    connect(run_, &QPushButton::clicked, this, [this] { run(true); });
    connect(runWithout_, &QPushButton::clicked, this, [this] { run(false); });
    connect(reset_, &QPushButton::clicked, this, &LabPanel::reset);
    buttons->addWidget(run_);
    buttons->addWidget(runWithout_);
    buttons->addStretch(1);
    buttons->addWidget(reset_);
    layout->addLayout(buttons);

    status_ = wrapped(content, "labStatus");
    layout->addWidget(status_);
    results_ = new QListWidget(content);
    results_->setObjectName(QStringLiteral("labResults"));
    results_->setWordWrap(true);
    results_->setMinimumHeight(90);
    layout->addWidget(results_, 1);
    verdict_ = wrapped(content, "labVerdict");
    observe_ = wrapped(content, "labObserve");
    layout->addWidget(verdict_);
    layout->addWidget(observe_);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(judge_, &LabJudge::checksChanged, this, &LabPanel::showChecks);
    connect(judge_, &LabJudge::finished, this, &LabPanel::onFinished);
    showQuestion();
}

void LabPanel::setWorkspace(const Workspace& workspace) {
    judge_->setWorkspace(workspace);
    showQuestion();
}

const Workspace& LabPanel::workspace() const { return judge_->workspace(); }

bool LabPanel::hasLab() const { return !judge_->workspace().lab.isEmpty(); }

int LabPanel::prediction() const { return predicted_ ? choices_->checkedId() : -1; }

void LabPanel::showQuestion() {
    const LabInfo& lab = judge_->workspace().lab;
    stage_ = Stage::Question;
    predicted_ = false;
    title_->setText(QStringLiteral("<h3>%1</h3>").arg(lab.title.text(language_).toHtmlEscaped()));
    explanation_->setText(lab.explanation.text(language_));
    question_->setText(lab.question.text(language_));
    for (QAbstractButton* b : choices_->buttons()) {
        choices_->removeButton(b);
        delete b;
    }
    int id = 0;
    for (const LocalizedText& choice : lab.choices) {
        auto* radio = new QRadioButton(choice.text(language_), questionBox_);
        radio->setObjectName(QStringLiteral("labChoice%1").arg(id));
        choices_->addButton(radio, id++);
        choiceLayout_->addWidget(radio);
    }
    questionBox_->setVisible(!lab.question.isEmpty());
    status_->clear();
    results_->clear();
    verdict_->clear();
    observe_->clear();
    verdict_->hide();
    observe_->hide();
    updateButtons();
}

void LabPanel::updateButtons() {
    const bool asking = stage_ == Stage::Question;
    const bool hasChoices = !choices_->buttons().isEmpty();
    run_->setEnabled(asking && hasLab() && (!hasChoices || choices_->checkedId() >= 0));
    runWithout_->setEnabled(asking && hasLab());
    runWithout_->setVisible(hasChoices);
    reset_->setEnabled(stage_ != Stage::Question);
    for (QAbstractButton* b : choices_->buttons()) b->setEnabled(asking);
}

void LabPanel::run(bool withPrediction) {
    if (stage_ != Stage::Question || !hasLab()) return;
    if (withPrediction && !run_->isEnabled()) return;
    predicted_ = withPrediction && choices_->checkedId() >= 0;
    if (!withPrediction) choices_->setExclusive(false);
    if (!withPrediction)
        for (QAbstractButton* b : choices_->buttons()) b->setChecked(false);
    choices_->setExclusive(true);
    stage_ = Stage::Running;
    status_->setText(tr("Running... each check shows below as it is decided."));
    formstyle::setErrorText(status_, false);
    updateButtons();
    judge_->begin();
    emit runRequested();
}

void LabPanel::reset() {
    if (stage_ == Stage::Question) return;
    judge_->setWorkspace(Workspace(judge_->workspace()));
    showQuestion();
    emit resetRequested();
}

void LabPanel::showChecks() {
    results_->clear();
    for (const LabCheck& c : judge_->checks()) {
        const QString line = (c.passed ? tr("PASS %1: %2 (%3)") : tr("FAIL %1: %2 (%3)"))
                                 .arg(c.subject, c.expected, c.observed);
        auto* item = new QListWidgetItem(line, results_);
        if (!c.passed) item->setForeground(formstyle::errorColor());
    }
    if (stage_ == Stage::Running) {
        const QStringList waiting = judge_->pending();
        if (!waiting.isEmpty())
            status_->setText(
                tr("Running... waiting for %1.").arg(waiting.join(QStringLiteral(", "))));
    }
}

void LabPanel::onFinished(bool timedOut) {
    stage_ = Stage::Done;
    const LabInfo& lab = judge_->workspace().lab;
    int failed = 0;
    for (const LabCheck& c : judge_->checks()) failed += c.passed ? 0 : 1;
    const int total = int(judge_->checks().size());
    QString status = failed == 0 ? tr("Done: all %n check(s) passed.", "", total)
                                 : tr("Done: %1 of %n check(s) failed.", "", total).arg(failed);
    if (timedOut) status += QLatin1Char(' ') + tr("(The lab's time limit passed.)");
    status_->setText(status);
    formstyle::setErrorText(status_, failed > 0);

    QString verdict;
    const bool hasAnswer = lab.answer >= 0 && lab.answer < int(lab.choices.size());
    const QString answer = hasAnswer ? lab.choices[size_t(lab.answer)].text(language_) : QString();
    if (hasAnswer && prediction() >= 0) {
        verdict =
            prediction() == lab.answer
                ? tr("<b>Your prediction was right.</b> The answer: %1").arg(answer.toHtmlEscaped())
                : tr("<b>Your prediction was not right.</b> The answer: %1")
                      .arg(answer.toHtmlEscaped());
    } else if (hasAnswer) {
        verdict = tr("<b>The answer:</b> %1").arg(answer.toHtmlEscaped());
    }
    verdict_->setText(verdict);
    verdict_->setVisible(!verdict.isEmpty());
    const QString observe = lab.observe.text(language_);
    observe_->setText(observe.isEmpty() ? QString()
                                        : tr("<b>Observe:</b> %1").arg(observe.toHtmlEscaped()));
    observe_->setVisible(!observe.isEmpty());
    updateButtons();
}

QString LabPanel::verdictText() const { return verdict_->text(); }

QString LabPanel::observeText() const { return observe_->text(); }

}  // namespace sockwb
