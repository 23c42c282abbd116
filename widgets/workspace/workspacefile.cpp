#include "widgets/workspace/workspacefile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>
#include <algorithm>
#include <climits>

#include "widgets/workspace/workspacejson.h"

// The document and the file (docs/workspace.md). The elements are read and
// written by workspacejson*.cpp; here: the head ("format", "version"), the
// upgrade of older versions, the checks that span elements (names are
// unique, references resolve) and the file I/O.

namespace sockwb {

namespace {

using R = JsonFieldReader;

const QLatin1String kFormat("sockwb-workspace");
// A workspace is a few kilobytes; a file this large is not one.
constexpr qint64 kMaxFileBytes = 32 * 1024 * 1024;

// "at line 3, column 14 (byte 41)": where QJsonDocument stopped.
QString syntaxError(const QByteArray& bytes, const QJsonParseError& e) {
    const qsizetype offset = std::clamp<qsizetype>(e.offset, 0, bytes.size());
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // a character starts (not a UTF-8 continuation)
            ++column;
        }
    }
    return R::tr("not a workspace file: JSON syntax error at line %1, column %2 (byte %3): %4")
        .arg(line)
        .arg(column)
        .arg(offset)
        .arg(e.errorString());
}

// Version 1 (the first draft) gave a server's one listener flat on the
// server and a client's sends as a list of texts, each sent 500 ms after
// the previous step.
constexpr int kV1SendDelayMs = 500;

void upgradeV1Server(QJsonObject& server, const QString& path) {
    static const char* const flat[] = {"service", "protocol", "bind", "port"};
    QJsonObject listener;
    for (const char* key : flat) {
        const QString k = QLatin1String(key);
        if (server.contains(k)) listener.insert(k, server.take(k));
    }
    if (listener.isEmpty()) return;
    if (server.contains(QStringLiteral("listeners")))
        R::failAt(path + QStringLiteral(".listeners"),
                  R::tr("version 1 gives the listener as service, protocol, bind and port, not "
                        "both"));
    server.insert(QStringLiteral("listeners"), QJsonArray{listener});
}

void upgradeV1Client(QJsonObject& client, const QString& path) {
    if (!client.contains(QStringLiteral("sends"))) return;
    const QJsonValue sends = client.take(QStringLiteral("sends"));
    if (client.contains(QStringLiteral("script")))
        R::failAt(path + QStringLiteral(".script"),
                  R::tr("version 1 gives \"sends\" or a script, not both"));
    if (!sends.isArray())
        R::failAt(path + QStringLiteral(".sends"),
                  R::tr("expected a list of texts, got %1").arg(R::describe(sends)));
    QJsonArray script;
    const QJsonArray list = sends.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isString())
            R::failAt(path + QStringLiteral(".sends[%1]").arg(i),
                      R::tr("expected a text, got %1").arg(R::describe(list.at(i))));
        script.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("send")},
                                  {QStringLiteral("bytes"), list.at(i)},
                                  {QStringLiteral("delay_ms"), kV1SendDelayMs}});
    }
    client.insert(QStringLiteral("script"), script);
}

// Rewrites each object of the list key with f (non-objects are left for
// the reader to refuse).
template <class F>
void upgradeEach(QJsonObject& document, const char* key, F f) {
    const QString k = QLatin1String(key);
    if (!document.value(k).isArray()) return;
    QJsonArray list = document.value(k).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) continue;
        QJsonObject element = list.at(i).toObject();
        f(element, k + QStringLiteral("[%1]").arg(i));
        list.replace(i, element);
    }
    document.insert(k, list);
}

// Names are references (a client's target, a relay's target_server,
// ${NAME}): unique, and every reference must resolve.
void checkReferences(const Workspace& w) {
    QSet<QString> endpoints;  // servers and relays share ${NAME}
    for (size_t i = 0; i < w.servers.size(); ++i) {
        const QString& name = w.servers[i].name;
        if (!name.isEmpty() && endpoints.contains(name))
            R::failAt(QStringLiteral("servers[%1].name").arg(i),
                      R::tr("another server is already named '%1'").arg(name));
        endpoints.insert(name);
    }
    for (size_t i = 0; i < w.relays.size(); ++i) {
        const WorkspaceRelay& r = w.relays[i];
        if (!r.name.isEmpty() && endpoints.contains(r.name))
            R::failAt(QStringLiteral("relays[%1].name").arg(i),
                      R::tr("a server or another relay is already named '%1'").arg(r.name));
        endpoints.insert(r.name);
        if (!r.targetServer.isEmpty() && !w.server(r.targetServer))
            R::failAt(QStringLiteral("relays[%1].target_server").arg(i),
                      R::tr("no server is named '%1'").arg(r.targetServer));
    }
    QSet<QString> clients;
    for (size_t i = 0; i < w.clients.size(); ++i) {
        const WorkspaceClient& c = w.clients[i];
        if (!c.name.isEmpty() && clients.contains(c.name))
            R::failAt(QStringLiteral("clients[%1].name").arg(i),
                      R::tr("another client is already named '%1'").arg(c.name));
        clients.insert(c.name);
        if (c.target.isEmpty()) continue;
        const WorkspaceServer* server = w.server(c.target);
        if (!server && !w.relay(c.target))
            R::failAt(QStringLiteral("clients[%1].target").arg(i),
                      R::tr("no server or relay is named '%1'").arg(c.target));
        const size_t listeners = server ? server->config.listeners.size() : 1;
        if (size_t(c.listener) >= listeners)
            R::failAt(QStringLiteral("clients[%1].listener").arg(i),
                      R::tr("%1 is out of range: '%2' has %n listener(s)", nullptr, int(listeners))
                          .arg(c.listener)
                          .arg(c.target));
    }
}

Workspace workspaceFromObject(const QJsonObject& object, QStringList* notes) {
    R in(object, QString(), notes);
    in.has("format");  // checked before the upgrade
    in.has("version");
    Workspace w;
    w.schemaVersion = kWorkspaceSchemaVersion;
    R lab = in.object("lab");
    w.lab = labFromJson(lab);
    for (R& s : in.objects("servers")) w.servers.push_back(serverFromJson(s));
    for (R& r : in.objects("relays")) w.relays.push_back(relayFromJson(r));
    for (R& c : in.objects("clients")) w.clients.push_back(clientFromJson(c));
    for (R& c : in.objects("composers")) w.composers.push_back(composerFromJson(c));
    R layout = in.object("layout");
    w.layout = layoutFromJson(layout);
    w.runTimeoutMs = in.integer("run_timeout_ms", w.runTimeoutMs, 1, INT_MAX);
    in.finish();
    checkReferences(w);
    return w;
}

}  // namespace

QJsonObject workspaceToObject(const Workspace& workspace) {
    const Workspace d;
    QJsonObject o;
    o.insert(QStringLiteral("format"), kFormat);
    o.insert(QStringLiteral("version"), kWorkspaceSchemaVersion);
    putObject(o, "lab", labToJson(workspace.lab));
    QJsonArray servers, relays, clients, composers;
    for (const WorkspaceServer& s : workspace.servers) servers.append(serverToJson(s));
    for (const WorkspaceRelay& r : workspace.relays) relays.append(relayToJson(r));
    for (const WorkspaceClient& c : workspace.clients) clients.append(clientToJson(c));
    for (const WorkspaceComposer& c : workspace.composers) composers.append(composerToJson(c));
    putArray(o, "servers", servers);
    putArray(o, "relays", relays);
    putArray(o, "clients", clients);
    putArray(o, "composers", composers);
    putObject(o, "layout", layoutToJson(workspace.layout));
    putInt(o, "run_timeout_ms", workspace.runTimeoutMs, d.runTimeoutMs);
    return o;
}

QByteArray workspaceToJson(const Workspace& workspace) {
    return workspaceJsonText(workspaceToObject(workspace));
}

bool upgradeWorkspaceObject(QJsonObject& object, QStringList* notes, QString* error) {
    const QJsonValue v = object.value(QStringLiteral("version"));
    QString problem;
    if (v.isUndefined())
        problem = R::tr("version: missing (this Socket Workbench reads versions 1 to %1)")
                      .arg(kWorkspaceSchemaVersion);
    else if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1)
        problem = R::tr("version: %1 is not a version (1 to %2)")
                      .arg(R::describe(v))
                      .arg(kWorkspaceSchemaVersion);
    else if (v.toInt() > kWorkspaceSchemaVersion)
        problem = R::tr(
                      "version: made by a newer Socket Workbench (version %1); this one reads "
                      "up to %2")
                      .arg(v.toInt())
                      .arg(kWorkspaceSchemaVersion);
    if (!problem.isEmpty()) {
        if (error) *error = problem;
        return false;
    }
    const int from = v.toInt();
    try {
        if (from == 1) {
            upgradeEach(object, "servers", upgradeV1Server);
            upgradeEach(object, "clients", upgradeV1Client);
        }
    } catch (const WorkspaceJsonError& e) {
        if (error) *error = e.message;
        return false;
    }
    object.insert(QStringLiteral("version"), kWorkspaceSchemaVersion);
    if (from != kWorkspaceSchemaVersion && notes)
        notes->append(R::tr("upgraded from version %1").arg(from));
    return true;
}

WorkspaceReadResult workspaceFromJson(const QByteArray& bytes) {
    WorkspaceReadResult result;
    QByteArray text = bytes;
    if (text.startsWith("\xEF\xBB\xBF")) text.remove(0, 3);  // a UTF-8 byte order mark
    if (text.trimmed().isEmpty()) {
        result.error = R::tr("not a workspace file: it is empty");
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = syntaxError(text, parseError);
        return result;
    }
    if (!document.isObject()) {
        result.error = document.isArray()
                           ? R::tr("not a workspace file: the document is a list, not an object")
                           : R::tr("not a workspace file: the document is not a JSON object");
        return result;
    }
    QJsonObject object = document.object();
    const QJsonValue format = object.value(QStringLiteral("format"));
    if (format.isUndefined()) {
        result.error =
            R::tr("format: missing; a workspace file says \"format\": \"%1\"").arg(kFormat);
        return result;
    }
    if (format != QJsonValue(kFormat)) {
        result.error = R::tr("format: %1 is not a workspace file's (expected \"%2\")")
                           .arg(R::describe(format), kFormat);
        return result;
    }
    if (!upgradeWorkspaceObject(object, &result.notes, &result.error)) return result;
    try {
        result.workspace = workspaceFromObject(object, &result.notes);
    } catch (const WorkspaceJsonError& e) {
        result.error = e.message;
    }
    return result;
}

bool saveWorkspace(const Workspace& workspace, const QString& path, QString* error) {
    // QSaveFile writes a temporary file beside path and renames it over
    // path on commit: a failure leaves the previous file as it was.
    QSaveFile file(path);
    const QByteArray bytes = workspaceToJson(workspace);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = R::tr("cannot save %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

WorkspaceReadResult loadWorkspace(const QString& path) {
    WorkspaceReadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = R::tr("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > kMaxFileBytes) {
        result.error = R::tr("cannot open %1: %2 bytes is too large for a workspace file")
                           .arg(path)
                           .arg(file.size());
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error = R::tr("cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    result = workspaceFromJson(bytes);
    if (!result.error.isEmpty()) result.error = path + QStringLiteral(": ") + result.error;
    return result;
}

}  // namespace sockwb
