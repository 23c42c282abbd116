#pragma once
// The pieces of the workspace codec (workspacefile.h): each element of a
// workspace to its JSON object and back, the writing helpers that leave out
// what equals its default (a hand-written lab stays short), and the
// document's text with its keys in the order docs/workspace.md gives them.
// Readers refuse with WorkspaceJsonError (jsonfieldreader.h) naming the
// path. Internal to widgets/workspace/. Pure functions: thread-safe.
//
// Implemented in workspacejsonwriter.cpp (helpers, text),
// workspacejsonserver.cpp (servers, relays), workspacejsonclient.cpp
// (clients, scripts, composers) and workspacejsonlab.cpp (lab, layout,
// windows).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <string>

#include "core/net/error.h"
#include "widgets/workspace/jsonfieldreader.h"
#include "widgets/workspace/workspace.h"

namespace sockwb {

// Writing: each puts key only when value differs from fallback.
void putInt(QJsonObject& o, const char* key, int value, int fallback);
void putBool(QJsonObject& o, const char* key, bool value, bool fallback);
void putNumber(QJsonObject& o, const char* key, double value, double fallback);
void putText(QJsonObject& o, const char* key, const QString& value, const QString& fallback = {});
void putText(QJsonObject& o, const char* key, const std::string& value,
             const std::string& fallback = {});
// A 64-bit count: a JSON number up to 2^53, its decimal digits as a string past it.
void putCount(QJsonObject& o, const char* key, uint64_t value, uint64_t fallback);
// Puts a non-empty object or list.
void putObject(QJsonObject& o, const char* key, const QJsonObject& value);
void putArray(QJsonObject& o, const char* key, const QJsonArray& value);

// The document as text: 2-space indent, keys in the schema's order (then
// any other in alphabetical order), lists of plain values on one line.
QByteArray workspaceJsonText(const QJsonObject& document);

// Elements. The readers call finish() on what they read.
QJsonObject serverToJson(const WorkspaceServer& server);
WorkspaceServer serverFromJson(JsonFieldReader& in);
QJsonObject relayToJson(const WorkspaceRelay& relay);
WorkspaceRelay relayFromJson(JsonFieldReader& in);
QJsonObject clientToJson(const WorkspaceClient& client);
WorkspaceClient clientFromJson(JsonFieldReader& in);
QJsonObject scriptStepToJson(const ScriptStep& step);
ScriptStep scriptStepFromJson(JsonFieldReader& in);
QJsonObject composerToJson(const WorkspaceComposer& composer);
WorkspaceComposer composerFromJson(JsonFieldReader& in);
QJsonObject labToJson(const LabInfo& lab);
LabInfo labFromJson(JsonFieldReader& in);
QJsonObject layoutToJson(const WorkspaceLayout& layout);
WorkspaceLayout layoutFromJson(JsonFieldReader& in);
// {"geometry": [x, y, width, height], "visible": false}; empty when default.
QJsonObject windowToJson(const WindowLayout& window);
WindowLayout windowFromJson(JsonFieldReader& in);

// The socket options of a server or client: ["SO_RCVBUF=4096", ...]
// (core/net/sockopt.h's text), and back.
QJsonArray sockoptsToJson(const std::vector<SockoptSetting>& settings);
std::vector<SockoptSetting> sockoptsFromJson(JsonFieldReader& in, const char* key);
// What a core parser's Error says (its detail, else its what()).
QString errorDetail(const Error& error);
// "tcp", "udp", "unix", "unixgram" in Protocol's order.
QStringList protocolNames();
// "TLSv1.2", "TLSv1.3" (tls::versionName), for the TLS options of both sides.
QStringList tlsVersionNames();

}  // namespace sockwb
