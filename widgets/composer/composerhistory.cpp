#include "widgets/composer/composerhistory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace sockwb {

QString ComposerHistory::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/composer-history.json");
}

ComposerHistory::ComposerHistory(QWidget* parent, const QString& path)
    : QWidget(parent), path_(path.isEmpty() ? defaultPath() : path) {
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("historySearch"));
    search_->setPlaceholderText(tr("Search the history"));
    search_->setClearButtonEnabled(true);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("historyList"));
    list_->setToolTip(tr("Click to open the request in the form"));
    auto* clear = new QPushButton(tr("Clear history"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(search_);
    layout->addWidget(list_, 1);
    layout->addWidget(clear);
    connect(search_, &QLineEdit::textChanged, this, &ComposerHistory::rebuild);
    connect(clear, &QPushButton::clicked, this, &ComposerHistory::clearAll);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int index = item->data(Qt::UserRole).toInt();
        if (index >= 0 && index < count()) emit chosen(entries_[size_t(index)].request);
    });
    load();
}

ComposerRequest ComposerHistory::withoutSecrets(const ComposerRequest& request) {
    ComposerRequest kept = request;
    kept.authPassword.clear();
    kept.bearerToken.clear();
    for (auto& row : kept.headers) {
        const QString name = QString::fromStdString(row.name).trimmed();
        if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0 ||
            name.compare(QLatin1String("Proxy-Authorization"), Qt::CaseInsensitive) == 0)
            row.value.clear();
    }
    return kept;
}

void ComposerHistory::add(const ComposerRequest& request, const QString& outcome) {
    entries_.insert(entries_.begin(), Entry{withoutSecrets(request), outcome,
                                            QDateTime::currentDateTime().toString(Qt::ISODate)});
    if (entries_.size() > size_t(kMaxEntries)) entries_.resize(kMaxEntries);
    save();
    rebuild();
}

void ComposerHistory::clearAll() {
    entries_.clear();
    QFile::remove(path_);
    rebuild();
}

void ComposerHistory::rebuild() {
    list_->clear();
    const QString needle = search_->text().trimmed();
    for (size_t i = 0; i < entries_.size(); ++i) {
        const Entry& e = entries_[i];
        const QString line = QStringLiteral("%1  %2").arg(qs(e.request.method), qs(e.request.url));
        if (!needle.isEmpty() && !line.contains(needle, Qt::CaseInsensitive) &&
            !e.outcome.contains(needle, Qt::CaseInsensitive))
            continue;
        auto* item = new QListWidgetItem(
            QStringLiteral("%1\n    %2  %3").arg(line, e.outcome, e.when), list_);
        item->setData(Qt::UserRole, int(i));
        item->setToolTip(line);
    }
}

void ComposerHistory::load() {
    QFile f(path_);
    if (!f.open(QIODevice::ReadOnly)) return;  // no history yet
    for (const auto& v :
         QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("history")).toArray()) {
        const QJsonObject o = v.toObject();
        entries_.push_back(
            {ComposerRequest::fromJson(o.value(QStringLiteral("request")).toObject()),
             o.value(QStringLiteral("outcome")).toString(),
             o.value(QStringLiteral("when")).toString()});
    }
    rebuild();
}

void ComposerHistory::save() const {
    QJsonArray a;
    for (const auto& e : entries_)
        a.append(QJsonObject{{QStringLiteral("request"), e.request.toJson()},
                             {QStringLiteral("outcome"), e.outcome},
                             {QStringLiteral("when"), e.when}});
    QDir().mkpath(QFileInfo(path_).absolutePath());
    QSaveFile f(path_);
    if (!f.open(QIODevice::WriteOnly)) return;  // history is a convenience: never an error dialog
    f.write(
        QJsonDocument(QJsonObject{{QStringLiteral("history"), a}}).toJson(QJsonDocument::Compact));
    // URLs and bodies can still be private: the file is the user's alone.
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.commit();
}

}  // namespace sockwb
