// `sockwb lesson [--json] NAME` and `sockwb lesson --list`: runs one of the
// built-in lessons (core/lessons) for real on loopback and prints each step
// as it happens, with the socket-table rows it observed. --json prints one
// JSON object per step (English, stable), then a summary line.

#include <string>

#include "app/cli/clitext.h"
#include "app/cli/commandparser.h"
#include "app/cli/commands.h"
#include "app/cli/jsonline.h"
#include "core/lessons/lessontext.h"
#include "core/lessons/socketlesson.h"
#include "core/net/error.h"

namespace sockwb::app {

namespace {

const char* kHelp =
    "Usage: sockwb lesson [--json] NAME\n"
    "       sockwb lesson --list\n"
    "Runs a built-in lesson for real on loopback (a server on a free port, its clients) and\n"
    "prints what the socket table shows at each step. A lesson takes a few seconds and\n"
    "leaves nothing running (the TIME-WAIT entries it makes are the kernel's).\n\n"
    "  accept-queue   an iterative server with 20 clients: the accept queue fills, then\n"
    "                 connects time out in SYN-SENT\n"
    "  time-wait      stopping a server leaves TIME-WAIT entries on its port\n"
    "  reuseaddr      restarting on that port without SO_REUSEADDR fails with EADDRINUSE\n"
    "  partial-reads  a relay slices the answer: one recv() gets part of the message, line\n"
    "                 framing gets every line whole\n"
    "  nagle          100 small writes with Nagle, then with TCP_NODELAY: segments and recvs\n"
    "  rst-vs-fin     close() sends a FIN (recv returns 0), with SO_LINGER 0 a RST\n"
    "                 (ECONNRESET)\n"
    "  udp-loss       a relay drops UDP datagrams: what a naive client loses\n\n"
    "  --list         the lessons' names and titles\n"
    "  --json         one JSON object per step (English, stable), then a summary\n\n"
    "Exit status: 0 the lesson ran, 1 it failed (netlink sock_diag missing...), 2 bad usage.\n";

std::string stateName(const SocketEntry& e) { return tcpStateName(e.state); }

// "accept-queue, time-wait, ... or udp-loss".
std::string lessonNames() {
    std::string out;
    const std::vector<LessonId> all = allLessons();
    for (size_t i = 0; i < all.size(); ++i) {
        if (i > 0) out += i + 1 == all.size() ? " or " : ", ";
        out += lessonName(all[i]);
    }
    return out;
}

std::string stepJson(const LessonStep& s) {
    std::string rows = "[";
    for (const SocketEntry& e : s.sockets) {
        if (rows.size() > 1) rows += ',';
        rows += JsonLine()
                    .add("state", stateName(e))
                    .add("recvQ", uint64_t(e.recvQ))
                    .add("sendQ", uint64_t(e.sendQ))
                    .add("local", e.local)
                    .add("peer", e.peer)
                    .str();
    }
    rows += ']';
    JsonLine line;
    line.add("step", lessonStepKindName(s.kind))
        .add("port", int(s.port))
        .add("backlog", s.backlog)
        .add("clients", s.clients)
        .add("connected", s.connected)
        .add("timedOut", s.timedOut)
        .add("timeoutMs", s.timeoutMs)
        .add("synSent", s.synSent)
        .add("established", s.established)
        .add("acceptQueue", s.acceptQueue)
        .add("acceptQueueMax", s.acceptQueueMax)
        .add("peerClosed", s.peerClosed)
        .add("timeWait", s.timeWait);
    switch (s.kind) {
        case LessonStepKind::RelayStarted:
            line.add("relayPort", int(s.relayPort))
                .add("sliceAvg", s.sliceAvg)
                .add("sliceVar", s.sliceVar)
                .add("sliceDelayMs", s.sliceDelayMs)
                .add("dropPercent", s.dropPercent);
            break;
        case LessonStepKind::SingleRecv:
        case LessonStepKind::FramedRecv:
            line.add("expectedBytes", s.expectedBytes)
                .add("gotBytes", s.gotBytes)
                .add("recvs", s.recvs)
                .add("lines", s.messages)
                .add("complete", s.complete);
            break;
        case LessonStepKind::WritesCounted:
            line.add("noDelay", s.noDelay == 1)
                .add("sends", s.sends)
                .add("bytes", s.expectedBytes)
                .add("segments", s.segments)
                .add("recvs", s.recvs)
                .add("gotBytes", s.gotBytes);
            break;
        case LessonStepKind::CloseObserved:
            line.add("lingerSeconds", s.lingerSeconds)
                .add("peerEof", s.peerEof)
                .add("recvErrno", s.recvErrno ? errnoName(s.recvErrno) : std::string());
            break;
        case LessonStepKind::DatagramsCounted:
            line.add("sends", s.sends)
                .add("answered", s.answered)
                .add("lost", s.lost)
                .add("dropped", s.dropped)
                .add("dropPercent", s.dropPercent);
            break;
        default:
            break;
    }
    if (s.error) line.add("errorCall", s.error->call).add("errno", errnoName(s.error->err));
    line.add("sentence", englishSentence(s)).addRaw("sockets", rows);
    return line.str();
}

void printStep(const LessonStep& s, int number) {
    QString out = QStringLiteral("[%1] %2\n").arg(number).arg(q(englishSentence(s)));
    if (!s.sockets.empty()) {
        out += QStringLiteral("    State       Recv-Q Send-Q  Local                  Peer\n");
        for (const SocketEntry& e : s.sockets)
            out += QStringLiteral("    %1\n").arg(q(socketRowText(e)));
    }
    printOut(out);
}

}  // namespace

int lessonCommand(const Args& args) {
    bool json = false;
    LessonId id = LessonId::AcceptQueue;
    try {
        CommandParser p("lesson");
        p.addFlag({"json"});
        p.addFlag({"list"});
        p.parse(args);
        if (p.helpAsked()) {
            printOut(QString::fromUtf8(kHelp));
            return 0;
        }
        json = p.isSet("json");
        const std::vector<std::string> words = p.positional();
        if (p.isSet("list")) {
            for (LessonId l : allLessons()) {
                if (json)
                    printOut(q(JsonLine()
                                   .add("name", lessonName(l))
                                   .add("title", lessonTitle(l))
                                   .str()) +
                             QLatin1Char('\n'));
                else
                    printOut(QStringLiteral("%1 %2\n")
                                 .arg(QString::fromLatin1(lessonName(l)), -14)
                                 .arg(q(lessonTitle(l))));
            }
            return 0;
        }
        if (words.size() != 1)
            throw Error::invalid("expected one lesson NAME",
                                 lessonNames() + "; see sockwb lesson --list");
        const auto found = lessonFromName(words[0]);
        if (!found)
            throw Error::invalid("unknown lesson '" + words[0] + "'", "expected " + lessonNames());
        id = *found;
    } catch (const Error& e) {
        printErr(QStringLiteral("sockwb lesson: %1\n").arg(errorText(e)));
        return 2;
    }

    if (!json)
        printOut(QStringLiteral("%1\n\n%2\n\n%3\n\n")
                     .arg(q(lessonTitle(id)), q(lessonExplanation(id)), q(lessonQuestion(id))));
    int number = 0;
    const LessonResult r = makeLesson(id)->run([&](const LessonStep& s) {
        if (json)
            printOut(q(stepJson(s)) + QLatin1Char('\n'));
        else
            printStep(s, ++number);
    });
    if (json)
        printOut(q(JsonLine()
                       .add("lesson", r.lesson)
                       .add("port", int(r.port))
                       .add("ok", r.ok())
                       .add("error", r.error ? explain(*r.error) : std::string())
                       .str()) +
                 QLatin1Char('\n'));
    if (r.error) {
        printErr(QStringLiteral("sockwb lesson: %1\n").arg(errorText(Error(*r.error))));
        return 1;
    }
    return 0;
}

}  // namespace sockwb::app
