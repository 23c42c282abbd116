#pragma once
// The lessons in English, for the CLI and logs: a title, the explanation,
// the "predict, then observe" question, and one sentence per step made
// from its numbers. The GUI words its own (translated) text from the same
// codes (widgets/lessons/lessonwords.h). Thread-safe (pure functions).

#include <string>

#include "core/lessons/lessonstep.h"
#include "core/lessons/socketlesson.h"

namespace sockwb {

std::string lessonTitle(LessonId id);
std::string lessonExplanation(LessonId id);
std::string lessonQuestion(LessonId id);
std::string englishSentence(const LessonStep& step);
// One row as `ss -tan` prints it: "SYN-SENT 0 1 127.0.0.1:40000 127.0.0.1:5000".
std::string socketRowText(const SocketEntry& e);

}  // namespace sockwb
