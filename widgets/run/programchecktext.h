#pragma once
// ProgramCheckText: a ProgramCheck (core/tracer/programcheck.h) worded for
// people, translated: what is traced or why not. Shared by the Run a Program
// window and `sockwb trace`, so both say the same thing in the same
// language; its English is englishSentence()'s. Thread-safe (pure functions).

#include <QCoreApplication>
#include <QString>

#include "core/tracer/programcheck.h"

namespace sockwb {

class ProgramCheckText final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::ProgramCheckText)
public:
    // "./srv is statically linked: no dynamic loader runs, so LD_PRELOAD
    // cannot trace it (rebuild it without -static, or use strace -f)".
    static QString sentence(const tracer::ProgramCheck& check);
};

}  // namespace sockwb
