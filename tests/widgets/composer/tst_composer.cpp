// The HTTP composer with real widgets, offscreen: the form filled by clicks
// and keys, sent to the workbench's http service; a 10 MiB body while a
// timer keeps ticking; Cancel during a slow answer; history, collections.
// curl import/export is in tst_composer_curl.cpp.

#include <poll.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

#include "core/http/curlcommand.h"
#include "core/net/socket.h"
#include "core/net/trace.h"
#include "core/server/server.h"
#include "support/testmain.h"
#include "widgets/composer/composerauthwidget.h"
#include "widgets/composer/composerbodyeditor.h"
#include "widgets/composer/composerbodyview.h"
#include "widgets/composer/composercollection.h"
#include "widgets/composer/composerhistory.h"
#include "widgets/composer/composerkeyvaluetable.h"
#include "widgets/composer/composerlocalserver.h"
#include "widgets/composer/composerrequest.h"
#include "widgets/composer/composerrequesteditor.h"
#include "widgets/composer/composerresponseview.h"
#include "widgets/composer/composertimingchart.h"
#include "widgets/composer/composerwindow.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/tracemodel.h"
#include "widgets/trace/traceview.h"

using namespace sockwb;

namespace {

// Opens the cell's editor with F2, types text and commits with Return.
void typeIntoCell(QTableWidget* table, int row, int column, const QString& text) {
    table->setFocus();
    table->setCurrentCell(row, column);
    QTest::keyClick(table, Qt::Key_F2);
    auto* editor = table->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on Return through a queued call.
    QTRY_COMPARE(table->item(row, column)->text(), text);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the closed editor goes
}

void replaceText(QLineEdit* edit, const QString& text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

QString bodyText(ComposerWindow& w) { return w.responseView()->bodyView()->shownText(); }

void grab(QWidget& w, const QString& name) {
    w.grab().save(QStringLiteral("/tmp/composer-%1.png").arg(name));
}

}  // namespace

class tst_Composer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sendFilledByClicksAndKeys();
    void validationInline();
    void querySyncsBothWays();
    void automaticHeaders();
    void bigBodyKeepsWindowResponsive();
    void cancelReturnsAtOnce();
    void secondSendReusesConnection();
    void bodyDetection();
    void historyAndCollection();
    void tryLocalServer();
    void resetAfterPageShowsPage();
    void screenshot();

private:
    std::unique_ptr<Server> http_;  // the workbench's http service
    QString httpBase() const {
        return QStringLiteral("http://127.0.0.1:%1").arg(http_->addresses().front().port());
    }
    QTemporaryDir dir_;
    QString historyPath() const { return dir_.filePath(QStringLiteral("history.json")); }
};

void tst_Composer::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    ServerConfig config;
    config.listeners = {ListenerConfig{"http", Protocol::Tcp, "127.0.0.1", 0}};
    config.model = "epoll";
    http_ = std::make_unique<Server>(config);
    http_->start();
}

void tst_Composer::sendFilledByClicksAndKeys() {
    ComposerWindow w(nullptr, historyPath());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    ComposerRequestEditor* e = w.editor();
    // Method: type a token into the editable combo.
    e->methodBox()->lineEdit()->selectAll();
    QTest::keyClicks(e->methodBox()->lineEdit(), QStringLiteral("PUT"));
    replaceText(e->urlEdit(), httpBase() + QStringLiteral("/echo?lang=fr"));
    // A custom header in the first free row (after the 5 automatic ones).
    e->tabs()->setCurrentIndex(1);
    ComposerKeyValueTable* headers = e->headersTable();
    QCOMPARE(headers->fixedCount(), 5);
    typeIntoCell(headers, 5, 0, QStringLiteral("X-Course"));
    typeIntoCell(headers, 5, 1, QStringLiteral("reseaux"));
    QCOMPARE(headers->rows().size(), size_t(1));
    QVERIFY2(e->rawRequest().startsWith("PUT /echo?lang=fr HTTP/1.1\r\n"),
             e->rawRequest().constData());
    QVERIFY(e->rawRequest().contains("\r\nX-Course: reseaux\r\n"));
    QVERIFY(e->rawPane()->toPlainText().contains(QStringLiteral("X-Course: reseaux\\r\\n\n")));
    grab(w, QStringLiteral("form"));

    QTest::mouseClick(w.sendButton(), Qt::LeftButton);
    QVERIFY(!w.sendButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(w.responseView()->statusChip()->text(), QStringLiteral("200 OK"),
                              10000);
    QVERIFY(w.sendButton()->isEnabled());
    // /echo answers the request it got as JSON, pretty-printed here.
    QCOMPARE(w.responseView()->bodyView()->kind(), ComposerBodyView::Kind::Json);
    const QJsonObject echo = QJsonDocument::fromJson(bodyText(w).toUtf8()).object();
    QCOMPARE(echo.value("method").toString(), QStringLiteral("PUT"));
    QCOMPARE(echo.value("target").toString(), QStringLiteral("/echo?lang=fr"));
    QVERIFY(echo.value("headers").toArray().contains(
        QJsonArray{QStringLiteral("X-Course"), QStringLiteral("reseaux")}));
    // The chip is green (2xx) and the other tabs are filled.
    QVERIFY(w.responseView()->statusChip()->styleSheet().contains(QStringLiteral("#2e7d32")));
    QVERIFY(w.responseView()->rawView()->toPlainText().isEmpty());  // filled when opened
    w.responseView()->tabs()->setCurrentIndex(2);
    QVERIFY(w.responseView()->rawView()->toPlainText().startsWith(
        QStringLiteral("HTTP/1.1 200 OK\\r\\n")));
    w.responseView()->tabs()->setCurrentIndex(3);
    QVERIFY(w.responseView()->hexView()->toPlainText().startsWith(QStringLiteral("0000")));
    QCOMPARE(w.responseView()->redirectsTable()->rowCount(), 1);
    QVERIFY(w.responseView()->timingChart()->timings().total > 0);
    QCOMPARE(w.history()->count(), 1);
    // The request's own socket calls reached the Trace tab.
    // socket, connect, send, recv, close: the worker thread may still be
    // making its last calls when the response is shown, so flush until then.
    QTRY_VERIFY((w.worker()->traceAdapter()->flush(),
                 w.responseView()->traceView()->model()->rowCount() >= 5));
    w.responseView()->tabs()->setCurrentWidget(w.responseView()->traceView());
    grab(w, QStringLiteral("trace"));
    w.responseView()->tabs()->setCurrentIndex(0);
    grab(w, QStringLiteral("echo"));
}

void tst_Composer::validationInline() {
    ComposerWindow w(nullptr, historyPath());
    w.show();
    ComposerRequestEditor* e = w.editor();
    replaceText(e->urlEdit(), QStringLiteral("ftp://example.com/"));
    QVERIFY(!e->problem().isEmpty());
    QVERIFY(e->urlError()->isVisibleTo(&w));
    QVERIFY(e->rawRequest().isEmpty());
    QVERIFY(!w.send());
    replaceText(e->urlEdit(), httpBase() + QStringLiteral("/"));
    QVERIFY(e->problem().isEmpty());
    QVERIFY(!e->urlError()->isVisibleTo(&w));
    e->methodBox()->lineEdit()->selectAll();
    QTest::keyClicks(e->methodBox()->lineEdit(), QStringLiteral("GE T"));
    QVERIFY(e->problem().contains(QStringLiteral("GE T")));
    e->methodBox()->lineEdit()->selectAll();
    QTest::keyClicks(e->methodBox()->lineEdit(), QStringLiteral("PROPFIND"));  // any token
    QVERIFY(e->problem().isEmpty());
    QVERIFY(e->rawRequest().startsWith("PROPFIND / HTTP/1.1"));
}

void tst_Composer::querySyncsBothWays() {
    ComposerWindow w(nullptr, historyPath());
    ComposerRequestEditor* e = w.editor();
    replaceText(e->urlEdit(), QStringLiteral("http://127.0.0.1:8080/s?q=a%20b&lang=fr#top"));
    auto rows = e->paramsTable()->rows();
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].name, std::string("q"));
    QCOMPARE(rows[0].value, std::string("a b"));
    // Table -> URL: edit a value, add a parameter.
    typeIntoCell(e->paramsTable(), 1, 1, QStringLiteral("en"));
    typeIntoCell(e->paramsTable(), 2, 0, QStringLiteral("page"));
    typeIntoCell(e->paramsTable(), 2, 1, QStringLiteral("2"));
    QCOMPARE(e->urlEdit()->text(),
             QStringLiteral("http://127.0.0.1:8080/s?q=a%20b&lang=en&page=2#top"));
    // Unchecking a row takes it out of the URL but keeps it in the table.
    e->paramsTable()->item(0, 0)->setCheckState(Qt::Unchecked);
    QCOMPARE(e->urlEdit()->text(), QStringLiteral("http://127.0.0.1:8080/s?lang=en&page=2#top"));
    QCOMPARE(e->paramsTable()->rows().size(), size_t(3));
    QVERIFY(e->rawRequest().startsWith("GET /s?lang=en&page=2 HTTP/1.1"));
}

void tst_Composer::automaticHeaders() {
    ComposerWindow w(nullptr, historyPath());
    ComposerRequestEditor* e = w.editor();
    replaceText(e->urlEdit(), QStringLiteral("http://127.0.0.1:8080/"));
    ComposerKeyValueTable* h = e->headersTable();
    QCOMPARE(h->item(0, 1)->text(), QStringLiteral("127.0.0.1:8080"));  // the default, shown
    QVERIFY(e->rawRequest().contains("\r\nAccept: */*\r\n"));
    QVERIFY(!e->rawRequest().contains("Connection:"));
    h->item(2, 0)->setCheckState(Qt::Unchecked);  // Accept off
    QVERIFY(!e->rawRequest().contains("Accept:"));
    typeIntoCell(h, 1, 1, QStringLiteral("Student/1.0"));  // User-Agent replaced
    QVERIFY(e->rawRequest().contains("\r\nUser-Agent: Student/1.0\r\n"));
    h->item(4, 0)->setCheckState(Qt::Checked);  // Connection: close on
    QVERIFY(e->rawRequest().contains("\r\nConnection: close\r\n"));
    // A JSON body: Content-Length follows the text, formatted by the button.
    e->bodyEditor()->typeBox()->setCurrentIndex(2);
    e->bodyEditor()->textEdit()->setPlainText(QStringLiteral("{\"a\":[1,2]}"));
    QVERIFY(e->rawRequest().contains("\r\nContent-Length: 11\r\n"));
    QVERIFY(e->rawRequest().contains("\r\nContent-Type: application/json\r\n"));
    QVERIFY(e->rawRequest().startsWith("GET / HTTP/1.1"));  // the form's method, body or not
    QCOMPARE(h->item(3, 1)->text(), QStringLiteral("11"));
    QVERIFY(e->bodyEditor()->formatJson());
    QVERIFY(e->bodyEditor()->textEdit()->toPlainText().contains(QStringLiteral("\n")));
    // Basic auth helper.
    e->authWidget()->kindBox()->setCurrentIndex(1);
    QTest::keyClicks(e->authWidget()->userEdit(), QStringLiteral("bob"));
    QTest::keyClicks(e->authWidget()->passwordEdit(), QStringLiteral("s3cret"));
    QVERIFY(e->rawRequest().contains("\r\nAuthorization: Basic Ym9iOnMzY3JldA==\r\n"));
    e->authWidget()->kindBox()->setCurrentIndex(2);
    QTest::keyClicks(e->authWidget()->tokenEdit(), QStringLiteral("tok"));
    QVERIFY(e->rawRequest().contains("\r\nAuthorization: Bearer tok\r\n"));
}

void tst_Composer::bigBodyKeepsWindowResponsive() {
    ComposerWindow w(nullptr, historyPath());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    replaceText(w.editor()->urlEdit(), httpBase() + QStringLiteral("/bytes/10485760"));
    QElapsedTimer clock;
    qint64 last = 0, maxGap = 0;
    QTimer tick;
    tick.setInterval(20);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        maxGap = std::max(maxGap, now - last);
        last = now;
    });
    // Which threads made the socket calls of the request.
    QSet<int> recvThreads;
    connect(w.worker()->traceAdapter(), &TraceAdapter::eventsReady, this,
            [&](const QVector<TraceEvent>& events, quint64) {
                for (const auto& e : events)
                    if (e.call.rfind("recv", 0) == 0) recvThreads.insert(e.tid);
            });
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    clock.start();
    tick.start();
    QVERIFY(w.send());
    QVERIFY(shown.wait(30000));
    tick.stop();
    QCOMPARE(w.responseView()->statusChip()->text(), QStringLiteral("200 OK"));
    // The 10 MiB were received off the GUI thread, which stayed free to
    // paint. (How long its longest pause was is printed, not asserted: a
    // duration depends on the machine; benchmarks measure it.)
    w.worker()->traceAdapter()->flush();
    QVERIFY(!recvThreads.isEmpty());
    QVERIFY(!recvThreads.contains(currentTid()));
    qInfo("10 MiB body: max timer gap %lld ms, total %lld ms", maxGap, clock.elapsed());
    ComposerBodyView* body = w.responseView()->bodyView();
    QVERIFY(body->showAllButton()->isVisibleTo(&w));
    QVERIFY(body->shownText().size() <=
            4 * ComposerBodyView::kPreviewBytes + 1024);  // \xHH at worst
    w.responseView()->tabs()->setCurrentIndex(3);
    QVERIFY(w.responseView()->hexView()->toPlainText().contains(
        QStringLiteral("first 64.0 KiB of 10.0 MiB")));
    w.responseView()->tabs()->setCurrentIndex(2);
    QVERIFY(w.responseView()->rawView()->toPlainText().size() <=
            4 * ComposerResponseView::kRawPreviewBytes + 1024);
    w.responseView()->tabs()->setCurrentIndex(0);
    QVERIFY(w.responseView()->summary()->text().contains(QStringLiteral("10.0 MiB")));
    grab(w, QStringLiteral("big"));
}

void tst_Composer::cancelReturnsAtOnce() {
    ComposerWindow w(nullptr, historyPath());
    w.show();
    replaceText(w.editor()->urlEdit(), httpBase() + QStringLiteral("/delay/5000"));
    const quint64 before = http_->stats().bytesIn;
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(w.sendButton(), Qt::LeftButton);
    QVERIFY(w.isSending());
    QVERIFY(w.cancelButton()->isEnabled());
    QTRY_VERIFY(http_->stats().bytesIn > before);  // the server has it and waits
    QElapsedTimer cancelClock;
    cancelClock.start();
    QTest::mouseClick(w.cancelButton(), Qt::LeftButton);
    QVERIFY(cancelClock.elapsed() < 200);
    QVERIFY(w.sendButton()->isEnabled());
    QVERIFY(!w.isSending());
    QCOMPARE(w.responseView()->statusChip()->text(), QStringLiteral("Cancelled"));
    QVERIFY(clock.elapsed() < 2500);                  // well before the server would answer
    QTRY_COMPARE(http_->stats().active, quint64(0));  // the connection was really closed
    // The window is usable again at once.
    replaceText(w.editor()->urlEdit(), httpBase() + QStringLiteral("/echo"));
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    QVERIFY(w.send());
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.responseView()->statusChip()->text(), QStringLiteral("200 OK"));
}

void tst_Composer::secondSendReusesConnection() {
    ComposerWindow w(nullptr, historyPath());
    replaceText(w.editor()->urlEdit(), httpBase() + QStringLiteral("/echo"));
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    const quint64 acceptedBefore = http_->stats().accepted;
    QVERIFY(w.send());
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.responseView()->statusChip()->text(), QStringLiteral("200 OK"));
    QVERIFY(!w.responseView()->timingChart()->reusedConnection());
    QVERIFY(w.worker()->hasIdleConnection());
    QVERIFY(w.send());
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.responseView()->statusChip()->text(), QStringLiteral("200 OK"));
    // One connection served both: the server accepted once, the chart says so.
    QVERIFY(w.responseView()->timingChart()->reusedConnection());
    QCOMPARE(http_->stats().accepted - acceptedBefore, quint64(1));
    QCOMPARE(w.responseView()->timingChart()->timings().connect, 0.0);
    // Another path on the same origin goes over the same connection.
    replaceText(w.editor()->urlEdit(), httpBase() + QStringLiteral("/status/404"));
    QVERIFY(w.send());
    QVERIFY(shown.wait(10000));
    QVERIFY(w.responseView()->timingChart()->reusedConnection());
}

void tst_Composer::bodyDetection() {
    using K = ComposerBodyView::Kind;
    QCOMPARE(ComposerBodyView::detect("{\"a\":1}", QString()), K::Json);
    QCOMPARE(ComposerBodyView::detect("[1,2", QString()), K::Text);
    QCOMPARE(ComposerBodyView::detect("<?xml version=\"1.0\"?><a/>", QString()), K::Xml);
    QCOMPARE(ComposerBodyView::detect("<p>hi</p>", QStringLiteral("text/html; charset=utf-8")),
             K::Html);
    QCOMPARE(ComposerBodyView::detect("x", QStringLiteral("image/png")), K::Image);
    QCOMPARE(ComposerBodyView::detect("", QStringLiteral("text/plain")), K::Empty);
    QVERIFY(ComposerBodyView::prettyJson("{\"a\":[1,2]}").contains(QStringLiteral("\n    \"a\"")));
    QVERIFY(
        ComposerBodyView::prettyXml("<a><b>1</b></a>").contains(QStringLiteral("\n    <b>1</b>")));
    ComposerBodyView view;
    QImage img(4, 3, QImage::Format_RGB32);
    img.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, "PNG");
    view.setBody(png, QStringLiteral("image/png"));
    QCOMPARE(view.kind(), K::Image);
    view.setBody("not an image", QStringLiteral("image/png"));
    QCOMPARE(view.kind(), K::Text);
}

void tst_Composer::historyAndCollection() {
    const QString path = dir_.filePath(QStringLiteral("h2.json"));
    ComposerRequest a, b;
    a.method = "DELETE";
    a.url = "http://127.0.0.1:1/items/7";
    b.url = "http://127.0.0.1:1/other";
    b.headers = {{true, "X-K", "v"}};
    {
        ComposerHistory h(nullptr, path);
        h.add(a, QStringLiteral("204 No Content"));
        h.add(b, QStringLiteral("200 OK"));
    }
    ComposerWindow w(nullptr, path);
    QCOMPARE(w.history()->count(), 2);  // persisted
    QCOMPARE(w.history()->list()->count(), 2);
    QTest::keyClicks(w.history()->searchEdit(), QStringLiteral("items"));
    QCOMPARE(w.history()->list()->count(), 1);
    QListWidgetItem* item = w.history()->list()->item(0);
    const QRect rect = w.history()->list()->visualItemRect(item);
    w.show();
    QTest::mouseClick(w.history()->list()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(w.editor()->methodBox()->currentText(), QStringLiteral("DELETE"));
    QCOMPARE(w.editor()->urlEdit()->text(), QStringLiteral("http://127.0.0.1:1/items/7"));

    // Credentials never reach the history file; the user name does.
    ComposerRequest secret;
    secret.url = "http://127.0.0.1:1/private";
    secret.auth = ComposerRequest::Auth::Basic;
    secret.authUser = "etudiant";
    secret.authPassword = "motdepasse-42";
    secret.bearerToken = "jeton-43";
    secret.headers = {{true, "authorization", "Bearer jeton-44"}, {true, "X-K", "v"}};
    {
        ComposerHistory h(nullptr, path);
        h.add(secret, QStringLiteral("401 Unauthorized"));
        QCOMPARE(h.requestAt(0).authUser, std::string("etudiant"));
        QVERIFY(h.requestAt(0).authPassword.empty());
        QCOMPARE(h.requestAt(0).headers[1].value, std::string("v"));
    }
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray text = saved.readAll();
    QVERIFY(text.contains("etudiant"));
    for (const char* s : {"motdepasse-42", "jeton-43", "jeton-44"}) QVERIFY2(!text.contains(s), s);
    QCOMPARE(saved.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    // Collection: save, load, same requests.
    w.collection()->addRequest(a);
    w.collection()->addRequest(b);
    const QString file = dir_.filePath(QStringLiteral("collection.json"));
    QVERIFY(w.collection()->saveTo(file));
    ComposerCollection other;
    QVERIFY(other.loadFrom(file));
    QCOMPARE(other.requests().size(), size_t(2));
    QCOMPARE(other.requests()[1].toRequest().serialize(), b.toRequest().serialize());
    QString error;
    QFile junk(dir_.filePath(QStringLiteral("junk.json")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{ not json");
    junk.close();
    QVERIFY(!other.loadFrom(junk.fileName(), &error));
    QVERIFY(error.contains(QStringLiteral("not JSON")));
}

void tst_Composer::tryLocalServer() {
    ComposerWindow w(nullptr, historyPath());
    w.show();
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("tryLocal")), Qt::LeftButton);
    // The server starts off the GUI thread; the form follows once it listens.
    QTRY_VERIFY(ComposerLocalServer::instance());
    ComposerLocalServer* local = ComposerLocalServer::instance();
    QTRY_COMPARE(w.editor()->urlEdit()->text(), local->baseUrl() + QStringLiteral("/echo"));
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    QTest::mouseClick(w.sendButton(), Qt::LeftButton);
    QVERIFY(shown.wait(10000));
    QVERIFY2(w.responseView()->statusChip()->text().startsWith(QStringLiteral("200")),
             qPrintable(w.responseView()->summary()->text()));
    // A second click reuses the running server.
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("tryLocal")), Qt::LeftButton);
    QCOMPARE(ComposerLocalServer::instance(), local);
    grab(w, QStringLiteral("local"));
}

// The picture for docs/screenshots/composer.png: a JSON POST to /echo.
// The course's "Exercice 1" server: its page, then an RST for the request it
// never read. The page is shown, the reset as the summary.
void tst_Composer::resetAfterPageShowsPage() {
    Socket listener = tcpListen(Address::fromIp("127.0.0.1", 0));
    std::thread server([&listener] {
        Socket::Accepted a = listener.accept();
        pollfd p{a.socket.fd(), POLLIN, 0};
        ::poll(&p, 1, 5000);  // the request arrived; it stays unread
        a.socket.sendAll("HTTP/1.1 200 OK\n\n<h1>Hello World!</h1>");
    });  // closing with unread input: RST
    ComposerWindow w(nullptr, historyPath());
    w.show();
    replaceText(w.editor()->urlEdit(),
                QStringLiteral("http://127.0.0.1:%1/").arg(listener.localAddress().port()));
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    QVERIFY(w.send());
    QVERIFY(shown.wait(10000));
    server.join();
    QCOMPARE(w.responseView()->statusChip()->text(), QStringLiteral("200 OK"));
    QVERIFY2(w.responseView()->summary()->text().contains(QLatin1String("ECONNRESET")),
             qPrintable(w.responseView()->summary()->text()));
    QVERIFY(
        w.responseView()->bodyView()->shownText().contains(QLatin1String("<h1>Hello World!</h1>")));
}

void tst_Composer::screenshot() {
    ComposerWindow w(nullptr, dir_.filePath(QStringLiteral("shot-history.json")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.importCurl(
        QStringLiteral("curl -X POST -H 'X-Course: reseaux' -H 'Content-Type: application/json' "
                       "-d '{\"student\":\"Karim\",\"lab\":3}' '%1/echo?lang=fr'")
            .arg(httpBase())));
    w.editor()->bodyEditor()->formatJson();
    w.editor()->tabs()->setCurrentIndex(1);
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    QVERIFY(w.send());
    QVERIFY(shown.wait(10000));
    QVERIFY(w.responseView()->statusChip()->text().startsWith(QStringLiteral("200")));
    grab(w, QStringLiteral("screenshot"));
    w.responseView()->tabs()->setCurrentIndex(4);
    grab(w, QStringLiteral("timing"));
}

SOCKWB_TEST_MAIN(tst_Composer)
#include "tst_composer.moc"
