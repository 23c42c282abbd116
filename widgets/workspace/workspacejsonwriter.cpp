// The writing half shared by every element (workspacejson.h): fields left
// out at their default, and the document's text in the schema's key order
// (QJsonDocument sorts keys alphabetically, which would put "format" and
// "version" in the middle of the file).

#include <QHash>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <string>

#include "core/net/jsonwriter.h"
#include "core/net/protocol.h"
#include "core/net/sockopt.h"
#include "core/tls/tlsoptions.h"
#include "widgets/workspace/workspacejson.h"

namespace sockwb {

namespace {

constexpr uint64_t kExactDoubleMax = uint64_t(1) << 53;

// The order docs/workspace.md presents the keys in; keys not listed come
// after, alphabetically (the composer's request keeps its own names).
const char* const kKeyOrder[] = {
    // document
    "format", "version", "lab", "servers", "relays", "clients", "composers", "layout",
    "run_timeout_ms",
    // lab
    "id", "title", "explanation", "question", "choices", "answer", "observe", "en", "fr",
    // element heads
    "name", "kind", "bytes", "bytes_escaped", "target", "target_server", "listener", "autostart",
    // server
    "listeners", "service", "protocol", "bind", "model", "io", "backlog", "pool_size",
    "max_connections", "max_workers", "idle_timeout_ms", "udp_replies_per_second", "memory_budget",
    "reuse_addr", "sockopts", "output_limit", "hard_bytes", "soft_bytes", "soft_seconds",
    "service_options", "ticks", "interval_ms", "terminator", "root", "max_line",
    "header_timeout_ms", "body_timeout_ms", "keep_alive_timeout_ms",
    // relay
    "listen_host", "listen_port", "target_host", "target_port", "up", "down", "latency_ms",
    "latency_spread_ms", "latency_p", "bandwidth_kbps", "slice_bytes", "slice_spread_bytes",
    "slice_delay_ms", "slice_p", "reset_after", "close_after", "ms", "limit_p", "stall", "drop_p",
    "duplicate_p", "reorder_p", "max_held_bytes", "udp_flow_idle_ms", "seed",
    // client
    "host", "port", "connect_timeout_ms", "recv_size", "tls", "tls_options", "server_name",
    "insecure", "ca_file", "cert_file", "key_file", "cert_folder", "alpn", "min_version",
    "max_version", "resume_sessions", "session_tickets", "framing", "connect_after_ms", "script",
    // steps
    "delay_ms", "within_ms", "min_after_ms",
    // composer
    "request", "collection", "run", "send_after_ms", "expect", "status", "body_contains",
    "accepted_at_least", "max_active_at_most",
    // windows and layout
    "window", "geometry", "visible", "main_geometry", "main_state", "current_panel", "trace_dock",
    "log_dock", "sequence_window", "socket_table"};

int keyRank(const QString& key) {
    static const QHash<QString, int> ranks = [] {
        QHash<QString, int> h;
        int i = 0;
        for (const char* k : kKeyOrder) h.insert(QLatin1String(k), i++);
        return h;
    }();
    return ranks.value(key, int(std::size(kKeyOrder)));
}

void indent(QByteArray& out, int depth) { out.append(QByteArray(depth * 2, ' ')); }

void writeString(QByteArray& out, const QString& s) {
    std::string text;
    JsonWriter::appendString(text, s.toStdString());
    out.append(text.data(), qsizetype(text.size()));
}

void writeNumber(QByteArray& out, double d) {
    if (d == static_cast<double>(static_cast<qint64>(d)) && std::abs(d) < 1e15)
        out.append(QByteArray::number(static_cast<qint64>(d)));
    else
        out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

bool isPlain(const QJsonValue& v) { return !v.isArray() && !v.isObject(); }

void writeValue(QByteArray& out, const QJsonValue& v, int depth);

void writeObject(QByteArray& out, const QJsonObject& o, int depth) {
    if (o.isEmpty()) {
        out.append("{}");
        return;
    }
    QStringList keys = o.keys();
    std::stable_sort(keys.begin(), keys.end(), [](const QString& a, const QString& b) {
        const int ra = keyRank(a), rb = keyRank(b);
        return ra != rb ? ra < rb : a < b;
    });
    out.append("{\n");
    for (qsizetype i = 0; i < keys.size(); ++i) {
        indent(out, depth + 1);
        writeString(out, keys[i]);
        out.append(": ");
        writeValue(out, o.value(keys[i]), depth + 1);
        out.append(i + 1 < keys.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append('}');
}

void writeArray(QByteArray& out, const QJsonArray& a, int depth) {
    if (a.isEmpty()) {
        out.append("[]");
        return;
    }
    if (std::all_of(a.begin(), a.end(), isPlain)) {
        out.append('[');
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i) out.append(", ");
            writeValue(out, a.at(i), depth);
        }
        out.append(']');
        return;
    }
    out.append("[\n");
    for (qsizetype i = 0; i < a.size(); ++i) {
        indent(out, depth + 1);
        writeValue(out, a.at(i), depth + 1);
        out.append(i + 1 < a.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append(']');
}

void writeValue(QByteArray& out, const QJsonValue& v, int depth) {
    switch (v.type()) {
        case QJsonValue::Bool:
            out.append(v.toBool() ? "true" : "false");
            break;
        case QJsonValue::Double:
            writeNumber(out, v.toDouble());
            break;
        case QJsonValue::String:
            writeString(out, v.toString());
            break;
        case QJsonValue::Array:
            writeArray(out, v.toArray(), depth);
            break;
        case QJsonValue::Object:
            writeObject(out, v.toObject(), depth);
            break;
        default:
            out.append("null");
    }
}

}  // namespace

void putInt(QJsonObject& o, const char* key, int value, int fallback) {
    if (value != fallback) o.insert(QLatin1String(key), value);
}

void putBool(QJsonObject& o, const char* key, bool value, bool fallback) {
    if (value != fallback) o.insert(QLatin1String(key), value);
}

void putNumber(QJsonObject& o, const char* key, double value, double fallback) {
    if (value != fallback) o.insert(QLatin1String(key), value);
}

void putText(QJsonObject& o, const char* key, const QString& value, const QString& fallback) {
    if (value != fallback) o.insert(QLatin1String(key), value);
}

void putText(QJsonObject& o, const char* key, const std::string& value,
             const std::string& fallback) {
    if (value != fallback) o.insert(QLatin1String(key), QString::fromStdString(value));
}

void putCount(QJsonObject& o, const char* key, uint64_t value, uint64_t fallback) {
    if (value == fallback) return;
    if (value <= kExactDoubleMax)
        o.insert(QLatin1String(key), static_cast<double>(value));
    else
        o.insert(QLatin1String(key), QString::number(value));
}

void putObject(QJsonObject& o, const char* key, const QJsonObject& value) {
    if (!value.isEmpty()) o.insert(QLatin1String(key), value);
}

void putArray(QJsonObject& o, const char* key, const QJsonArray& value) {
    if (!value.isEmpty()) o.insert(QLatin1String(key), value);
}

QByteArray workspaceJsonText(const QJsonObject& document) {
    QByteArray out;
    writeObject(out, document, 0);
    out.append('\n');
    return out;
}

QJsonArray sockoptsToJson(const std::vector<SockoptSetting>& settings) {
    QJsonArray a;
    for (const SockoptSetting& s : settings) a.append(QString::fromStdString(sockoptText(s)));
    return a;
}

std::vector<SockoptSetting> sockoptsFromJson(JsonFieldReader& in, const char* key) {
    const QJsonArray list = in.array(key);
    std::vector<SockoptSetting> out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = in.elementPath(key, i);
        if (!list.at(i).isString())
            JsonFieldReader::failAt(where, JsonFieldReader::tr("expected a text NAME=VALUE, got %1")
                                               .arg(JsonFieldReader::describe(list.at(i))));
        try {
            out.push_back(parseSockopt(list.at(i).toString().toStdString()));
        } catch (const Error& e) {
            JsonFieldReader::failAt(where, errorDetail(e));
        }
    }
    return out;
}

QString errorDetail(const Error& error) {
    return QString::fromStdString(error.info().detail.empty() ? std::string(error.what())
                                                              : error.info().detail);
}

QStringList protocolNames() {
    QStringList out;
    for (int i = 0; i <= static_cast<int>(Protocol::UnixDgram); ++i)
        out.append(QLatin1String(protocolName(protocolAt(i))));
    return out;
}

QStringList tlsVersionNames() {
    return {QLatin1String(tls::versionName(tls::Version::Tls12)),
            QLatin1String(tls::versionName(tls::Version::Tls13))};
}

}  // namespace sockwb
