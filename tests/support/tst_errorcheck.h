#pragma once
// Checks an Error against what a test expects: the kind, the call, errno's
// name (also in what()) and words of the explanation. Test code only.

#include <QtTest>
#include <string>
#include <vector>

#include "core/net/error.h"

namespace sockwb::test {

// "" when e matches, else why not. Usable in a forked child too (no QtTest).
inline std::string mismatch(const Error& e, ErrorKind kind, const std::string& call,
                            const std::string& errName, const std::vector<std::string>& words) {
    const std::string what = e.what();
    if (e.kind() != kind) return "wrong kind " + std::to_string(int(e.kind())) + ": " + what;
    if (e.info().call != call) return "wrong call '" + e.info().call + "': " + what;
    if (!errName.empty() && errnoName(e.err()) != errName)
        return "wrong errno " + errnoName(e.err()) + ": " + what;
    if (!errName.empty() && what.find(errName) == std::string::npos)
        return "what() does not name " + errName + ": " + what;
    const std::string expl = e.explanation();
    if (what.find(expl) == std::string::npos) return "what() lacks the explanation: " + what;
    for (const auto& w : words)
        if (expl.find(w) == std::string::npos) return "explanation lacks '" + w + "': " + expl;
    return {};
}

#define CHECK_ERROR(expr, ...)                                \
    do {                                                      \
        std::string why_ = "no exception thrown";             \
        try {                                                 \
            expr;                                             \
        } catch (const ::sockwb::Error& e_) {                 \
            why_ = ::sockwb::test::mismatch(e_, __VA_ARGS__); \
        }                                                     \
        QVERIFY2(why_.empty(), why_.c_str());                 \
    } while (0)

// Answer of a forked child: "" = passed, "SKIP: why", or the failure.
inline void verifyChild(const std::string& answer) {
    if (answer.rfind("SKIP: ", 0) == 0) QSKIP(answer.c_str() + 6);
    QVERIFY2(answer.empty(), answer.c_str());
}

}  // namespace sockwb::test
