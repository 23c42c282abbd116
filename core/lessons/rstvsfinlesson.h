#pragma once
// The rst-vs-fin lesson: a client connects to a server and closes, twice.
// First a normal close(): a FIN, the server's recv() returns 0 (end of
// stream) and the client's side, which closed first, waits in TIME-WAIT.
// Then with SO_LINGER on with a 0 s timeout: close() aborts the connection
// with a RST, the server's recv() fails with ECONNRESET, and nothing is
// left in TIME-WAIT. Threading: see SocketLesson.

#include "core/lessons/socketlesson.h"

namespace sockwb {

class RstVsFinLesson final : public SocketLesson {
public:
    LessonId id() const override { return LessonId::RstVsFin; }

protected:
    void steps(LessonRun& run) override;
};

}  // namespace sockwb
