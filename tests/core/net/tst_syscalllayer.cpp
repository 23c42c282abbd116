// Every socket call of the core, the widgets and the app goes through sys::
// (core/net/sys.cpp and syswait.cpp), where it is traced: the workbench promises that the
// trace shows each call a student's server or client makes. This test reads
// every .h/.cpp under core/, widgets/ and app/ (SOCKWB_SOURCE_DIR) and fails,
// naming file:line, on a raw call (`::poll(`, `::epoll_ctl(`, an unqualified
// `getsockname(`...) outside the syscall layer, unless the allowlist below
// gives the file and the call a reason. Comments and string literals are
// skipped. The self-check rows show that the scanner does report a raw call.

#include <QtTest>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/testmain.h"

namespace {

namespace fs = std::filesystem;

// The socket API: a raw call of any of these is reported when written `::name(`.
const char* const kCalls =
    "socket|bind|listen|accept|accept4|connect|send|recv|sendto|recvfrom|sendmsg|recvmsg|"
    "shutdown|setsockopt|getsockopt|getsockname|getpeername|poll|ppoll|select|epoll_create|"
    "epoll_create1|epoll_ctl|epoll_wait|epoll_pwait|eventfd|socketpair";
// These names mean nothing else in the tree, so `name(` is reported too
// (connect, send, select... are also Qt's and Socket's method names).
const char* const kUnambiguous =
    "accept4|sendto|recvfrom|sendmsg|recvmsg|setsockopt|getsockopt|getsockname|getpeername|"
    "poll|ppoll|epoll_create|epoll_create1|epoll_ctl|epoll_wait|epoll_pwait|eventfd|socketpair";

// The syscall layer itself: the one place that calls the kernel.
const char* const kLayer[] = {"core/net/sys.cpp", "core/net/syswait.cpp", "core/net/sys.h"};

struct Allowed {
    const char* file;  // relative to the source dir
    const char* call;
    const char* reason;
};

// Keep it short; every entry says why the call may not be traced.
const Allowed kAllowlist[] = {
    {"core/net/netlinkdump.cpp", "socket",
     "the NETLINK_SOCK_DIAG socket through which the workbench lists the machine's sockets "
     "(Sockets on this machine, the live TCP columns, twice a second): the workbench looking, "
     "not the socket API the user studies; traced, it would flood every trace it runs under"},
    {"core/net/netlinkdump.cpp", "recv",
     "the same netlink socket's MSG_PEEK|MSG_TRUNC size probe (see the socket entry)"},
    {"core/net/netlinkdump.cpp", "recvmsg", "the same netlink socket's answers"},
    {"core/net/netlinkdump.cpp", "sendmsg", "the same netlink socket's dump requests"},
    {"app/cli/relaycommand.cpp", "poll",
     "sockwb relay's main thread waiting for a stop signal (signalfd) and the stdin lines that "
     "change the faults: no socket is polled, and a traced row per typed line would only "
     "clutter the relay's own trace"},
    {"core/net/tcpsample.cpp", "getsockopt",
     "readTcpSample's TCP_INFO read: the workbench looking at a socket's live state, "
     "not a call of the program under study (a traced row twice a second would bury it)"},
    {"app/gui/signalcloser.cpp", "socketpair",
     "the GUI's self-pipe for SIGINT/SIGTERM/SIGHUP, made on the GUI thread whose global "
     "trace observer is the user's \"all servers\" trace: workbench plumbing, not a socket "
     "the user studies (the same reason eventfds go through untraced sys:: plumbing)"},
};

struct Hit {
    std::string file;
    int line = 0;
    std::string call;
    std::string text;
};

// Blanks out comments and the contents of string and character literals
// (raw strings included), keeping line breaks so that line numbers hold.
std::string codeOnly(const std::string& src) {
    std::string out = src;
    size_t i = 0;
    const size_t n = src.size();
    auto blank = [&](size_t from, size_t to) {
        for (size_t k = from; k < to && k < n; ++k)
            if (out[k] != '\n') out[k] = ' ';
    };
    while (i < n) {
        if (src.compare(i, 2, "//") == 0) {
            const size_t end = src.find('\n', i);
            blank(i, end == std::string::npos ? n : end);
            i = end == std::string::npos ? n : end;
        } else if (src.compare(i, 2, "/*") == 0) {
            const size_t end = src.find("*/", i + 2);
            const size_t stop = end == std::string::npos ? n : end + 2;
            blank(i, stop);
            i = stop;
        } else if (src.compare(i, 2, "R\"") == 0 &&
                   (i == 0 ||
                    !(std::isalnum(static_cast<unsigned char>(src[i - 1])) || src[i - 1] == '_'))) {
            const size_t open = src.find('(', i + 2);
            if (open == std::string::npos) break;
            const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
            const size_t end = src.find(close, open);
            const size_t stop = end == std::string::npos ? n : end + close.size();
            blank(i + 2, stop - 1);
            i = stop;
        } else if (src[i] == '\'' && i > 0 &&
                   std::isxdigit(static_cast<unsigned char>(src[i - 1]))) {
            ++i;  // a digit separator: 1'000'000
        } else if (src[i] == '"' || src[i] == '\'') {
            const char quote = src[i];
            size_t k = i + 1;
            while (k < n && src[k] != quote && src[k] != '\n') k += src[k] == '\\' ? 2 : 1;
            blank(i + 1, k);
            i = k + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// The raw calls in one file's text.
std::vector<Hit> scanText(const std::string& text, const std::string& file) {
    static const std::regex qualified(std::string("(^|[^A-Za-z0-9_.>:])::\\s*(") + kCalls +
                                      ")\\s*\\(");
    static const std::regex bare(std::string("(^|[^A-Za-z0-9_.>:~])(") + kUnambiguous + ")\\s*\\(");
    std::vector<Hit> hits;
    std::istringstream code(codeOnly(text)), original(text);
    std::string line, shown;
    for (int number = 1; std::getline(code, line); ++number) {
        std::getline(original, shown);
        for (const auto* re : {&qualified, &bare}) {
            for (std::sregex_iterator it(line.begin(), line.end(), *re), end; it != end; ++it)
                hits.push_back({file, number, (*it)[2].str(), shown});
        }
    }
    return hits;
}

bool allowed(const Hit& hit) {
    for (const auto& a : kAllowlist)
        if (hit.file == a.file && hit.call == a.call) return true;
    return false;
}

// Every .h/.cpp under core/, widgets/ and app/, the layer left out.
std::vector<Hit> scanTree() {
    const fs::path root(SOCKWB_SOURCE_DIR);
    std::vector<Hit> hits;
    for (const char* top : {"core", "widgets", "app"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
            const std::string rel = fs::relative(entry.path(), root).generic_string();
            if (std::find(std::begin(kLayer), std::end(kLayer), rel) != std::end(kLayer)) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            for (auto& h : scanText(text.str(), rel)) hits.push_back(std::move(h));
        }
    }
    return hits;
}

}  // namespace

class tst_SyscallLayer : public QObject {
    Q_OBJECT

private slots:
    void scannerReports_data();
    void scannerReports();
    void everySocketCallGoesThroughSys();
    void allowlistIsCurrent();
};

void tst_SyscallLayer::scannerReports_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");  // "line:call" per hit
    QTest::newRow("raw poll") << "int n = 0;\n  n = ::poll(fds, 2, -1);\n" << QStringList{"2:poll"};
    QTest::newRow("spaced epoll_wait")
        << "::epoll_wait (ep, ev, 8, 0);" << QStringList{"1:epoll_wait"};
    QTest::newRow("raw connect") << "if (::connect(fd, a, n) != 0) {" << QStringList{"1:connect"};
    QTest::newRow("unqualified getsockname")
        << "getsockname(fd, sa, &len);" << QStringList{"1:getsockname"};
    QTest::newRow("two on a line")
        << "::socket(a,b,c); ::bind(fd, a, n);" << (QStringList{"1:socket", "1:bind"});
    QTest::newRow("through sys") << "sys::poll(fds, 1, 0); sys::connect(fd, a, n);"
                                 << QStringList{};
    QTest::newRow("a method") << "Socket::connect(a); s.poll(x); p->poll(y); connect(b, c);"
                              << QStringList{};
    QTest::newRow("line comment") << "// ::poll(fds, 1, 0) would hide the call\n" << QStringList{};
    QTest::newRow("trailing comment") << "x = 1;  // not ::poll(here)" << QStringList{};
    QTest::newRow("block comment") << "/* ::poll(\n ::socketpair( */ y();" << QStringList{};
    QTest::newRow("string") << "log(\"::poll( failed\"); c = '(';" << QStringList{};
    QTest::newRow("raw string") << "auto s = R\"x(::poll()x\"; ::poll(f, 1, 0);"
                                << QStringList{"1:poll"};
    QTest::newRow("after a string")
        << "f(\"a\\\"b\"); ::eventfd(0, 0);" << QStringList{"1:eventfd"};
    QTest::newRow("digit separators")
        << "t = 1'000'000; ::ppoll(f, 1, &ts, nullptr);" << QStringList{"1:ppoll"};
}

void tst_SyscallLayer::scannerReports() {
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const auto& h : scanText(text.toStdString(), "memory.cpp"))
        got << QString("%1:%2").arg(h.line).arg(QString::fromStdString(h.call));
    QCOMPARE(got, expected);
}

void tst_SyscallLayer::everySocketCallGoesThroughSys() {
    QVERIFY2(fs::is_directory(fs::path(SOCKWB_SOURCE_DIR) / "core"), SOCKWB_SOURCE_DIR);
    QStringList report;
    for (const auto& h : scanTree())
        if (!allowed(h))
            report << QString("%1:%2: raw %3(): %4")
                          .arg(QString::fromStdString(h.file))
                          .arg(h.line)
                          .arg(QString::fromStdString(h.call))
                          .arg(QString::fromStdString(h.text).trimmed());
    QVERIFY2(report.isEmpty(),
             qPrintable("socket calls that bypass sys:: (core/net/sys.h; add a wrapper, or an "
                        "allowlist entry with its reason in this test):\n" +
                        report.join('\n')));
}

// An entry that matches nothing any more is removed, not kept "just in case".
void tst_SyscallLayer::allowlistIsCurrent() {
    const auto hits = scanTree();
    for (const auto& a : kAllowlist) {
        const bool used = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
            return h.file == a.file && h.call == a.call;
        });
        QVERIFY2(
            used,
            qPrintable(
                QString("allowlist entry %1 %2() matches no call: remove it").arg(a.file, a.call)));
    }
}

SOCKWB_TEST_APPLESS_MAIN(tst_SyscallLayer)
#include "tst_syscalllayer.moc"
