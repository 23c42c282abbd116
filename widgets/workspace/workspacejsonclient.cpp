// Client windows (with their scripts) and composer windows in a workspace
// file (docs/workspace.md, "clients" and "composers").

#include <climits>

#include "widgets/common/byteformat.h"
#include "widgets/workspace/workspacejson.h"

namespace sockwb {

namespace {

using R = JsonFieldReader;

QStringList clientIoNames() {
    return {QLatin1String(clientIoName(ClientIo::Blocking)),
            QLatin1String(clientIoName(ClientIo::Poll))};
}

QStringList framingNames() {
    QStringList out;
    for (Framing f : {Framing::Raw, Framing::Line, Framing::Len32})
        out.append(QLatin1String(framingName(f)));
    return out;
}

QStringList stepKindNames() {
    QStringList out;
    for (auto k : {ScriptStep::Kind::Send, ScriptStep::Kind::Expect, ScriptStep::Kind::ExpectClose,
                   ScriptStep::Kind::Wait, ScriptStep::Kind::Close})
        out.append(QLatin1String(scriptStepKindName(k)));
    return out;
}

QJsonObject clientTlsToJson(const tls::ClientOptions& t) {
    const tls::ClientOptions d;
    QJsonObject o;
    putBool(o, "insecure", t.insecure, d.insecure);
    putText(o, "ca_file", t.caFile);
    putText(o, "cert_file", t.certFile);
    putText(o, "key_file", t.keyFile);
    if (t.alpn != d.alpn) {
        QJsonArray a;
        for (const auto& p : t.alpn) a.append(QString::fromStdString(p));
        o.insert(QStringLiteral("alpn"), a);
    }
    putText(o, "min_version", std::string(tls::versionName(t.minVersion)),
            tls::versionName(d.minVersion));
    putText(o, "max_version", std::string(tls::versionName(t.maxVersion)),
            tls::versionName(d.maxVersion));
    putBool(o, "resume_sessions", t.resumeSessions, d.resumeSessions);
    return o;
}

tls::ClientOptions clientTlsFromJson(R in) {
    tls::ClientOptions t;
    t.insecure = in.flag("insecure", t.insecure);
    t.caFile = in.stdText("ca_file");
    t.certFile = in.stdText("cert_file");
    t.keyFile = in.stdText("key_file");
    if (in.has("alpn")) {
        t.alpn.clear();
        const QJsonArray list = in.array("alpn");
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString())
                R::failAt(in.elementPath("alpn", i),
                          R::tr("expected a text, got %1").arg(R::describe(list.at(i))));
            t.alpn.push_back(list.at(i).toString().toStdString());
        }
    }
    const QStringList versions = tlsVersionNames();
    t.minVersion =
        static_cast<tls::Version>(in.choice("min_version", 0, versions, R::tr("version")));
    t.maxVersion =
        static_cast<tls::Version>(in.choice("max_version", 1, versions, R::tr("version")));
    if (t.minVersion > t.maxVersion)
        in.fail("min_version", R::tr("the lowest version is above the highest"));
    t.resumeSessions = in.flag("resume_sessions", t.resumeSessions);
    in.finish();
    return t;
}

std::optional<ClientBind> bindFromJson(R& parent) {
    const QJsonValue v = parent.value("bind");
    if (v.isUndefined()) return std::nullopt;
    if (v.isString()) {  // the CLI's --bind: "ADDR", "ADDR:PORT", "[v6]:PORT", ":PORT"
        try {
            return parseClientBind(v.toString().toStdString());
        } catch (const Error& e) {
            parent.fail("bind", errorDetail(e));
        }
    }
    R in = parent.object("bind");
    ClientBind b;
    b.host = in.stdText("host");
    b.port = static_cast<uint16_t>(in.integer("port", 0, 0, 65535));
    in.finish();
    return b;
}

// The composer's request: ComposerRequest::toJson()'s keys (its own names),
// those equal to a new request's left out.
QJsonObject requestToJson(const ComposerRequest& request) {
    static const QJsonObject defaults = ComposerRequest{}.toJson();
    QJsonObject o = request.toJson();
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        if (o.value(it.key()) == it.value()) o.remove(it.key());
    return o;
}

ComposerRequest requestFromJson(R& parent, const QJsonValue& value, const QString& path) {
    static const QJsonObject defaults = ComposerRequest{}.toJson();
    if (!value.isObject())
        R::failAt(path, R::tr("expected an object, got %1").arg(R::describe(value)));
    QJsonObject merged = defaults;
    const QJsonObject given = value.toObject();
    for (auto it = given.begin(); it != given.end(); ++it) {
        const QString where = path + QLatin1Char('.') + it.key();
        if (!defaults.contains(it.key())) {
            if (parent.notes())
                parent.notes()->append(R::tr("%1: unknown key, ignored").arg(where));
            continue;
        }
        const QJsonValue::Type type = defaults.value(it.key()).type();
        if (it.value().type() != type) {
            const QString expected = type == QJsonValue::String   ? R::tr("a text")
                                     : type == QJsonValue::Bool   ? R::tr("true or false")
                                     : type == QJsonValue::Double ? R::tr("a number")
                                                                  : R::tr("a list");
            R::failAt(where, R::tr("expected %1, got %2").arg(expected, R::describe(it.value())));
        }
        merged.insert(it.key(), it.value());
    }
    return ComposerRequest::fromJson(merged);
}

}  // namespace

QJsonObject scriptStepToJson(const ScriptStep& step) {
    const ScriptStep d;
    QJsonObject o;
    o.insert(QStringLiteral("kind"), QLatin1String(scriptStepKindName(step.kind)));
    const QByteArray bytes = QByteArray::fromStdString(step.bytes);
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() == bytes)
        putText(o, "bytes", text);
    else  // not UTF-8: escaped in core/net/escapes.h's grammar, ASCII only
        o.insert(QStringLiteral("bytes_escaped"), ByteFormat::toEscaped(bytes));
    putInt(o, "delay_ms", step.delayMs, d.delayMs);
    putInt(o, "within_ms", step.withinMs, d.withinMs);
    putInt(o, "min_after_ms", step.minAfterMs, d.minAfterMs);
    return o;
}

ScriptStep scriptStepFromJson(R& in) {
    ScriptStep s;
    if (!in.has("kind"))
        in.fail("kind", R::tr("missing (%1)").arg(stepKindNames().join(QStringLiteral(", "))));
    s.kind = static_cast<ScriptStep::Kind>(in.choice("kind", 0, stepKindNames(), R::tr("kind")));
    const bool plain = in.has("bytes"), escaped = in.has("bytes_escaped");
    if (plain && escaped)
        in.fail("bytes_escaped", R::tr("give either \"bytes\" or \"bytes_escaped\", not both"));
    if (plain) s.bytes = in.text("bytes").toUtf8().toStdString();
    if (escaped) {
        QString problem;  // the send box's grammar and words (core/net/escapes.h)
        const auto decoded = ByteFormat::parseEscaped(in.text("bytes_escaped"), &problem);
        if (!decoded) in.fail("bytes_escaped", problem);
        s.bytes = decoded->toStdString();
    }
    if (s.kind == ScriptStep::Kind::Expect && s.bytes.empty())
        in.fail(nullptr, R::tr("an expect step needs the bytes it awaits (\"bytes\")"));
    s.delayMs = in.integer("delay_ms", s.delayMs, 0, INT_MAX);
    s.withinMs = in.integer("within_ms", s.withinMs, 0, INT_MAX);
    s.minAfterMs = in.integer("min_after_ms", s.minAfterMs, -1, INT_MAX);
    in.finish();
    return s;
}

QJsonObject clientToJson(const WorkspaceClient& client) {
    const WorkspaceClient dw;
    const ClientConfig d;
    const ClientConfig& c = client.config;
    QJsonObject o;
    putText(o, "name", client.name);
    putText(o, "target", client.target);
    putInt(o, "listener", client.listener, dw.listener);
    putText(o, "protocol", std::string(protocolName(c.protocol)), protocolName(d.protocol));
    putText(o, "host", c.host, d.host);
    putInt(o, "port", c.port, d.port);
    putInt(o, "connect_timeout_ms", int(c.connectTimeout.count()), int(d.connectTimeout.count()));
    putText(o, "io", std::string(clientIoName(c.io)), clientIoName(d.io));
    if (c.bind) {
        QJsonObject bind;
        putText(bind, "host", c.bind->host);
        putInt(bind, "port", c.bind->port, 0);
        o.insert(QStringLiteral("bind"), bind);
    }
    putCount(o, "recv_size", c.recvSize, d.recvSize);
    putArray(o, "sockopts", sockoptsToJson(c.sockopts));
    putBool(o, "tls", c.tls, d.tls);
    putObject(o, "tls_options", clientTlsToJson(c.tlsOptions));
    putText(o, "server_name", c.tlsServerName);
    putText(o, "framing", std::string(framingName(client.framing)), framingName(dw.framing));
    putInt(o, "connect_after_ms", client.connectAfterMs, dw.connectAfterMs);
    QJsonArray script;
    for (const ScriptStep& step : client.script) script.append(scriptStepToJson(step));
    putArray(o, "script", script);
    putObject(o, "window", windowToJson(client.window));
    return o;
}

WorkspaceClient clientFromJson(R& in) {
    WorkspaceClient w;
    ClientConfig& c = w.config;
    w.name = in.text("name");
    w.target = in.text("target");
    w.listener = in.integer("listener", w.listener, 0, INT_MAX);
    c.protocol = protocolAt(in.choice("protocol", 0, protocolNames(), R::tr("protocol")));
    c.host = in.stdText("host", c.host);
    c.port = static_cast<uint16_t>(in.integer("port", 0, 0, 65535));
    c.connectTimeout =
        Millis(in.integer("connect_timeout_ms", int(c.connectTimeout.count()), 0, INT_MAX));
    c.io = static_cast<ClientIo>(in.choice("io", 0, clientIoNames(), R::tr("I/O mode")));
    c.bind = bindFromJson(in);
    c.recvSize = in.count64("recv_size", c.recvSize, 1 << 20);
    if (c.recvSize == 0) in.fail("recv_size", R::tr("0 is out of range (1..%1)").arg(1 << 20));
    c.sockopts = sockoptsFromJson(in, "sockopts");
    c.tls = in.flag("tls", c.tls);
    c.tlsOptions = clientTlsFromJson(in.object("tls_options"));
    c.tlsServerName = in.stdText("server_name");
    w.framing = static_cast<Framing>(in.choice("framing", 0, framingNames(), R::tr("framing")));
    w.connectAfterMs = in.integer("connect_after_ms", w.connectAfterMs, -1, INT_MAX);
    for (R& step : in.objects("script")) w.script.push_back(scriptStepFromJson(step));
    R window = in.object("window");
    w.window = windowFromJson(window);
    in.finish();
    return w;
}

QJsonObject composerToJson(const WorkspaceComposer& composer) {
    const WorkspaceComposer d;
    QJsonObject o;
    o.insert(QStringLiteral("request"), requestToJson(composer.request));
    QJsonArray collection;
    for (const ComposerRequest& r : composer.collection) collection.append(requestToJson(r));
    putArray(o, "collection", collection);
    putBool(o, "run", composer.run, d.run);
    putInt(o, "send_after_ms", composer.sendAfterMs, d.sendAfterMs);
    QJsonObject expect;
    putInt(expect, "status", composer.expect.status, -1);
    putText(expect, "body_contains", composer.expect.bodyContains);
    putObject(o, "expect", expect);
    putObject(o, "window", windowToJson(composer.window));
    return o;
}

WorkspaceComposer composerFromJson(R& in) {
    WorkspaceComposer c;
    if (in.has("request"))
        c.request = requestFromJson(in, in.value("request"), in.pathOf(QStringLiteral("request")));
    const QJsonArray collection = in.array("collection");
    for (qsizetype i = 0; i < collection.size(); ++i)
        c.collection.push_back(
            requestFromJson(in, collection.at(i), in.elementPath("collection", i)));
    c.run = in.flag("run", c.run);
    c.sendAfterMs = in.integer("send_after_ms", c.sendAfterMs, 0, INT_MAX);
    R expect = in.object("expect");
    c.expect.status = expect.integer("status", -1, -1, 999);
    c.expect.bodyContains = expect.text("body_contains");
    expect.finish();
    R window = in.object("window");
    c.window = windowFromJson(window);
    in.finish();
    return c;
}

}  // namespace sockwb
