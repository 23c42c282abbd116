#include "app/cli/tracelines.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <charconv>
#include <string>

#include "core/net/error.h"

namespace sockwb::app {

namespace {
std::string text(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString().toStdString();
}
int64_t number(const QJsonObject& o, const char* key, int64_t fallback = 0) {
    return o.value(QLatin1String(key)).toInteger(fallback);
}
}  // namespace

int errnoFromName(std::string_view name) {
    if (name.size() < 2 || name[0] != 'E') return 0;
    for (int e = 1; e < 256; ++e)
        if (errnoName(e) == name) return e;
    int value = 0;  // "E<number>": a value errnoName had no name for
    const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), value);
    return ec == std::errc() && end == name.data() + name.size() ? value : 0;
}

std::optional<TraceEvent> traceEventFromLine(std::string_view line) {
    // Cheap test first: a program's output or a text line is no JSON object.
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] != '{') return std::nullopt;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(line.data(), static_cast<qsizetype>(line.size())));
    if (!doc.isObject()) return std::nullopt;
    QJsonObject o = doc.object();
    if (o.value(QLatin1String("event")).toString() == QLatin1String("trace") &&
        o.value(QLatin1String("trace")).isObject())
        o = o.value(QLatin1String("trace")).toObject();
    if (o.value(QLatin1String("type")).toString() != QLatin1String("trace") ||
        !o.value(QLatin1String("call")).isString())
        return std::nullopt;
    TraceEvent e;
    e.timeUs = number(o, "time_us");
    e.pid = static_cast<int>(number(o, "pid"));
    e.tid = static_cast<int>(number(o, "tid"));
    e.fd = static_cast<int>(number(o, "fd", -1));
    e.call = text(o, "call");
    e.args = text(o, "args");
    e.result = number(o, "result");
    e.err = errnoFromName(text(o, "errno"));
    e.durationNs = number(o, "duration_ns");
    const QByteArray data =
        QByteArray::fromBase64(o.value(QLatin1String("data_b64")).toString().toLatin1());
    e.data.assign(data.constData(), static_cast<size_t>(data.size()));
    e.local = text(o, "local");
    e.peer = text(o, "peer");
    return e;
}

}  // namespace sockwb::app
