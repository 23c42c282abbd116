#pragma once
// SequenceText: the words of the sequence view (call labels, lifeline and
// process headers, arrow kinds and their tooltips in the course's words),
// made at the edge from the builder's codes and numbers, all through tr().
// Pure functions: thread-safe.

#include <QCoreApplication>
#include <QString>

#include "core/sequence/sequence.h"
#include "core/sequence/tlsrecords.h"

namespace sockwb {

class SequenceText final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::SequenceText)
public:
    // "send 12 B", "recv = 0", "accept4 = 5", "recv ECONNRESET".
    static QString callLabel(const TraceEvent& event);
    // True when the label must read as a failure (red).
    static bool isFailure(const TraceEvent& event) { return event.err != 0; }
    // "client fd 5", "listening fd 3", "process".
    static QString lifelineTitle(const seq::Lifeline& lifeline);
    // "127.0.0.1:40000 → 127.0.0.1:8080" (or one side, or empty).
    static QString lifelineEndpoints(const seq::Lifeline& lifeline);
    // "pid 1234 sockwb", second line "fork child of 1200" when known.
    static QString processTitle(const seq::Process& process);
    static QString processParent(const seq::Process& process);
    // Both on one line: "pid 1234 sockwb · fork child of 1200".
    static QString processHeader(const seq::Process& process);
    static QString arrowKindName(seq::Arrow::Kind kind);
    // What the arrow means, for its tooltip and the details pane.
    static QString arrowExplanation(seq::Arrow::Kind kind);
    // An arrow's TLS records: "ClientHello", "ServerHello, Certificate,
    // Finished", "application data 78 B", "NewSessionTicket ×2" ("" when none).
    static QString tlsRecords(const std::vector<seq::TlsRecord>& records);
    // What ciphertext arrows mean (the details pane under a TLS arrow).
    static QString tlsExplanation();
    // "12 B", "1.5 KiB"...
    static QString bytes(int64_t n);
    // "+1.234 ms", "+2.5 s" (a duration since the first call).
    static QString offset(int64_t us);
};

}  // namespace sockwb
