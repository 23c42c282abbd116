// The HTTP composer's curl import/export with real widgets, offscreen: a
// table of curl commands, each imported into the form (fields checked),
// exported again (it imports to the same request) and sent to a server
// that echoes the raw bytes (they are the bytes curl itself would send,
// which tests/core/http/tst_curl_command.cpp checks against the real curl).

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "core/http/curlcommand.h"
#include "support/testmain.h"
#include "widgets/composer/composer_testserver.h"
#include "widgets/composer/composerbodyview.h"
#include "widgets/composer/composercurldialog.h"
#include "widgets/composer/composerkeyvaluetable.h"
#include "widgets/composer/composerrequest.h"
#include "widgets/composer/composerrequesteditor.h"
#include "widgets/composer/composerresponseview.h"
#include "widgets/composer/composerwindow.h"

using namespace sockwb;

namespace {
QString bodyText(ComposerWindow& w) { return w.responseView()->bodyView()->shownText(); }
void grab(QWidget& w, const QString& name) {
    w.grab().save(QStringLiteral("/tmp/composer-%1.png").arg(name));
}
}  // namespace

class tst_ComposerCurl : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void curlImportExport_data();
    void curlImportExport();
    void importDialog();

private:
    std::unique_ptr<ComposerTestServer> server_;
    QTemporaryDir dir_;
    QString historyPath() const { return dir_.filePath(QStringLiteral("history.json")); }
};

void tst_ComposerCurl::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    server_ = std::make_unique<ComposerTestServer>();
}

void tst_ComposerCurl::curlImportExport_data() {
    QTest::addColumn<QString>("command");  // %URL% = the test server
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("header");  // a header line the form must hold ("" = none)
    QTest::newRow("get") << "curl %URL%/plain"
                         << "GET"
                         << "/plain"
                         << "";
    QTest::newRow("query") << "curl '%URL%/search?q=socket&lang=fr'"
                           << "GET"
                           << "/search?q=socket&lang=fr"
                           << "";
    QTest::newRow("-X DELETE") << "curl -X DELETE %URL%/items/3"
                               << "DELETE"
                               << "/items/3"
                               << "";
    QTest::newRow("--request PUT -d") << "curl --request PUT -d 'x=1' %URL%/items/3"
                                      << "PUT"
                                      << "/items/3"
                                      << "";
    QTest::newRow("-H one") << "curl -H 'X-Course: reseaux' %URL%/h"
                            << "GET"
                            << "/h"
                            << "X-Course: reseaux";
    QTest::newRow("-H several")
        << "curl -H 'X-A: 1' --header 'X-B: two words' -H 'X-A: again' %URL%/h"
        << "GET"
        << "/h"
        << "X-B: two words";
    QTest::newRow("-H removes Accept") << "curl -H 'Accept:' %URL%/noaccept"
                                       << "GET"
                                       << "/noaccept"
                                       << "";
    QTest::newRow("-H empty value") << "curl -H 'X-Empty;' %URL%/empty"
                                    << "GET"
                                    << "/empty"
                                    << "X-Empty: ";
    QTest::newRow("-H Host") << "curl -H 'Host: example.test' %URL%/host"
                             << "GET"
                             << "/host"
                             << "Host: example.test";
    QTest::newRow("-d") << "curl -d 'name=Karim' %URL%/form"
                        << "POST"
                        << "/form"
                        << "";
    QTest::newRow("-d twice") << "curl -d a=1 -d b=2 %URL%/form"
                              << "POST"
                              << "/form"
                              << "";
    QTest::newRow("--data-raw @") << "curl --data-raw '@not-a-file' %URL%/raw"
                                  << "POST"
                                  << "/raw"
                                  << "";
    QTest::newRow("--data-binary") << "curl --data-binary 'bin=1' %URL%/bin"
                                   << "POST"
                                   << "/bin"
                                   << "";
    QTest::newRow("json")
        << "curl -H 'Content-Type: application/json' -d '{\"a\": [1, 2]}' %URL%/json"
        << "POST"
        << "/json"
        << "Content-Type: application/json";
    QTest::newRow("--url") << "curl --url %URL%/viaurl"
                           << "GET"
                           << "/viaurl"
                           << "";
    QTest::newRow("-I") << "curl -I %URL%/head"
                        << "HEAD"
                        << "/head"
                        << "";
    QTest::newRow("-A") << "curl -A 'MyAgent/1.0' %URL%/agent"
                        << "GET"
                        << "/agent"
                        << "";
    QTest::newRow("-e") << "curl -e 'http://referer.test/page' %URL%/ref"
                        << "GET"
                        << "/ref"
                        << "Referer: http://referer.test/page";
    QTest::newRow("-u") << "curl -u 'bob:s3cret' %URL%/auth"
                        << "GET"
                        << "/auth"
                        << "";
    QTest::newRow("--compressed") << "curl --compressed %URL%/z"
                                  << "GET"
                                  << "/z"
                                  << "";
    QTest::newRow("-L") << "curl -L %URL%/follow"
                        << "GET"
                        << "/follow"
                        << "";
    QTest::newRow("glued")
        << "curl -XPOST -H'Content-Type: text/plain' --data-raw 'hello world' %URL%/glued"
        << "POST"
        << "/glued"
        << "Content-Type: text/plain";
    QTest::newRow("-G") << "curl -G -d q=1 -d r=2 %URL%/get"
                        << "GET"
                        << "/get?q=1&r=2"
                        << "";
    QTest::newRow("continuation") << "curl \\\n -H \"X-Q: \\\"quoted\\\"\" \\\n %URL%/q"
                                  << "GET"
                                  << "/q"
                                  << "X-Q: \"quoted\"";
    QTest::newRow("PATCH json bearer")
        << "curl -X PATCH -H 'Authorization: Bearer abc' -H 'Content-Type: application/json' "
           "--data '{\"n\":1}' %URL%/api"
        << "PATCH"
        << "/api"
        << "Authorization: Bearer abc";
    QTest::newRow("http1.0 -m") << "curl --http1.0 -m 5 %URL%/old"
                                << "GET"
                                << "/old"
                                << "";
}

void tst_ComposerCurl::curlImportExport() {
    QFETCH(QString, command);
    QFETCH(QString, method);
    QFETCH(QString, target);
    QFETCH(QString, header);
    const QString line = QString(command).replace(QStringLiteral("%URL%"), server_->base());
    ComposerWindow w(nullptr, historyPath());
    QString error;
    QVERIFY2(w.importCurl(line, &error), qPrintable(error));

    // The form fields.
    ComposerRequestEditor* e = w.editor();
    QCOMPARE(e->methodBox()->currentText(), method);
    QCOMPARE(e->urlEdit()->text(), server_->base() + target);
    if (!header.isEmpty()) {
        bool found = false;
        for (const auto& row : e->headersTable()->rows())
            found = found || qs(row.name + ": " + row.value) == header;
        QVERIFY2(found, qPrintable(header));
    }
    // The form sends what curl would send; its export imports to the same request.
    const http::CurlCommand original = http::CurlCommand::parse(line.toStdString());
    const std::string expected = original.toRequest(http::ClientOptions{}.userAgent).serialize();
    QCOMPARE(QString::fromStdString(e->rawRequest().toStdString()),
             QString::fromStdString(expected));
    const QString exported = w.curlCommand();
    QVERIFY(exported.startsWith(QStringLiteral("curl ")));
    const http::CurlCommand back = http::CurlCommand::parse(exported.toStdString());
    QCOMPARE(QString::fromStdString(back.toRequest(http::ClientOptions{}.userAgent).serialize()),
             QString::fromStdString(expected));
    QCOMPARE(back.location, original.location);
    QCOMPARE(back.compressed, original.compressed);
    QCOMPARE(back.http10, original.http10);
    // And it reaches the server exactly so.
    QSignalSpy shown(&w, &ComposerWindow::responseShown);
    QVERIFY(w.send());
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.responseView()->statusChip()->text(), QStringLiteral("200 OK"));
    if (method != QLatin1String("HEAD"))
        QCOMPARE(bodyText(w), QString::fromStdString(expected).replace(QStringLiteral("\r\n"),
                                                                       QStringLiteral("\n")));
}

void tst_ComposerCurl::importDialog() {
    ComposerWindow w(nullptr, historyPath());
    w.show();
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("importCurl")), Qt::LeftButton);
    auto* dialog = w.findChild<ComposerCurlDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->textEdit(), QStringLiteral("curl -X POST -H 'X-From: dialog' "));
    QVERIFY(!dialog->errorLabel()->text().isEmpty());  // no URL yet: said inline
    QTest::keyClicks(dialog->textEdit(), server_->base() + QStringLiteral("/d"));
    QVERIFY(dialog->errorLabel()->text().isEmpty());
    grab(*dialog, QStringLiteral("import"));
    dialog->accept();
    QCOMPARE(w.editor()->methodBox()->currentText(), QStringLiteral("POST"));
    QCOMPARE(w.editor()->urlEdit()->text(), server_->base() + QStringLiteral("/d"));
    w.copyAsCurl();
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("'X-From: dialog'")));
}

SOCKWB_TEST_MAIN(tst_ComposerCurl)
#include "tst_composer_curl.moc"
