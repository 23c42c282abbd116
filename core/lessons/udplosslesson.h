#pragma once
// The udp-loss lesson: a UDP echo server behind a relay that drops 10 % of
// the datagrams in each direction. A naive client sends 200 numbered
// datagrams, one at a time, and waits a short while for each echo: the
// ones whose request or answer was dropped never come back (UDP neither
// retransmits nor tells). The client's count of lost datagrams is compared
// with the relay's drop counters. Threading: see SocketLesson.

#include "core/lessons/socketlesson.h"

namespace sockwb {

class UdpLossLesson final : public SocketLesson {
public:
    static constexpr int kDatagrams = 200;
    static constexpr int kDropPercent = 10;  // per direction
    static constexpr int kAnswerTimeoutMs = 50;

    LessonId id() const override { return LessonId::UdpLoss; }

protected:
    void steps(LessonRun& run) override;
};

}  // namespace sockwb
