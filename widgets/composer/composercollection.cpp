#include "widgets/composer/composercollection.h"

#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace sockwb {

ComposerCollection::ComposerCollection(QWidget* parent) : QWidget(parent) {
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("collectionList"));
    status_ = new QLabel(tr("Unsaved collection"), this);
    status_->setWordWrap(true);
    auto* add = new QPushButton(tr("Add current"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* open = new QPushButton(tr("Open..."), this);
    auto* save = new QPushButton(tr("Save as..."), this);
    auto* buttons = new QGridLayout;
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(remove, 0, 1);
    buttons->addWidget(open, 1, 0);
    buttons->addWidget(save, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(status_);
    layout->addWidget(list_, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &ComposerCollection::addCurrentRequested);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = list_->currentRow();
        if (row < 0 || row >= int(requests_.size())) return;
        requests_.erase(requests_.begin() + row);
        rebuild();
    });
    connect(open, &QPushButton::clicked, this, &ComposerCollection::chooseOpen);
    connect(save, &QPushButton::clicked, this, &ComposerCollection::chooseSave);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = list_->row(item);
        if (row >= 0 && row < int(requests_.size())) emit chosen(requests_[size_t(row)]);
    });
}

void ComposerCollection::addRequest(const ComposerRequest& request) {
    requests_.push_back(request);
    rebuild();
}

void ComposerCollection::setRequests(const std::vector<ComposerRequest>& requests) {
    requests_ = requests;
    rebuild();
}

void ComposerCollection::rebuild() {
    list_->clear();
    for (const auto& r : requests_) list_->addItem(qs(r.title()));
}

QByteArray ComposerCollection::toFile(const std::vector<ComposerRequest>& requests) {
    QJsonArray a;
    for (const auto& r : requests) a.append(r.toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("sockwbCollection"), 1},
                                     {QStringLiteral("requests"), a}})
        .toJson(QJsonDocument::Indented);
}

std::vector<ComposerRequest> ComposerCollection::fromFile(const QByteArray& bytes, QString* error) {
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    std::vector<ComposerRequest> out;
    if (doc.isNull() || !doc.object().contains(QStringLiteral("requests"))) {
        if (error)
            *error = doc.isNull() ? tr("not JSON: %1").arg(parse.errorString())
                                  : tr("not a request collection");
        return out;
    }
    for (const auto& v : doc.object().value(QStringLiteral("requests")).toArray())
        out.push_back(ComposerRequest::fromJson(v.toObject()));
    return out;
}

bool ComposerCollection::saveTo(const QString& path, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toFile(requests_)) < 0 || !f.commit()) {
        if (error) *error = tr("Could not save %1: %2").arg(path, f.errorString());
        return false;
    }
    path_ = path;
    status_->setText(tr("Collection: %1").arg(path));
    return true;
}

bool ComposerCollection::loadFrom(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("Could not open %1: %2").arg(path, f.errorString());
        return false;
    }
    QString why;
    auto loaded = fromFile(f.readAll(), &why);
    if (!why.isEmpty()) {
        if (error) *error = tr("Could not read %1: %2").arg(path, why);
        return false;
    }
    requests_ = std::move(loaded);
    path_ = path;
    status_->setText(tr("Collection: %1").arg(path));
    rebuild();
    return true;
}

void ComposerCollection::chooseOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a request collection"), path_,
                                                      tr("JSON files (*.json)"));
    QString error;
    if (!path.isEmpty() && !loadFrom(path, &error)) status_->setText(error);
}

void ComposerCollection::chooseSave() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the request collection"),
                                                      path_, tr("JSON files (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveTo(path, &error)) status_->setText(error);
}

}  // namespace sockwb
