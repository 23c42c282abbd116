#pragma once
// The partial-reads lesson: an echo server behind a relay whose slicer cuts
// what the server sends back into small pieces, a few ms apart. A client
// sends one 2,000-byte message of lines and calls recv() ONCE, as if one
// recv were one message: it gets only the first piece. A second client
// reads the same message through the line framing decoder
// (core/net/framing.h) and gets every line whole, however many pieces the
// bytes came in. Threading: see SocketLesson.

#include "core/lessons/socketlesson.h"

namespace sockwb {

class PartialReadsLesson final : public SocketLesson {
public:
    static constexpr int kLines = 40;
    static constexpr int kLineBytes = 50;  // with its "\n"
    static constexpr int kSliceAvg = 100;
    static constexpr int kSliceVar = 50;
    static constexpr int kSliceDelayMs = 5;

    LessonId id() const override { return LessonId::PartialReads; }

protected:
    void steps(LessonRun& run) override;
};

}  // namespace sockwb
