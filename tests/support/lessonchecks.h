#pragma once
// Small helpers shared by the lesson suites (tests/core/lessons): the first
// step of a kind in a result, and the whole result in English for a failed
// assertion's message. Header-only, test code only.

#include <QByteArray>
#include <string>

#include "core/lessons/lessontext.h"
#include "core/lessons/socketlesson.h"

namespace sockwb::test {

inline const LessonStep* findStep(const LessonResult& r, LessonStepKind kind, int nth = 0) {
    for (const LessonStep& s : r.steps)
        if (s.kind == kind && nth-- == 0) return &s;
    return nullptr;
}

inline QByteArray lessonWhy(const LessonResult& r) {
    std::string out = r.lesson + ": ";
    if (r.error) out += explain(*r.error) + "; ";
    for (const LessonStep& s : r.steps) {
        out += englishSentence(s) + "\n";
        for (const SocketEntry& e : s.sockets) out += "    " + socketRowText(e) + "\n";
    }
    return QByteArray::fromStdString(out);
}

}  // namespace sockwb::test
