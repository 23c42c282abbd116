// The chat format shared by the send panel's chat mode and the chat bots:
// the course's sprintf("[%d]%s:%s", time(NULL), pseudo, message) byte for
// byte, and the "[HH:MM:SS] nick: message" style; names parsed back.

#include <QtTest>
#include <ctime>

#include "core/client/chatformat.h"
#include "core/net/error.h"
#include "support/testmain.h"

using namespace sockwb;

class tst_ChatFormat : public QObject {
    Q_OBJECT
private slots:
    void courseIsTheSprintf() {
        const std::time_t t = 1709301909;
        QCOMPARE(formatChatMessage(ChatFormat::Course, "alice", "salut", t),
                 std::string("[1709301909]alice:salut\n"));
        char buf[128];
        std::snprintf(buf, sizeof buf, "[%d]%s:%s", int(t), "alice", "salut\n");
        QCOMPARE(formatChatMessage(ChatFormat::Course, "alice", "salut", t), std::string(buf));
    }
    void clockStyle() {
        std::tm tm{};
        tm.tm_year = 124;
        tm.tm_mon = 2;
        tm.tm_mday = 1;
        tm.tm_hour = 14;
        tm.tm_min = 5;
        tm.tm_sec = 9;
        tm.tm_isdst = -1;
        const std::time_t t = std::mktime(&tm);  // local time, as the format prints it
        QCOMPARE(formatChatMessage(ChatFormat::Clock, "bob", "re", t),
                 std::string("[14:05:09] bob: re\n"));
    }
    void namesRoundTrip() {
        for (ChatFormat f : {ChatFormat::Course, ChatFormat::Clock})
            QCOMPARE(parseChatFormat(chatFormatName(f)), f);
        try {
            parseChatFormat("irc");
            QFAIL("'irc' accepted");
        } catch (const Error& e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::InvalidInput));
            QVERIFY2(std::string(e.what()).find("course or clock") != std::string::npos, e.what());
        }
    }
};

SOCKWB_TEST_GUILESS_MAIN(tst_ChatFormat)
#include "tst_chatformat.moc"
