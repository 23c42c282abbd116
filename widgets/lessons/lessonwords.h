#pragma once
// The lessons in the user's language: titles, explanations, questions and
// one sentence per step, worded from the step's codes and numbers (the
// core's English, core/lessons/lessontext.h, is for the CLI). GUI thread
// (tr() needs the installed translators).

#include <QCoreApplication>
#include <QString>

#include "core/lessons/lessonstep.h"
#include "core/lessons/socketlesson.h"

namespace sockwb {

class LessonWords final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::LessonWords)
public:
    static QString title(LessonId id);
    static QString explanation(LessonId id);
    static QString question(LessonId id);
    static QString sentence(const LessonStep& step);
};

}  // namespace sockwb
