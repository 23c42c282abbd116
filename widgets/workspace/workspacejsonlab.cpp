// The lab (its texts in English and French), the main window's layout and
// a window's place in a workspace file (docs/workspace.md, "lab",
// "layout", "window").

#include <climits>
#include <cmath>

#include "widgets/workspace/workspacejson.h"

namespace sockwb {

namespace {

using R = JsonFieldReader;

// {"en": ..., "fr": ...}; only English: a plain string.
QJsonValue localizedToJson(const LocalizedText& t) {
    if (t.fr.isEmpty()) return t.en;
    QJsonObject o;
    putText(o, "en", t.en);
    putText(o, "fr", t.fr);
    return o;
}

LocalizedText localizedFromValue(const QJsonValue& v, const QString& path, QStringList* notes) {
    LocalizedText t;
    if (v.isUndefined() || v.isNull()) return t;
    if (v.isString()) {
        t.en = v.toString();
        return t;
    }
    if (!v.isObject())
        R::failAt(
            path,
            R::tr("expected a text or {\"en\": ..., \"fr\": ...}, got %1").arg(R::describe(v)));
    R in(v.toObject(), path, notes);
    t.en = in.text("en");
    t.fr = in.text("fr");
    in.finish();
    return t;
}

LocalizedText localizedFromJson(R& in, const char* key) {
    return localizedFromValue(in.value(key), in.pathOf(QLatin1String(key)), in.notes());
}

QByteArray base64FromJson(R& in, const char* key) {
    const QString text = in.text(key);
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) in.fail(key, R::tr("not base64"));
    return *decoded;
}

}  // namespace

QJsonObject labToJson(const LabInfo& lab) {
    const LabInfo d;
    QJsonObject o;
    putText(o, "id", lab.id);
    if (!lab.title.isEmpty()) o.insert(QStringLiteral("title"), localizedToJson(lab.title));
    if (!lab.explanation.isEmpty())
        o.insert(QStringLiteral("explanation"), localizedToJson(lab.explanation));
    if (!lab.question.isEmpty())
        o.insert(QStringLiteral("question"), localizedToJson(lab.question));
    QJsonArray choices;
    for (const LocalizedText& c : lab.choices) choices.append(localizedToJson(c));
    putArray(o, "choices", choices);
    putInt(o, "answer", lab.answer, d.answer);
    if (!lab.observe.isEmpty()) o.insert(QStringLiteral("observe"), localizedToJson(lab.observe));
    return o;
}

LabInfo labFromJson(R& in) {
    LabInfo lab;
    lab.id = in.text("id");
    lab.title = localizedFromJson(in, "title");
    lab.explanation = localizedFromJson(in, "explanation");
    lab.question = localizedFromJson(in, "question");
    const QJsonArray choices = in.array("choices");
    for (qsizetype i = 0; i < choices.size(); ++i)
        lab.choices.push_back(
            localizedFromValue(choices.at(i), in.elementPath("choices", i), in.notes()));
    lab.answer = in.integer("answer", lab.answer, -1, INT_MAX);
    if (lab.answer >= int(lab.choices.size()))
        in.fail("answer", lab.choices.empty()
                              ? R::tr("%1 names a choice, but there are none").arg(lab.answer)
                              : R::tr("%1 is out of range (-1..%2, an index in choices)")
                                    .arg(lab.answer)
                                    .arg(lab.choices.size() - 1));
    lab.observe = localizedFromJson(in, "observe");
    in.finish();
    return lab;
}

QJsonObject layoutToJson(const WorkspaceLayout& layout) {
    const WorkspaceLayout d;
    QJsonObject o;
    putText(o, "main_geometry", QString::fromLatin1(layout.mainGeometry.toBase64()));
    putText(o, "main_state", QString::fromLatin1(layout.mainState.toBase64()));
    putText(o, "current_panel", layout.currentPanel);
    putBool(o, "trace_dock", layout.traceDock, d.traceDock);
    putBool(o, "log_dock", layout.logDock, d.logDock);
    putBool(o, "sequence_window", layout.sequenceWindow, d.sequenceWindow);
    putBool(o, "socket_table", layout.socketTable, d.socketTable);
    return o;
}

WorkspaceLayout layoutFromJson(R& in) {
    WorkspaceLayout l;
    l.mainGeometry = base64FromJson(in, "main_geometry");
    l.mainState = base64FromJson(in, "main_state");
    l.currentPanel = in.text("current_panel");
    l.traceDock = in.flag("trace_dock", l.traceDock);
    l.logDock = in.flag("log_dock", l.logDock);
    l.sequenceWindow = in.flag("sequence_window", l.sequenceWindow);
    l.socketTable = in.flag("socket_table", l.socketTable);
    in.finish();
    return l;
}

QJsonObject windowToJson(const WindowLayout& window) {
    const WindowLayout d;
    QJsonObject o;
    if (window.geometry != d.geometry) {
        const QRect& g = window.geometry;
        o.insert(QStringLiteral("geometry"), QJsonArray{g.x(), g.y(), g.width(), g.height()});
    }
    putBool(o, "visible", window.visible, d.visible);
    return o;
}

WindowLayout windowFromJson(R& in) {
    WindowLayout w;
    const QJsonArray g = in.array("geometry");
    if (in.has("geometry")) {
        int v[4] = {0, 0, 0, 0};
        bool ok = g.size() == 4;
        for (qsizetype i = 0; ok && i < 4; ++i) {
            const double d = g.at(i).toDouble(-1.0e12);
            ok = g.at(i).isDouble() && std::abs(d) <= 100000 && d == std::floor(d) &&
                 (i < 2 || d >= 0);
            v[i] = ok ? int(d) : 0;
        }
        if (!ok) in.fail("geometry", R::tr("expected [x, y, width, height] in pixels"));
        w.geometry = QRect(v[0], v[1], v[2], v[3]);
    }
    w.visible = in.flag("visible", w.visible);
    in.finish();
    return w;
}

}  // namespace sockwb
