#pragma once
// ComposerHistory: the requests sent from the composer, newest first,
// persisted as JSON (AppDataLocation/composer-history.json, last 200 kept,
// readable by the owner only), filtered by a search field, reopened with one
// click. Secrets are not written: passwords, bearer tokens and Authorization
// header values are blanked (a collection the user saves keeps them).

#include <QString>
#include <QWidget>
#include <vector>

#include "widgets/composer/composerrequest.h"

class QLineEdit;
class QListWidget;

namespace sockwb {

class ComposerHistory final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 200;

    // GUI thread only (as every method). path "" = the default file.
    explicit ComposerHistory(QWidget* parent = nullptr, const QString& path = QString());

    // Records a sent request with its outcome ("200 OK", "error"); saves.
    void add(const ComposerRequest& request, const QString& outcome);
    // Forgets everything (and the file).
    void clearAll();
    int count() const { return int(entries_.size()); }
    const ComposerRequest& requestAt(int index) const { return entries_.at(size_t(index)).request; }
    QString path() const { return path_; }
    QLineEdit* searchEdit() const { return search_; }
    QListWidget* list() const { return list_; }
    // The request as history keeps it: credentials blanked. Pure.
    static ComposerRequest withoutSecrets(const ComposerRequest& request);
    // The default file under QStandardPaths::AppDataLocation.
    static QString defaultPath();

signals:
    // The user clicked an entry: open it in the form.
    void chosen(const sockwb::ComposerRequest& request);

private:
    struct Entry {
        ComposerRequest request;
        QString outcome;
        QString when;
    };
    void load();
    void save() const;
    void rebuild();

    QString path_;
    QLineEdit* search_;
    QListWidget* list_;
    std::vector<Entry> entries_;  // newest first
};

}  // namespace sockwb
