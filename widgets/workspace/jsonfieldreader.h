#pragma once
// JsonFieldReader: reads one JSON object of a workspace file field by
// field, knowing where it is in the document ("servers[1]"), so that every
// refusal names its JSON path ("servers[1].model: unknown model 'fibre'
// (iterative, fork, ...)") and every key nobody asked for becomes a note
// ("servers[0].colour: unknown key, ignored") instead of an error: a file
// made by a newer version still opens. A refusal is thrown as
// WorkspaceJsonError, caught once by workspaceFromJson(). Internal to the
// workspace codec (workspacefile.cpp and workspacejson*.cpp). A value type
// used on one thread at a time; the texts go through tr().

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sockwb {

// A refusal: one sentence that starts with the JSON path.
struct WorkspaceJsonError {
    QString message;
};

class JsonFieldReader {
    Q_DECLARE_TR_FUNCTIONS(sockwb::WorkspaceFile)
public:
    // path: where object sits ("" for the document, "servers[1]"); notes
    // collects the unknown keys (not owned, may be null).
    JsonFieldReader(QJsonObject object, QString path, QStringList* notes);

    // "servers[1].model" (the document's own keys have no prefix).
    QString pathOf(const QString& key) const;
    const QString& path() const { return path_; }
    // Present (and not null). Marks the key as known.
    bool has(const char* key);

    // Typed fields: the fallback when absent (or null); a refusal naming the
    // path when of another type or out of range.
    QString text(const char* key, const QString& fallback = {});
    std::string stdText(const char* key, const std::string& fallback = {});
    int integer(const char* key, int fallback, int min, int max);
    // A count that may pass 2^53: a number, or its decimal digits as a string.
    uint64_t count64(const char* key, uint64_t fallback, uint64_t max = UINT64_MAX);
    double number(const char* key, double fallback, double min, double max);
    bool flag(const char* key, bool fallback);
    // One of choices (its index); fallbackIndex when absent. A refusal
    // "unknown <what> 'x' (a, b, c)" otherwise.
    int choice(const char* key, int fallbackIndex, const QStringList& choices, const QString& what);
    // The raw value (undefined when absent). Marks the key as known.
    QJsonValue value(const char* key);
    // An object field as a reader of its own (empty when absent).
    JsonFieldReader object(const char* key);
    // A list field (empty when absent); refused when not a list.
    QJsonArray array(const char* key);
    // The elements of a list of objects, each a reader ("servers[2]").
    std::vector<JsonFieldReader> objects(const char* key);
    // The path of a list element: "servers[2]".
    QString elementPath(const char* key, qsizetype index) const;

    // Refuses the field key (or the object itself when key is null).
    [[noreturn]] void fail(const char* key, const QString& message) const;
    [[noreturn]] static void failAt(const QString& path, const QString& message);
    // "a text", "a whole number", "true or false"...: how a value is refused.
    [[noreturn]] void wrongType(const char* key, const QString& expected) const;
    // Notes every key that was never asked for. Call once the object is read.
    void finish() const;

    // A JSON value in words for an error: "\"abc\"", "12.5", "a list".
    static QString describe(const QJsonValue& value);

    QStringList* notes() const { return notes_; }

private:
    QJsonObject object_;
    QString path_;
    QStringList* notes_;
    QSet<QString> known_;
};

}  // namespace sockwb
