// The New Server form and the server panel, driven like a user would: fill
// the form, Start, talk to the echo server from a plain client, watch the
// log, the connections table and the trace; stop; then a second server on a
// port in use shows EADDRINUSE in its panel while the application goes on.
// Runs once per concurrency model (initTestCase_data).

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QtTest>
#include <thread>

#include "core/net/socket.h"
#include "support/testmain.h"
#include "widgets/common/logview.h"
#include "widgets/server/connectionstable.h"
#include "widgets/server/serverform.h"
#include "widgets/server/serverpanel.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {
template <typename T>
T* child(QWidget* w, const char* name) {
    T* c = w->findChild<T*>(QLatin1String(name));
    if (!c) qFatal("no child %s", name);
    return c;
}
// Selects a combo entry as a user would: focus, then keys until it shows.
void choose(QComboBox* box, const QString& text) {
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < box->count() && box->currentIndex() != index; ++i)
        QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(box->currentText(), text);
}
void typeInto(QWidget* w, const QString& text) {
    w->setFocus();
    QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w, Qt::Key_Backspace);
    QTest::keyClicks(w, text);
}
// True when `wanted` appear in this order (not necessarily adjacent) among
// the trace's calls; a prefix matches ("accept" for accept4).
bool inOrder(const TraceModel* m, const QStringList& wanted, QString* seen) {
    int next = 0;
    seen->clear();
    for (int r = 0; r < m->rowCount() && next < wanted.size(); ++r) {
        const QString call = m->data(m->index(r, TraceModel::Call)).toString();
        *seen += call + QLatin1Char(' ');
        if (call.startsWith(wanted[next])) ++next;
    }
    return next == wanted.size();
}
// A plain client on its own thread: connect, send, read the echo back.
struct EchoClient {
    std::thread thread;
    std::string received;
    std::string error;
    std::atomic<bool> done{false};
    std::atomic<bool> release{false};
    void run(Address to, std::string message) {
        thread = std::thread([this, to, message] {
            try {
                Socket s = tcpConnect(to, Millis(3000));
                s.sendAll(message);
                char buf[256];
                while (received.size() < message.size()) {
                    IoResult r = s.recv(buf, sizeof buf, Millis(3000));
                    if (!r.ok()) break;
                    received.append(buf, r.bytes);
                }
                done = true;
                // Stay connected until the test has seen the connection.
                for (int i = 0; i < 300 && !release; ++i) std::this_thread::sleep_for(Millis(10));
            } catch (const std::exception& e) {
                error = e.what();
                done = true;
            }
        });
    }
    ~EchoClient() {
        release = true;
        if (thread.joinable()) thread.join();
    }
};
}  // namespace

class tst_ServerPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void echoRoundTrip();
    void portInUse();
    void formMarksBadInput();
    void formDisablesRefusedCombinations();
    void formRemembersLastValues();
};

void tst_ServerPanel::initTestCase_data() {
    QTest::addColumn<QString>("model");
    for (const auto& m : modelNames()) QTest::newRow(m.c_str()) << QString::fromStdString(m);
}

void tst_ServerPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_ServerPanel::echoRoundTrip() {
    QFETCH_GLOBAL(QString, model);
    ServerForm form;
    form.show();
    choose(child<QComboBox>(&form, "protocolBox"), QStringLiteral("TCP"));
    typeInto(child<QComboBox>(&form, "bindAddressBox")->lineEdit(), QStringLiteral("127.0.0.1"));
    typeInto(child<QSpinBox>(&form, "portBox"), QStringLiteral("0"));
    choose(child<QComboBox>(&form, "serviceBox"), QStringLiteral("echo"));
    choose(child<QComboBox>(&form, "modelBox"), model);
    QVERIFY2(form.isValid(), qPrintable(form.problem()));
    QTest::mouseClick(form.startButton(), Qt::LeftButton);
    QCOMPARE(form.result(), int(QDialog::Accepted));
    const ServerConfig config = form.config();
    QCOMPARE(config.model, model.toStdString());
    QCOMPARE(config.listeners.front().port, uint16_t(0));
    QCOMPARE(config.memoryBudget, ServerConfig::kDefaultMemoryBudget);

    ServerPanel panel(config);
    panel.show();
    QTest::mouseClick(child<QPushButton>(&panel, "startButton"), Qt::LeftButton);
    QTRY_COMPARE(panel.state(), ServerPanel::Running);
    QVERIFY(panel.errorText().isEmpty());
    const Address address = panel.addresses().front();
    QVERIFY(address.port() != 0);
    QVERIFY2(child<QLabel>(&panel, "statusLine")->text().contains(QString::number(address.port())),
             qPrintable(child<QLabel>(&panel, "statusLine")->text()));

    EchoClient client;
    client.run(address, "Bonjour\n");
    QTRY_VERIFY(client.done);
    QVERIFY2(client.error.empty(), client.error.c_str());
    QCOMPARE(client.received, std::string("Bonjour\n"));

    // The log shows both directions, the table the open connection.
    QTRY_VERIFY2(panel.logView()->toPlainText().contains(QStringLiteral("<< #")),
                 qPrintable(panel.logView()->toPlainText()));
    QTRY_VERIFY(panel.logView()->toPlainText().contains(QStringLiteral(">> #")));
    QVERIFY(panel.logView()->toPlainText().contains(QStringLiteral("Bonjour\\n")));
    auto* table = child<ConnectionsTable>(&panel, "connectionsTable");
    QTRY_COMPARE(table->rowCount(), 1);
    QTRY_VERIFY(table->item(0, ConnectionsTable::BytesIn)->text() == QStringLiteral("8"));
    // The counters name the memory the connections hold against the budget.
    QTRY_VERIFY2(child<QLabel>(&panel, "countersLabel")
                     ->text()
                     .contains(QStringLiteral(" of 256.0 MiB (peak ")),
                 qPrintable(child<QLabel>(&panel, "countersLabel")->text()));
    // The client leaves: the server reads end of stream and closes its side.
    client.release = true;
    client.thread.join();
    QTRY_COMPARE(table->rowCount(), 0);

    // The trace tells the story in order.
    QString seen;
    // io_uring: the accept, the recv and the send are completions.
    const QStringList story =
        model == QLatin1String("io_uring")
            ? QStringList{"socket", "bind", "listen", "io_uring cqe", "io_uring cqe", "close"}
            : QStringList{"socket", "bind", "listen", "accept", "recv", "send", "close"};
    QTRY_VERIFY2(inOrder(panel.traceView()->model(), story, &seen), qPrintable(seen));
    QVERIFY(panel.logView()->toPlainText().contains(
        QStringLiteral("closed (8 bytes in, 8 bytes out)")));

    QTest::mouseClick(child<QPushButton>(&panel, "stopButton"), Qt::LeftButton);
    QTRY_COMPARE(panel.state(), ServerPanel::Stopped);
    QTRY_VERIFY(inOrder(panel.traceView()->model(), {"listen", "close"}, &seen));
    // The port is free again: a plain listener can take it.
    QVERIFY(tcpListen(address).isValid());
}

void tst_ServerPanel::portInUse() {
    QFETCH_GLOBAL(QString, model);
    ServerConfig config;
    config.model = model.toStdString();
    ServerPanel first(config);
    first.start();
    QTRY_COMPARE(first.state(), ServerPanel::Running);
    const uint16_t port = first.addresses().front().port();

    config.listeners.front().port = port;
    ServerPanel second(config);
    second.show();
    QTest::mouseClick(child<QPushButton>(&second, "startButton"), Qt::LeftButton);
    QTRY_COMPARE(second.state(), ServerPanel::Failed);
    const QString sentence = second.errorText();
    QVERIFY2(sentence.contains(QStringLiteral("EADDRINUSE")), qPrintable(sentence));
    QVERIFY2(sentence.contains(QStringLiteral("already in use")), qPrintable(sentence));
    QVERIFY(sentence.contains(QString::number(port)));
    QVERIFY(child<QLabel>(&second, "errorLabel")->isVisible());
    QVERIFY(second.logView()->toPlainText().contains(QStringLiteral("EADDRINUSE")));
    // No modal box, the first server still runs, the failed one may retry.
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(first.state(), ServerPanel::Running);
    QVERIFY(child<QPushButton>(&second, "startButton")->isEnabled());
    QString seen;
    QTRY_VERIFY2(inOrder(second.traceView()->model(), {"socket", "bind"}, &seen), qPrintable(seen));
    first.stop();
    QTRY_COMPARE(first.state(), ServerPanel::Stopped);
    second.start();
    QTRY_COMPARE(second.state(), ServerPanel::Running);
    QVERIFY(second.errorText().isEmpty());
}

void tst_ServerPanel::formMarksBadInput() {
    ServerForm form;
    form.show();
    auto* bind = child<QComboBox>(&form, "bindAddressBox");
    auto* bindError = child<QLabel>(&form, "bindError");
    typeInto(bind->lineEdit(), QStringLiteral("300.1.2.3"));
    QVERIFY(!form.startButton()->isEnabled());
    QVERIFY(bindError->isVisible());
    QVERIFY2(bindError->text().contains(QStringLiteral("300.1.2.3")),
             qPrintable(bindError->text()));
    // Enter does not start either.
    QTest::keyClick(bind, Qt::Key_Return);
    QCOMPARE(form.result(), int(QDialog::Rejected));
    QVERIFY(form.isVisible());
    typeInto(bind->lineEdit(), QStringLiteral("::1"));
    QVERIFY(form.startButton()->isEnabled());
    QVERIFY(!bindError->isVisible());
}

void tst_ServerPanel::formDisablesRefusedCombinations() {
    QFETCH_GLOBAL(QString, model);
    ServerForm form;
    form.show();
    choose(child<QComboBox>(&form, "modelBox"), model);
    auto* services = child<QComboBox>(&form, "serviceBox");
    auto* items = qobject_cast<QStandardItemModel*>(services->model());
    QVERIFY(items);
    for (int i = 0; i < services->count(); ++i) {
        const std::string why =
            whyRefused(model.toStdString(), services->itemText(i).toStdString(), Protocol::Tcp);
        QCOMPARE(items->item(i)->isEnabled(), why.empty());
        QCOMPARE(items->item(i)->toolTip(), QString::fromStdString(why));
    }
}

void tst_ServerPanel::formRemembersLastValues() {
    {
        ServerForm form;
        choose(child<QComboBox>(&form, "serviceBox"), QStringLiteral("clock"));
        typeInto(child<QSpinBox>(&form, "ticksBox"), QStringLiteral("7"));
        typeInto(child<QSpinBox>(&form, "backlogBox"), QStringLiteral("42"));
        typeInto(child<QSpinBox>(&form, "memoryBudgetBox"), QStringLiteral("64"));
        QVERIFY(child<QSpinBox>(&form, "ticksBox")->isVisibleTo(&form));
        // The clock's terminator: the course's bytes (none) unless chosen.
        auto* terminator = child<QComboBox>(&form, "terminatorBox");
        QVERIFY(terminator->isVisibleTo(&form));
        QCOMPARE(form.config().serviceOptions.terminator, Terminator::None);
        choose(terminator, QStringLiteral("LF (\\n)"));
        QCOMPARE(form.config().serviceOptions.terminator, Terminator::Lf);
        QTest::mouseClick(form.startButton(), Qt::LeftButton);
    }
    ServerForm again;
    const ServerConfig c = again.config();
    QCOMPARE(c.listeners.front().service, std::string("clock"));
    QCOMPARE(c.serviceOptions.ticks, 7);
    QCOMPARE(c.serviceOptions.terminator, Terminator::Lf);
    choose(child<QComboBox>(&again, "serviceBox"), QStringLiteral("echo"));
    QVERIFY(!child<QComboBox>(&again, "terminatorBox")->isVisibleTo(&again));
    QCOMPARE(c.backlog, 42);
    QCOMPARE(c.memoryBudget, uint64_t(64) << 20);
    QSettings().clear();
}

SOCKWB_TEST_MAIN(tst_ServerPanel)
#include "tst_serverpanel.moc"
