// `sockwb sequence [--text|--json|--svg FILE|--png FILE] [TRACE.jsonl|-]`:
// reads the trace lines `sockwb serve --trace --json` and `sockwb trace
// --json` write (other lines are skipped), rebuilds the exchange with the
// core's sequence builder and prints one line per arrow (the handshake,
// data, FIN, RST, datagrams), or JSON objects, or draws the diagram to an
// SVG or PNG file through the GUI's SequenceView. Only the drawing needs a
// QApplication: runCommandLine makes one on the offscreen platform when
// sequenceNeedsWidgets() says so.

#include <QCoreApplication>
#include <QVector>
#include <QtGlobal>
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/jsonline.h"
#include "core/net/error.h"
#include "core/sequence/sequence.h"
#include "widgets/sequence/sequenceview.h"

namespace sockwb::app {

namespace {

const char* kHelp = QT_TRANSLATE_NOOP(
    "sockwb::app::sequence",
    "Usage: sockwb sequence [--text|--json|--svg FILE|--png FILE] [TRACE.jsonl|-]\n"
    "Reads a trace written as JSON lines (sockwb serve --trace --json, sockwb trace\n"
    "--json; other lines are skipped) from TRACE.jsonl, or from standard input when\n"
    "it is - or absent, and shows the exchange as a sequence: connect -> accept (the\n"
    "handshake), each send -> the recvs that read its bytes, close or shutdown -> the\n"
    "peer's recv = 0 (FIN), a reset, datagrams and the ones never received.\n\n"
    "  --text         one line per arrow: time since the first call, kind, from\n"
    "                 \"pid/fd call\" -> to, bytes, and over TLS the records it\n"
    "                 carried, [ClientHello] (the default)\n"
    "  --json         one JSON object per arrow (\"tls\": the records' names)\n"
    "  --svg FILE     draw the sequence diagram into an SVG file\n"
    "  --png FILE     draw it into a PNG image\n"
    "  -h, --help     show this help\n"
    "Exit status: 0 done, 1 the trace cannot be read, has no trace line or the\n"
    "file cannot be written, 2 bad usage.\n");

enum class Output { Text, Json, Svg, Png };

struct SequenceOptions {
    bool help = false;
    Output output = Output::Text;
    std::string file;   // --svg / --png
    std::string input;  // "" or "-": standard input
};

SequenceOptions parse(const Args& args) {
    CommandParser p("sequence");
    p.addFlag({"text"});
    p.addFlag({"json"});
    p.addValue({"svg"});
    p.addValue({"png"});
    p.parse(args);
    SequenceOptions o;
    o.help = p.helpAsked();
    if (o.help) return o;
    int chosen = 0;
    for (const char* name : {"text", "json", "svg", "png"}) chosen += p.isSet(name) ? 1 : 0;
    if (chosen > 1)
        throw Error::invalid(
            utf8(QCoreApplication::translate("sockwb::app::sequence",
                                             "choose one of --text, --json, --svg and --png")),
            p.seeHelp());
    if (p.isSet("json")) o.output = Output::Json;
    if (p.isSet("svg")) {
        o.output = Output::Svg;
        o.file = p.value("svg");
    }
    if (p.isSet("png")) {
        o.output = Output::Png;
        o.file = p.value("png");
    }
    const auto words = p.positional();
    if (words.size() > 1)
        throw Error::invalid(utf8(QCoreApplication::translate("sockwb::app::sequence",
                                                              "one trace file at most, not %1")
                                      .arg(words.size())),
                             p.seeHelp());
    if (!words.empty()) o.input = words.front();
    return o;
}

struct FileCloser {
    void operator()(FILE* f) const {
        if (f != stdin) std::fclose(f);
    }
};

// The trace events of the input, in file order.
std::vector<TraceEvent> readTrace(const std::string& input) {
    const bool useStdin = input.empty() || input == "-";
    const std::unique_ptr<FILE, FileCloser> file(useStdin ? stdin
                                                          : std::fopen(input.c_str(), "re"));
    if (!file) throw Error::fromErrno("open", errno, {}, input);
    std::vector<TraceEvent> events;
    std::string line;
    char buffer[64 * 1024];
    while (std::fgets(buffer, sizeof buffer, file.get())) {
        line += buffer;
        if (!line.empty() && line.back() != '\n' && !std::feof(file.get())) continue;
        if (auto e = TraceEvent::fromJson(line)) events.push_back(std::move(*e));
        line.clear();
    }
    if (std::ferror(file.get())) throw Error::fromErrno("read", errno, {}, input);
    if (!line.empty())
        if (auto e = TraceEvent::fromJson(line)) events.push_back(std::move(*e));
    return events;
}

const char* kindName(seq::Arrow::Kind kind) {
    switch (kind) {
        case seq::Arrow::Kind::Handshake:
            return "handshake";
        case seq::Arrow::Kind::Data:
            return "data";
        case seq::Arrow::Kind::Fin:
            return "fin";
        case seq::Arrow::Kind::Reset:
            return "reset";
        case seq::Arrow::Kind::Datagram:
            return "datagram";
        case seq::Arrow::Kind::Lost:
            return "lost";
    }
    return "?";
}

// The descriptor of the lifeline a call is on: for an accept, the new
// socket's (the event's own fd is the listener's).
int lifelineFd(const seq::SequenceBuilder& b, size_t call) {
    const seq::Call& c = b.calls()[call];
    return c.lifeline == seq::kNone ? b.events()[c.event].fd : b.lifelines()[c.lifeline].fd;
}

// "4242/5 recv"
std::string endText(const seq::SequenceBuilder& b, size_t call) {
    const TraceEvent& e = b.events()[b.calls()[call].event];
    return std::to_string(e.pid) + "/" + std::to_string(lifelineFd(b, call)) + " " + e.call;
}

std::string endJson(const seq::SequenceBuilder& b, size_t call) {
    if (call == seq::kNone) return "null";
    const TraceEvent& e = b.events()[b.calls()[call].event];
    return JsonLine()
        .add("pid", e.pid)
        .add("fd", lifelineFd(b, call))
        .add("call", e.call)
        .add("time_us", e.timeUs)
        .add("result", e.result)
        .str();
}

// An arrow's TLS records: "ServerHello, Certificate, Finished",
// "application data 78 B" ("" on a plain connection).
std::string tlsText(const std::vector<seq::TlsRecord>& records) {
    std::string out;
    for (const seq::TlsRecord& r : seq::mergedRecords(records)) {
        std::string part = r.what;
        if (r.what == "application data" && r.bytes >= 0)
            part += " " + std::to_string(r.bytes) + " B";
        else if (r.count > 1)
            part += " x" + std::to_string(r.count);
        out += (out.empty() ? "" : ", ") + part;
    }
    return out;
}

// The arrows in time order of their start (then of their end).
std::vector<size_t> arrowsByTime(const seq::SequenceBuilder& b) {
    std::vector<size_t> order(b.arrows().size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto time = [&b](size_t call) {
        return call == seq::kNone ? INT64_MAX : b.calls()[call].timeUs;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const seq::Arrow& a = b.arrows()[x];
        const seq::Arrow& c = b.arrows()[y];
        if (time(a.from) != time(c.from)) return time(a.from) < time(c.from);
        return time(a.to) < time(c.to);
    });
    return order;
}

void printArrows(const seq::SequenceBuilder& b, bool json) {
    int64_t origin = INT64_MAX;
    for (const TraceEvent& e : b.events()) origin = std::min(origin, e.timeUs);
    QString out;
    for (size_t i : arrowsByTime(b)) {
        const seq::Arrow& a = b.arrows()[i];
        const int64_t at = b.calls()[a.from].timeUs;
        const std::string tls = tlsText(b.tlsRecordsOf(a));
        if (json) {
            JsonLine j;
            j.add("time_us", at)
                .add("kind", kindName(a.kind))
                .addRaw("from", endJson(b, a.from))
                .addRaw("to", endJson(b, a.to))
                .add("offset", a.offset)
                .add("bytes", a.length);
            if (!tls.empty()) j.add("tls", tls);
            out += q(j.str()) + QLatin1Char('\n');
            continue;
        }
        char when[32];
        std::snprintf(when, sizeof when, "+%.6f", static_cast<double>(at - origin) / 1e6);
        const std::string to =
            a.to == seq::kNone ? std::string("(never received)") : endText(b, a.to);
        QString line = QStringLiteral("%1  %2 %3 -> %4")
                           .arg(QLatin1String(when))
                           .arg(QLatin1String(kindName(a.kind)), -9)
                           .arg(q(endText(b, a.from)), q(to));
        if (a.kind == seq::Arrow::Kind::Data || a.kind == seq::Arrow::Kind::Datagram ||
            a.kind == seq::Arrow::Kind::Lost)
            line += a.length == 1
                        ? QCoreApplication::translate("sockwb::app::sequence", "  1 byte")
                        : QCoreApplication::translate("sockwb::app::sequence", "  %1 bytes")
                              .arg(a.length);
        if (!tls.empty()) line += QStringLiteral("  [%1]").arg(q(tls));
        out += line + QLatin1Char('\n');
    }
    printOut(out);
}

int draw(const std::vector<TraceEvent>& events, const SequenceOptions& o) {
    SequenceView view;
    view.appendEvents(QVector<TraceEvent>(events.begin(), events.end()));
    QString why;
    const QString path = q(o.file);
    const bool ok =
        o.output == Output::Svg ? view.exportSvg(path, &why) : view.exportPng(path, &why);
    if (!ok) {
        printErr(QCoreApplication::translate("sockwb::app::sequence",
                                             "sockwb sequence: cannot write %1: %2\n")
                     .arg(path, why));
        return 1;
    }
    return 0;
}

int run(const SequenceOptions& o) {
    const std::vector<TraceEvent> events = readTrace(o.input);
    if (events.empty()) {
        printErr(
            QCoreApplication::translate(
                "sockwb::app::sequence",
                "sockwb sequence: no trace line in %1 (write one with sockwb serve --trace "
                "--json or sockwb trace --json)\n")
                .arg(o.input.empty() || o.input == "-" ? QStringLiteral("stdin") : q(o.input)));
        return 1;
    }
    if (o.output == Output::Svg || o.output == Output::Png) return draw(events, o);
    seq::SequenceBuilder builder;
    builder.append(events);
    printArrows(builder, o.output == Output::Json);
    return 0;
}

}  // namespace

bool sequenceNeedsWidgets(const Args& args) {
    for (const std::string& a : args) {
        if (a == "--") break;
        if (a == "--svg" || a == "--png" || a.rfind("--svg=", 0) == 0 || a.rfind("--png=", 0) == 0)
            return true;
    }
    return false;
}

int sequenceCommand(const Args& args) {
    SequenceOptions o;
    try {
        o = parse(args);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb sequence: %1\n").arg(errorText(e)));
        return 2;
    }
    if (o.help) {
        printOut(QCoreApplication::translate("sockwb::app::sequence", kHelp));
        return 0;
    }
    try {
        return run(o);
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb sequence: %1\n").arg(errorText(e)));
        return e.kind() == ErrorKind::InvalidInput ? 2 : 1;
    }
}

}  // namespace sockwb::app
