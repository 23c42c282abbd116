#pragma once
// The main() of every test executable, and checks of the machine a test
// depends on. QTest marks a test function that throws as failed and then
// rethrows, which ends the executable with `terminate called after throwing`
// and a core dump: here the exception is caught once more, its message is
// printed with the suite's name, and the executable exits 1 like any failure.
// A test that needs the machine to resolve a name says so first
// (SOCKWB_REQUIRE_RESOLVES), so a machine without `/etc/hosts` gets a FAIL
// line that says what to fix instead of an exception. Test code only.

#include <netdb.h>
#include <sys/socket.h>

#include <QtTest>
#include <cstdio>
#include <exception>
#include <string>

namespace sockwb::test {

inline int execGuarded(QObject* suite, int argc, char** argv, const char* name) {
    try {
        return QTest::qExec(suite, argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr,
                     "FAIL!  : %s stopped: a test threw an exception it did not expect, so the "
                     "functions after it did not run:\n         %s\n",
                     name, e.what());
    } catch (...) {
        std::fprintf(stderr, "FAIL!  : %s stopped: a test threw an unknown exception\n", name);
    }
    std::fflush(stderr);
    return 1;
}

// True when getaddrinfo() knows `host`; otherwise `why` says what to fix.
inline bool resolves(const char* host, std::string* why) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* list = nullptr;
    const int rc = ::getaddrinfo(host, "80", &hints, &list);
    if (rc == 0) {
        ::freeaddrinfo(list);
        return true;
    }
    *why = std::string("this machine cannot resolve '") + host +
           "': getaddrinfo: " + ::gai_strerror(rc) +
           ". The test needs it: a system set up by Debian's installer has the line "
           "'127.0.0.1 localhost' (and '::1 localhost') in /etc/hosts; add it.";
    return false;
}

}  // namespace sockwb::test

#define SOCKWB_REQUIRE_RESOLVES(host)                                                \
    do {                                                                             \
        std::string sockwbWhy_;                                                      \
        if (!::sockwb::test::resolves(host, &sockwbWhy_)) QFAIL(sockwbWhy_.c_str()); \
    } while (false)

#define SOCKWB_TEST_MAIN_WRAPPER(TestObject, ...)                         \
    int main(int argc, char* argv[]) {                                    \
        __VA_ARGS__                                                       \
        TestObject tc;                                                    \
        QTEST_SET_MAIN_SOURCE_PATH                                        \
        return ::sockwb::test::execGuarded(&tc, argc, argv, #TestObject); \
    }

// As QTEST_MAIN (a QApplication), QTEST_GUILESS_MAIN and QTEST_APPLESS_MAIN.
#define SOCKWB_TEST_MAIN(TestObject)                                   \
    SOCKWB_TEST_MAIN_WRAPPER(TestObject, QApplication app(argc, argv); \
                             app.setAttribute(Qt::AA_Use96Dpi, true);)
#define SOCKWB_TEST_GUILESS_MAIN(TestObject)                               \
    SOCKWB_TEST_MAIN_WRAPPER(TestObject, QCoreApplication app(argc, argv); \
                             app.setAttribute(Qt::AA_Use96Dpi, true);)
#define SOCKWB_TEST_APPLESS_MAIN(TestObject) SOCKWB_TEST_MAIN_WRAPPER(TestObject, )
