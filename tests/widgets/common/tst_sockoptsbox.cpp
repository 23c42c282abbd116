// The Socket options box on its own (offscreen): what it returns round-trips
// through setSettings and QSettings; the protocol hides the options that do
// not suit it (and a hidden option is never returned); a server box starts
// with SO_REUSEADDR on; the editors refuse values the option cannot take;
// the read-back shows the kernel's doubling and an error in red with its
// errno name.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>
#include <cerrno>

#include "support/testmain.h"
#include "widgets/common/formstyle.h"
#include "widgets/common/sockoptsbox.h"
#include "widgets/common/sockoptwords.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const QString& name) {
    T* c = w->findChild<T*>(name);
    if (!c) qFatal("no child %s", qPrintable(name));
    return c;
}
QCheckBox* tick(QWidget* box, const char* name) {
    return child<QCheckBox>(box, QStringLiteral("sockopt_") + QLatin1String(name));
}
void typeInto(QWidget* w, const QString& text) {
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Backspace);
    QTest::keyClicks(w, text);
}
QStringList texts(const std::vector<SockoptSetting>& settings) {
    QStringList out;
    for (const auto& s : settings)
        out << QStringLiteral("%1=%2").arg(QString::fromStdString(s.name)).arg(s.value);
    return out;
}
// The table's order, as settings() gives them.
std::vector<SockoptSetting> inTableOrder(std::vector<SockoptSetting> settings) {
    std::vector<SockoptSetting> out;
    for (const SockoptSpec& spec : sockoptSpecs())
        for (const auto& s : settings)
            if (s.name == spec.name) out.push_back(s);
    return out;
}
}  // namespace

class tst_SockoptsBox : public QObject {
    Q_OBJECT
private slots:
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void everyOptionHasARowAndATooltip() {
        SockoptsBox box(SockoptsBox::Role::Client);
        QCOMPARE(sockoptSpecs().size(), size_t(15));
        for (const SockoptSpec& spec : sockoptSpecs()) {
            QCheckBox* check = tick(&box, spec.name);
            QVERIFY2(!check->toolTip().isEmpty(), spec.name);
            QVERIFY(!check->isChecked());  // a client sets nothing unless asked
        }
        QVERIFY(box.settings().empty());
        QVERIFY(tick(&box, "TCP_NODELAY")->toolTip().contains(QLatin1String("Nagle")));
    }

    void settingsRoundTrip() {
        SockoptsBox box(SockoptsBox::Role::Client);
        const auto wanted = inTableOrder({{"TCP_NODELAY", 1},
                                          {"SO_RCVBUF", 8192},
                                          {"SO_LINGER", 0},
                                          {"SO_RCVTIMEO", 500},
                                          {"IP_TTL", 32},
                                          {"SO_KEEPALIVE", 0},
                                          {"TCP_KEEPIDLE", 30}});
        QSignalSpy changed(&box, &SockoptsBox::changed);
        box.setSettings(wanted);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(texts(box.settings()), texts(wanted));
        QVERIFY(tick(&box, "SO_LINGER")->isChecked());
        QCOMPARE(child<QComboBox>(&box, "sockoptValue_SO_LINGER")->currentText(),
                 QStringLiteral("on"));
        QCOMPARE(child<QSpinBox>(&box, "sockoptValue_SO_RCVBUF")->value(), 8);  // KiB

        // SO_LINGER off is -1; a second setSettings replaces the first.
        box.setSettings({{"SO_LINGER", -1}});
        QCOMPARE(texts(box.settings()), texts({{"SO_LINGER", -1}}));
        QVERIFY(!tick(&box, "TCP_NODELAY")->isChecked());

        // Through QSettings, as the forms remember them.
        box.setSettings(wanted);
        QSettings s;
        box.save(s, QStringLiteral("test/sockopts"));
        SockoptsBox again(SockoptsBox::Role::Client);
        again.load(s, QStringLiteral("test/sockopts"));
        QCOMPARE(texts(again.settings()), texts(wanted));
    }

    void tickingByHand() {
        SockoptsBox box(SockoptsBox::Role::Client);
        box.show();
        box.setExpanded(true);
        auto* rcvbuf = child<QSpinBox>(&box, "sockoptValue_SO_RCVBUF");
        QVERIFY(!rcvbuf->isEnabled());  // not set: no value to edit
        QTest::mouseClick(tick(&box, "SO_RCVBUF"), Qt::LeftButton, {}, QPoint(4, 4));
        QVERIFY(rcvbuf->isEnabled());
        typeInto(rcvbuf, QStringLiteral("4"));
        QCOMPARE(texts(box.settings()), QStringList{QStringLiteral("SO_RCVBUF=4096")});
        // SO_LINGER: its seconds only matter when it is on.
        QTest::mouseClick(tick(&box, "SO_LINGER"), Qt::LeftButton, {}, QPoint(4, 4));
        auto* linger = child<QComboBox>(&box, "sockoptValue_SO_LINGER");
        auto* seconds = child<QSpinBox>(&box, "sockoptSeconds_SO_LINGER");
        QVERIFY(seconds->isEnabled());
        linger->setCurrentIndex(linger->findText(QStringLiteral("off")));
        QVERIFY(!seconds->isEnabled());
        QVERIFY(
            child<QLabel>(&box, "sockoptsSummary")->text().contains(QLatin1String("SO_RCVBUF")));
    }

    void protocolHidesTheRowsThatDoNotSuit() {
        SockoptsBox box(SockoptsBox::Role::Client);
        box.setSettings({{"TCP_NODELAY", 1}, {"SO_BROADCAST", 1}, {"SO_SNDBUF", 16384}});
        QCOMPARE(box.protocol(), Protocol::Tcp);
        QVERIFY(box.isRowShown(QStringLiteral("TCP_NODELAY")));
        QVERIFY(!box.isRowShown(QStringLiteral("SO_BROADCAST")));
        // SO_BROADCAST on TCP cannot be picked: not offered, not returned.
        QCOMPARE(texts(box.settings()),
                 texts(inTableOrder({{"TCP_NODELAY", 1}, {"SO_SNDBUF", 16384}})));

        box.setProtocol(Protocol::Udp);
        for (const char* hidden : {"TCP_NODELAY", "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT",
                                   "SO_LINGER", "SO_KEEPALIVE"})
            QVERIFY2(!box.isRowShown(QLatin1String(hidden)), hidden);
        for (const char* shown : {"SO_BROADCAST", "SO_RCVBUF", "IP_TTL", "SO_REUSEADDR"})
            QVERIFY2(box.isRowShown(QLatin1String(shown)), shown);
        QCOMPARE(texts(box.settings()),
                 texts(inTableOrder({{"SO_BROADCAST", 1}, {"SO_SNDBUF", 16384}})));

        box.setProtocol(Protocol::Unix);
        QStringList shown;
        for (const SockoptSpec& spec : sockoptSpecs())
            if (box.isRowShown(QLatin1String(spec.name))) shown << QLatin1String(spec.name);
        shown.sort();
        QCOMPARE(shown, (QStringList{"SO_RCVBUF", "SO_RCVTIMEO", "SO_SNDBUF", "SO_SNDTIMEO"}));

        box.setProtocol(Protocol::Tcp);  // the ticks come back with the rows
        QCOMPARE(texts(box.settings()),
                 texts(inTableOrder({{"TCP_NODELAY", 1}, {"SO_SNDBUF", 16384}})));
    }

    void serverStartsWithReuseAddrAndSaysWhere() {
        SockoptsBox server(SockoptsBox::Role::Server);
        QCOMPARE(texts(server.settings()), QStringList{QStringLiteral("SO_REUSEADDR=1")});
        SockoptsBox client(SockoptsBox::Role::Client);
        QVERIFY(client.settings().empty());
        QCOMPARE(SockoptWords::serverStage(*findSockopt("SO_REUSEADDR")),
                 QStringLiteral("listener"));
        QCOMPARE(SockoptWords::serverStage(*findSockopt("TCP_NODELAY")),
                 QStringLiteral("connections"));
    }

    void badValuesCannotBeTyped() {
        SockoptsBox box(SockoptsBox::Role::Client);
        box.show();
        box.setExpanded(true);
        box.setSettings({{"IP_TTL", 64}, {"TCP_KEEPCNT", 5}, {"SO_RCVBUF", 4096}});
        typeInto(child<QSpinBox>(&box, "sockoptValue_IP_TTL"), QStringLiteral("300"));
        typeInto(child<QSpinBox>(&box, "sockoptValue_TCP_KEEPCNT"), QStringLiteral("500"));
        typeInto(child<QSpinBox>(&box, "sockoptValue_SO_RCVBUF"), QStringLiteral("-8"));
        for (const SockoptSetting& s : box.settings()) {
            const QString text = QString::fromStdString(sockoptText(s));
            if (s.name == "IP_TTL") QVERIFY2(s.value >= 1 && s.value <= 255, qPrintable(text));
            if (s.name == "TCP_KEEPCNT") QVERIFY2(s.value >= 1 && s.value <= 127, qPrintable(text));
            if (s.name == "SO_RCVBUF") QVERIFY2(s.value >= 1024, qPrintable(text));
            // Whatever the box returns, the core's parser takes back.
            QVERIFY2(parseSockopt(sockoptText(s)) == s, qPrintable(text));
        }
        // Out-of-range values given by a program are clamped, not kept.
        box.setSettings({{"IP_TTL", 1000}});
        QCOMPARE(box.settings().front().value, 255);
    }

    void readbackNextToWhatWasAsked() {
        SockoptsBox box(SockoptsBox::Role::Client);
        box.setSettings({{"SO_RCVBUF", 4096}, {"TCP_NODELAY", 1}, {"IP_TTL", 7}});
        ErrorInfo refused;
        refused.call = "setsockopt";
        refused.err = EINVAL;
        const auto readback = [](SockoptSetting asked, std::optional<int> got,
                                 std::optional<ErrorInfo> error) {
            SockoptReadback r;
            r.asked = std::move(asked);
            r.readBack = got;
            r.error = std::move(error);
            return r;
        };
        box.setReadback({readback({"SO_RCVBUF", 4096}, 8192, std::nullopt),
                         readback({"TCP_NODELAY", 1}, 1, std::nullopt),
                         readback({"IP_TTL", 7}, std::nullopt, refused)});
        const QString rcvbuf = box.readbackText(QStringLiteral("SO_RCVBUF"));
        QVERIFY2(
            rcvbuf.contains(QLatin1String("8192")) && rcvbuf.contains(QLatin1String("doubled")),
            qPrintable(rcvbuf));
        QCOMPARE(box.readbackText(QStringLiteral("TCP_NODELAY")), QStringLiteral("on"));
        const QString ttl = box.readbackText(QStringLiteral("IP_TTL"));
        QVERIFY2(ttl.contains(QLatin1String("EINVAL")), qPrintable(ttl));
        auto* ttlLabel = child<QLabel>(&box, "sockoptReadback_IP_TTL");
        QCOMPARE(ttlLabel->palette().color(QPalette::WindowText), formstyle::errorColor());
        QVERIFY(child<QLabel>(&box, "sockoptReadback_SO_RCVBUF")
                    ->palette()
                    .color(QPalette::WindowText) != formstyle::errorColor());
        // Locked while a socket is open, the read-back stays.
        box.setEditable(false);
        QVERIFY(!tick(&box, "SO_RCVBUF")->isEnabled());
        QVERIFY(box.readbackText(QStringLiteral("SO_RCVBUF")).contains(QLatin1String("8192")));
        box.clearReadback();
        QVERIFY(box.readbackText(QStringLiteral("SO_RCVBUF")).isEmpty());
    }

    void collapsedByDefault() {
        SockoptsBox box(SockoptsBox::Role::Client);
        box.show();
        QVERIFY(!box.isExpanded());
        QVERIFY(!child<QWidget>(&box, "sockoptsBody")->isVisible());
        QTest::mouseClick(child<QToolButton>(&box, "sockoptsToggle"), Qt::LeftButton);
        QVERIFY(box.isExpanded());
        QVERIFY(child<QWidget>(&box, "sockoptsBody")->isVisible());
    }
};

SOCKWB_TEST_MAIN(tst_SockoptsBox)
#include "tst_sockoptsbox.moc"
