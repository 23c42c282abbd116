#include "widgets/workspace/jsonfieldreader.h"

#include <QLocale>
#include <cmath>
#include <utility>

namespace sockwb {

namespace {
// The largest integer a double holds exactly: past it a JSON number may
// not be the one written.
constexpr double kExactDoubleMax = 9007199254740992.0;  // 2^53
}  // namespace

JsonFieldReader::JsonFieldReader(QJsonObject object, QString path, QStringList* notes)
    : object_(std::move(object)), path_(std::move(path)), notes_(notes) {}

QString JsonFieldReader::pathOf(const QString& key) const {
    return path_.isEmpty() ? key : path_ + QLatin1Char('.') + key;
}

QString JsonFieldReader::elementPath(const char* key, qsizetype index) const {
    return pathOf(QLatin1String(key)) + QStringLiteral("[%1]").arg(index);
}

bool JsonFieldReader::has(const char* key) {
    known_.insert(QLatin1String(key));
    const QJsonValue v = object_.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull();
}

QJsonValue JsonFieldReader::value(const char* key) {
    known_.insert(QLatin1String(key));
    const QJsonValue v = object_.value(QLatin1String(key));
    return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
}

void JsonFieldReader::failAt(const QString& path, const QString& message) {
    throw WorkspaceJsonError{path.isEmpty() ? message : path + QStringLiteral(": ") + message};
}

void JsonFieldReader::fail(const char* key, const QString& message) const {
    failAt(key ? pathOf(QLatin1String(key)) : path_, message);
}

QString JsonFieldReader::describe(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Bool:
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double:
            return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        case QJsonValue::String:
            return QLatin1Char('"') + value.toString() + QLatin1Char('"');
        case QJsonValue::Array:
            return tr("a list");
        case QJsonValue::Object:
            return tr("an object");
        default:
            return QStringLiteral("null");
    }
}

void JsonFieldReader::wrongType(const char* key, const QString& expected) const {
    fail(key, tr("expected %1, got %2").arg(expected, describe(object_.value(QLatin1String(key)))));
}

QString JsonFieldReader::text(const char* key, const QString& fallback) {
    const QJsonValue v = value(key);
    if (v.isUndefined()) return fallback;
    if (!v.isString()) wrongType(key, tr("a text"));
    return v.toString();
}

std::string JsonFieldReader::stdText(const char* key, const std::string& fallback) {
    const QJsonValue v = value(key);
    if (v.isUndefined()) return fallback;
    if (!v.isString()) wrongType(key, tr("a text"));
    return v.toString().toStdString();
}

int JsonFieldReader::integer(const char* key, int fallback, int min, int max) {
    const QJsonValue v = value(key);
    if (v.isUndefined()) return fallback;
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d) wrongType(key, tr("a whole number"));
    if (d < min || d > max)
        fail(key, tr("%1 is out of range (%2..%3)")
                      .arg(describe(v), QString::number(min), QString::number(max)));
    return static_cast<int>(d);
}

uint64_t JsonFieldReader::count64(const char* key, uint64_t fallback, uint64_t max) {
    const QJsonValue v = value(key);
    if (v.isUndefined()) return fallback;
    uint64_t n = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::floor(d) != d) wrongType(key, tr("a whole number"));
        if (d < 0 || d > kExactDoubleMax)
            fail(key, tr("%1 is out of range (0..%2; write larger numbers as a string of digits)")
                          .arg(describe(v), QString::number(qint64(kExactDoubleMax))));
        n = static_cast<uint64_t>(d);
    } else if (v.isString()) {
        bool ok = false;
        const QString s = v.toString();
        n = s.toULongLong(&ok);
        if (!ok || s.isEmpty() || !s.front().isDigit()) wrongType(key, tr("a whole number"));
    } else {
        wrongType(key, tr("a whole number"));
    }
    if (n > max) fail(key, tr("%1 is out of range (0..%2)").arg(describe(v), QString::number(max)));
    return n;
}

double JsonFieldReader::number(const char* key, double fallback, double min, double max) {
    const QJsonValue v = value(key);
    if (v.isUndefined()) return fallback;
    if (!v.isDouble()) wrongType(key, tr("a number"));
    const double d = v.toDouble();
    if (!(d >= min && d <= max))
        fail(key, tr("%1 is out of range (%2..%3)")
                      .arg(describe(v), QString::number(min), QString::number(max)));
    return d;
}

bool JsonFieldReader::flag(const char* key, bool fallback) {
    const QJsonValue v = value(key);
    if (v.isUndefined()) return fallback;
    if (!v.isBool()) wrongType(key, tr("true or false"));
    return v.toBool();
}

int JsonFieldReader::choice(const char* key, int fallbackIndex, const QStringList& choices,
                            const QString& what) {
    const QJsonValue v = value(key);
    if (v.isUndefined()) return fallbackIndex;
    const QString list = choices.join(QStringLiteral(", "));
    if (!v.isString()) wrongType(key, tr("a %1 (%2)").arg(what, list));
    const qsizetype i = choices.indexOf(v.toString());
    if (i < 0) fail(key, tr("unknown %1 '%2' (%3)").arg(what, v.toString(), list));
    return static_cast<int>(i);
}

JsonFieldReader JsonFieldReader::object(const char* key) {
    const QJsonValue v = value(key);
    if (!v.isUndefined() && !v.isObject()) wrongType(key, tr("an object"));
    return JsonFieldReader(v.toObject(), pathOf(QLatin1String(key)), notes_);
}

QJsonArray JsonFieldReader::array(const char* key) {
    const QJsonValue v = value(key);
    if (!v.isUndefined() && !v.isArray()) wrongType(key, tr("a list"));
    return v.toArray();
}

std::vector<JsonFieldReader> JsonFieldReader::objects(const char* key) {
    const QJsonArray list = array(key);
    std::vector<JsonFieldReader> out;
    out.reserve(size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = elementPath(key, i);
        if (!list.at(i).isObject())
            failAt(where, tr("expected an object, got %1").arg(describe(list.at(i))));
        out.emplace_back(list.at(i).toObject(), where, notes_);
    }
    return out;
}

void JsonFieldReader::finish() const {
    if (!notes_) return;
    for (auto it = object_.begin(); it != object_.end(); ++it)
        if (!known_.contains(it.key()))
            notes_->append(tr("%1: unknown key, ignored").arg(pathOf(it.key())));
}

}  // namespace sockwb
