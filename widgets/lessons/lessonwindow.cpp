#include "widgets/lessons/lessonwindow.h"

#include <netinet/tcp.h>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "widgets/common/errortext.h"
#include "widgets/lessons/lessonwords.h"

namespace sockwb {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
enum Column { State, RecvQ, SendQ, Local, Peer, ColumnCount };
}  // namespace

LessonWindow::LessonWindow(LessonId id, QWidget* parent)
    : QWidget(parent),
      id_(id),
      status_(new QLabel(this)),
      prediction_(new QLineEdit(this)),
      runButton_(new QPushButton(tr("Run"), this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)),
      tableButton_(new QPushButton(tr("Open the socket table"), this)),
      list_(new QListWidget(this)),
      table_(new QTableWidget(0, ColumnCount, this)) {
    setObjectName(QStringLiteral("lessonWindow"));
    setWindowTitle(tr("Lesson: %1").arg(LessonWords::title(id)));
    auto* title = new QLabel(LessonWords::title(id), this);
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);
    auto* text = new QLabel(LessonWords::explanation(id), this);
    text->setWordWrap(true);
    text->setObjectName(QStringLiteral("lessonExplanation"));

    auto* predict = new QGroupBox(tr("Predict, then observe"), this);
    auto* question = new QLabel(LessonWords::question(id), predict);
    question->setWordWrap(true);
    question->setObjectName(QStringLiteral("lessonQuestion"));
    prediction_->setObjectName(QStringLiteral("lessonPrediction"));
    prediction_->setPlaceholderText(tr("Your prediction, before you press Run"));
    auto* predictLayout = new QVBoxLayout(predict);
    predictLayout->addWidget(question);
    predictLayout->addWidget(prediction_);

    runButton_->setObjectName(QStringLiteral("runButton"));
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    tableButton_->setObjectName(QStringLiteral("socketTableButton"));
    tableButton_->setToolTip(tr("Every socket on the lesson's port in the socket table"));
    status_->setObjectName(QStringLiteral("lessonStatus"));
    status_->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(runButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(status_, 1);
    buttons->addWidget(tableButton_);

    list_->setObjectName(QStringLiteral("lessonSteps"));
    list_->setWordWrap(true);
    table_->setObjectName(QStringLiteral("lessonSockets"));
    table_->setHorizontalHeaderLabels(
        {tr("State"), tr("Recv-Q"), tr("Send-Q"), tr("Local"), tr("Peer")});
    table_->horizontalHeaderItem(RecvQ)->setToolTip(
        tr("Bytes not yet read; for a listener: connections waiting in the accept queue"));
    table_->horizontalHeaderItem(SendQ)->setToolTip(
        tr("Bytes not yet acknowledged; for a listener: the accept queue's bound (backlog)"));
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(list_);
    split->addWidget(table_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(predict);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    resize(760, 620);

    connect(runButton_, &QPushButton::clicked, this, &LessonWindow::run);
    connect(cancelButton_, &QPushButton::clicked, this, &LessonWindow::cancel);
    connect(tableButton_, &QPushButton::clicked, this,
            [this] { emit socketTableRequested(port_); });
    connect(list_, &QListWidget::currentRowChanged, this, &LessonWindow::showSockets);
    cancelButton_->setEnabled(false);
    tableButton_->setEnabled(false);
    status_->setText(tr("Ready: predict, then press Run."));
}

LessonWindow::~LessonWindow() {
    if (worker_.joinable()) {
        worker_.request_stop();
        worker_.join();
    }
}

LessonWindow* LessonWindow::open(LessonId id) {
    auto* w = new LessonWindow(id);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    return w;
}

void LessonWindow::run() {
    if (running_) return;
    if (worker_.joinable()) worker_.join();  // the last run has ended (onFinished came)
    running_ = true;
    steps_.clear();
    list_->clear();
    table_->setRowCount(0);
    runButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    prediction_->setReadOnly(true);
    status_->setText(tr("Running..."));
    worker_ = std::jthread([this, id = id_](std::stop_token stop) {
        const LessonResult result = makeLesson(id)->run(
            [this](const LessonStep& step) {
                QMetaObject::invokeMethod(
                    this, [this, step] { onStep(step); }, Qt::QueuedConnection);
            },
            stop);
        QMetaObject::invokeMethod(
            this, [this, result] { onFinished(result); }, Qt::QueuedConnection);
    });
}

void LessonWindow::cancel() {
    if (running_) worker_.request_stop();
}

void LessonWindow::onStep(const LessonStep& step) {
    steps_.push_back(step);
    port_ = step.port;
    tableButton_->setEnabled(port_ != 0);
    list_->addItem(QStringLiteral("%1. %2").arg(steps_.size()).arg(LessonWords::sentence(step)));
    list_->setCurrentRow(list_->count() - 1);
    emit stepAdded(int(steps_.size()) - 1);
}

void LessonWindow::onFinished(const LessonResult& result) {
    running_ = false;
    runButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
    prediction_->setReadOnly(false);
    if (result.cancelled)
        status_->setText(tr("Cancelled: everything the lesson opened is closed."));
    else if (result.error)
        status_->setText(ErrorText::sentence(*result.error));
    else if (prediction_->text().isEmpty())
        status_->setText(tr("Done. Compare with what you expected."));
    else
        status_->setText(tr("Done. You predicted: %1").arg(prediction_->text()));
    emit finished(result.ok());
}

void LessonWindow::showSockets(int step) {
    table_->setRowCount(0);
    if (step < 0 || step >= int(steps_.size())) return;
    const std::vector<SocketEntry>& rows = steps_[size_t(step)].sockets;
    table_->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const SocketEntry& e = rows[size_t(r)];
        const QString cells[ColumnCount] = {q(tcpStateName(e.state)), QString::number(e.recvQ),
                                            QString::number(e.sendQ), q(e.local), q(e.peer)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (e.state == TCP_LISTEN && (c == RecvQ || c == SendQ))
                item->setToolTip(c == RecvQ ? tr("accept queue: connections not yet accepted")
                                            : tr("the accept queue's bound (backlog)"));
            table_->setItem(r, c, item);
        }
    }
    table_->resizeColumnsToContents();
}

}  // namespace sockwb
