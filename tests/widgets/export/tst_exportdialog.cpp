// The Export as Code dialog: a client's program shown in C then in Python
// (the switch regenerates it, the commands and the omissions follow), Copy
// puts it on the clipboard, Save As writes the file, a failed save and an
// unsupported configuration (a TLS client, an https request) are shown
// inline with Copy and Save off; the client window, the composer and the
// server panel each open it.

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "core/codegen/codeexport.h"
#include "support/testmain.h"
#include "widgets/client/clientwindow.h"
#include "widgets/composer/composerwindow.h"
#include "widgets/export/exportdialog.h"
#include "widgets/server/serverpanel.h"

using namespace sockwb;

namespace {

ExportDialog* clientDialog(const ClientConfig& config, QWidget* parent = nullptr) {
    ScriptStep hello;
    hello.bytes = "hello\n";
    return new ExportDialog(
        [config, hello](codegen::Language l) {
            return codegen::exportClient(config, Framing::Line, {hello}, l);
        },
        QStringLiteral("client 1"), parent);
}

// The dialogs opened by a window (they delete themselves on close).
QList<ExportDialog*> dialogsOf(QWidget* window) {
    return window->findChildren<ExportDialog*>(QString(), Qt::FindDirectChildrenOnly);
}

}  // namespace

class tst_ExportDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void showsCThenPython();
    void copyPutsTheProgramOnTheClipboard();
    void saveWritesTheFile();
    void saveFailureShownInline();
    void unsupportedShowsTheError();
    void clientWindowOpensIt();
    void composerOpensItWithTheExactBytes();
    void serverPanelOpensIt();
};

void tst_ExportDialog::initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("sockwb-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportdialog"));
}

void tst_ExportDialog::showsCThenPython() {
    ClientConfig c;
    c.port = 7007;
    std::unique_ptr<ExportDialog> d(clientDialog(c));
    QCOMPARE(d->language(), codegen::Language::C);
    QVERIFY(d->errorText().isEmpty());
    QVERIFY(d->code().contains(QStringLiteral("connect(sockfd")));
    QCOMPARE(d->editor()->toPlainText(), d->code());
    QVERIFY(d->editor()->isReadOnly());
    QCOMPARE(d->suggestedFileName(), QStringLiteral("tcp_client.c"));
    auto* commands = d->findChild<QLabel*>(QStringLiteral("commands"));
    QVERIFY(
        commands->text().contains(QStringLiteral("cc -Wall -Wextra -o tcp_client tcp_client.c")));
    QVERIFY(commands->text().contains(QStringLiteral("./tcp_client 127.0.0.1 7007")));

    // The switch regenerates in Python.
    auto* language = d->findChild<QComboBox*>(QStringLiteral("language"));
    language->setCurrentIndex(1);
    QCOMPARE(d->language(), codegen::Language::Python);
    QVERIFY(d->code().startsWith(QStringLiteral("#!/usr/bin/env python3")));
    QVERIFY(d->code().contains(QStringLiteral("sock.sendall(message)")));
    QCOMPARE(d->editor()->toPlainText(), d->code());
    QCOMPARE(d->suggestedFileName(), QStringLiteral("tcp_client.py"));
    QVERIFY(!commands->text().contains(QStringLiteral("cc ")));
    QVERIFY(commands->text().contains(QStringLiteral("python3 tcp_client.py 127.0.0.1 7007")));

    // What is left out is listed.
    c.io = ClientIo::Poll;
    std::unique_ptr<ExportDialog> poll(clientDialog(c));
    auto* omissions = poll->findChild<QLabel*>(QStringLiteral("omissions"));
    QVERIFY2(omissions->text().contains(QStringLiteral("poll I/O mode")),
             qPrintable(omissions->text()));
}

void tst_ExportDialog::copyPutsTheProgramOnTheClipboard() {
    ClientConfig c;
    c.port = 7;
    std::unique_ptr<ExportDialog> d(clientDialog(c));
    QApplication::clipboard()->clear();
    d->findChild<QPushButton*>(QStringLiteral("copy"))->click();
    QCOMPARE(QApplication::clipboard()->text(), d->code());
    QVERIFY(!d->code().isEmpty());
}

void tst_ExportDialog::saveWritesTheFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ClientConfig c;
    c.port = 7;
    std::unique_ptr<ExportDialog> d(clientDialog(c));
    d->setLanguage(codegen::Language::Python);
    const QString path = dir.filePath(d->suggestedFileName());
    QVERIFY(d->saveTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), d->code());
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("exportNote"))->text().contains(path));
}

void tst_ExportDialog::saveFailureShownInline() {
    ClientConfig c;
    c.port = 7;
    std::unique_ptr<ExportDialog> d(clientDialog(c));
    QVERIFY(!d->saveTo(QStringLiteral("/nonexistent-folder/x/tcp_client.c")));
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("exportNote"))
                ->text()
                .startsWith(QStringLiteral("Could not save")));
}

void tst_ExportDialog::unsupportedShowsTheError() {
    ClientConfig c;
    c.tls = true;
    std::unique_ptr<ExportDialog> d(clientDialog(c));
    QVERIFY2(d->errorText().contains(QStringLiteral("TLS is not exported")),
             qPrintable(d->errorText()));
    QVERIFY(d->code().isEmpty());
    QVERIFY(d->editor()->toPlainText().isEmpty());
    QVERIFY(!d->findChild<QPushButton*>(QStringLiteral("copy"))->isEnabled());
    QVERIFY(!d->findChild<QPushButton*>(QStringLiteral("saveAs"))->isEnabled());
    QVERIFY(!d->saveTo(QStringLiteral("/tmp/never-written.c")));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written.c")));

    // Both languages say it.
    d->setLanguage(codegen::Language::Python);
    QVERIFY(!d->errorText().isEmpty());

    std::unique_ptr<ExportDialog> https(new ExportDialog(
        [](codegen::Language l) {
            return codegen::exportHttpRequest("example.com", 443, true, "GET / HTTP/1.1\r\n\r\n",
                                              l);
        },
        QStringLiteral("request")));
    QVERIFY2(https->errorText().contains(QStringLiteral("https")), qPrintable(https->errorText()));
}

void tst_ExportDialog::clientWindowOpensIt() {
    ClientWindow window;
    window.findChild<QPushButton*>(QStringLiteral("exportCode"))->click();
    const auto dialogs = dialogsOf(&window);
    QCOMPARE(dialogs.size(), 1);
    QVERIFY(dialogs.front()->isVisible());
    // Exported, or refused with a reason: never an empty dialog.
    QVERIFY(!dialogs.front()->code().isEmpty() || !dialogs.front()->errorText().isEmpty());
    dialogs.front()->close();
}

void tst_ExportDialog::composerOpensItWithTheExactBytes() {
    QTemporaryDir dir;
    ComposerWindow window(nullptr, dir.filePath(QStringLiteral("history.json")));
    QVERIFY(window.importCurl(QStringLiteral("curl http://127.0.0.1:8080/hello -H 'X-Test: 1'")));
    window.findChild<QPushButton*>(QStringLiteral("exportCode"))->click();
    const auto dialogs = dialogsOf(&window);
    QCOMPARE(dialogs.size(), 1);
    const QString code = dialogs.front()->code();
    QVERIFY2(code.contains(QStringLiteral("\"GET /hello HTTP/1.1\\r\\n\"")), qPrintable(code));
    QVERIFY2(code.contains(QStringLiteral("\"X-Test: 1\\r\\n\"")), qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("#define SERVER_PORT \"8080\"")));
    dialogs.front()->close();
}

void tst_ExportDialog::serverPanelOpensIt() {
    ServerConfig config;
    ServerPanel panel(config);
    panel.findChild<QPushButton*>(QStringLiteral("exportCode"))->click();
    const auto dialogs = dialogsOf(&panel);
    QCOMPARE(dialogs.size(), 1);
    QVERIFY(!dialogs.front()->code().isEmpty() || !dialogs.front()->errorText().isEmpty());
    dialogs.front()->close();
}

SOCKWB_TEST_MAIN(tst_ExportDialog)
#include "tst_exportdialog.moc"
