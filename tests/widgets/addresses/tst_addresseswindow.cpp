// AddressesWindow: typing shows the byte layout (htons visible), inet_pton's
// verdict on an invalid literal, getaddrinfo's error worded with its code,
// a bad port's message, and only the last of quickly typed texts.

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/addresses/addresseswindow.h"

using namespace sockwb;

namespace {
// Types text and waits until the window shows its dissection.
bool typeAndWait(AddressesWindow& w, const QString& text) {
    QSignalSpy shown(&w, &AddressesWindow::shown);
    w.input()->setText(text);
    // Several texts can be shown on the way; wait for the window to settle.
    if (!shown.wait(10000)) return false;
    return QTest::qWaitFor([&w] { return !w.isBusy(); }, 10000);
}

// The rows (offset, field, bytes, value) under group `group`.
QStringList rowBytes(const QTreeWidget* tree, int group) {
    QStringList out;
    const QTreeWidgetItem* g = tree->topLevelItem(group);
    for (int i = 0; g && i < g->childCount(); ++i)
        out << g->child(i)->text(1) + QLatin1Char('=') + g->child(i)->text(2);
    return out;
}
}  // namespace

class tst_AddressesWindow : public QObject {
    Q_OBJECT

private slots:
    void ipv4LayoutAsYouType();
    void ipv6WithBrackets();
    void invalidIpv4IsNotAName();
    void unknownNameShowsGaiCode();
    void portOutOfRange();
    void lastTextWins();
};

void tst_AddressesWindow::ipv4LayoutAsYouType() {
    AddressesWindow w;
    QVERIFY(typeAndWait(w, QStringLiteral("127.0.0.1 8080")));
    QVERIFY(w.layoutTree()->topLevelItemCount() >= 2);  // by hand + getaddrinfo's
    const QStringList rows = rowBytes(w.layoutTree(), 0);
    QVERIFY2(rows.contains(QStringLiteral("sin_family=02 00")), qPrintable(rows.join(", ")));
    QVERIFY2(rows.contains(QStringLiteral("sin_port=1f 90")), qPrintable(rows.join(", ")));
    QVERIFY2(rows.contains(QStringLiteral("sin_addr.s_addr=7f 00 00 01")),
             qPrintable(rows.join(", ")));
    const QString portValue = w.layoutTree()->topLevelItem(0)->child(1)->text(3);
    QVERIFY2(portValue.contains(QStringLiteral("htons(8080)")) &&
                 portValue.contains(QStringLiteral("36895")),
             qPrintable(portValue));
    QVERIFY(w.summary()->text().contains(QStringLiteral("inet_pton(AF_INET, \"127.0.0.1\") = 1")));
    QVERIFY(
        w.summary()->text().contains(QStringLiteral("getaddrinfo(\"127.0.0.1\", \"8080\") = 0")));
}

void tst_AddressesWindow::ipv6WithBrackets() {
    AddressesWindow w;
    QVERIFY(typeAndWait(w, QStringLiteral("[::1]:80")));
    const QStringList rows = rowBytes(w.layoutTree(), 0);
    QVERIFY2(rows.contains(QStringLiteral("sin6_port=00 50")), qPrintable(rows.join(", ")));
    QVERIFY2(rows.contains(QStringLiteral(
                 "sin6_addr.s6_addr=00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01")),
             qPrintable(rows.join(", ")));
    QVERIFY(w.layoutTree()->topLevelItem(0)->text(0).contains(QStringLiteral("sizeof = 28")));
}

void tst_AddressesWindow::invalidIpv4IsNotAName() {
    AddressesWindow w;
    QVERIFY(typeAndWait(w, QStringLiteral("999.1.1.1")));
    const QString s = w.summary()->text();
    QVERIFY2(s.contains(QStringLiteral("inet_pton(AF_INET, \"999.1.1.1\") = 0")), qPrintable(s));
    QVERIFY2(s.contains(QStringLiteral("Not a valid IPv4 address")), qPrintable(s));
    QVERIFY2(!s.contains(QStringLiteral("getaddrinfo(")), qPrintable(s));
    QCOMPARE(w.layoutTree()->topLevelItemCount(), 0);
}

void tst_AddressesWindow::unknownNameShowsGaiCode() {
    AddressesWindow w;
    QVERIFY(typeAndWait(w, QStringLiteral("no-such-host.invalid 80")));
    const QString s = w.summary()->text();
    QVERIFY2(s.contains(QStringLiteral("EAI_NONAME")), qPrintable(s));
    QVERIFY2(s.contains(QStringLiteral("no-such-host.invalid is not known")), qPrintable(s));
    QCOMPARE(w.layoutTree()->topLevelItemCount(), 0);
}

void tst_AddressesWindow::portOutOfRange() {
    AddressesWindow w;
    QVERIFY(typeAndWait(w, QStringLiteral("127.0.0.1 70000")));
    QVERIFY2(w.summary()->text().contains(QStringLiteral("out of range")),
             qPrintable(w.summary()->text()));
    QCOMPARE(w.layoutTree()->topLevelItemCount(), 0);
}

void tst_AddressesWindow::lastTextWins() {
    AddressesWindow w;
    // Typed one key at a time: only the final text ends on screen.
    const QString text = QStringLiteral("10.0.0.1 443");
    for (int i = 1; i <= text.size(); ++i) w.input()->setText(text.left(i));
    QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && w.layoutTree()->topLevelItemCount() > 0, 10000);
    const QStringList rows = rowBytes(w.layoutTree(), 0);
    QVERIFY2(rows.contains(QStringLiteral("sin_port=01 bb")), qPrintable(rows.join(", ")));
    QVERIFY2(rows.contains(QStringLiteral("sin_addr.s_addr=0a 00 00 01")),
             qPrintable(rows.join(", ")));
}

SOCKWB_TEST_MAIN(tst_AddressesWindow)
#include "tst_addresseswindow.moc"
