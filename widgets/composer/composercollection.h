#pragma once
// ComposerCollection: a named list of requests kept in a JSON file the user
// chooses ({"sockwbCollection": 1, "requests": [...]}), to save work and
// share it. Add the current request, remove one, open and save the file;
// a click opens a request in the form.

#include <QWidget>
#include <vector>

#include "widgets/composer/composerrequest.h"

class QLabel;
class QListWidget;

namespace sockwb {

class ComposerCollection final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerCollection(QWidget* parent = nullptr);

    void addRequest(const ComposerRequest& request);
    const std::vector<ComposerRequest>& requests() const { return requests_; }
    // Replaces the list (a workspace's composer brings its collection).
    void setRequests(const std::vector<ComposerRequest>& requests);
    // Writes / reads the file; false with *error set (a sentence) on failure.
    bool saveTo(const QString& path, QString* error = nullptr);
    bool loadFrom(const QString& path, QString* error = nullptr);
    QListWidget* list() const { return list_; }

    // The file format, for tests and tools. Pure.
    static QByteArray toFile(const std::vector<ComposerRequest>& requests);
    static std::vector<ComposerRequest> fromFile(const QByteArray& bytes, QString* error = nullptr);

signals:
    // The user clicked a request.
    void chosen(const sockwb::ComposerRequest& request);
    // "Add current" was clicked: the window answers with addRequest().
    void addCurrentRequested();

private:
    void rebuild();
    void chooseOpen();
    void chooseSave();

    QListWidget* list_;
    QLabel* status_;
    std::vector<ComposerRequest> requests_;
    QString path_;
};

}  // namespace sockwb
