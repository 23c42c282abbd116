#include "app/gui/screenshotstls.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>

#include "core/server/server.h"
#include "widgets/composer/composercertificateview.h"
#include "widgets/composer/composerrequesteditor.h"
#include "widgets/composer/composerresponseview.h"
#include "widgets/composer/composerwindow.h"

namespace sockwb::app {

bool shootComposerTls(const QDir& dir) {
    QTemporaryDir temp;
    if (!temp.isValid()) return false;
    ServerConfig config;
    config.listeners = {ListenerConfig{"http", Protocol::Tcp, "127.0.0.1", 0}};
    config.model = "epoll";
    config.tls = true;
    config.tlsOptions.certFolder = temp.filePath(QStringLiteral("tls")).toStdString();
    Server server(config);
    try {
        server.start();
    } catch (const std::exception& e) {
        std::printf("FAILED composer-certificate.png: %s\n", e.what());
        return false;
    }
    ComposerWindow w(nullptr, temp.filePath(QStringLiteral("history.json")));
    w.resize(1100, 760);
    w.show();
    ComposerRequest r;
    r.url = "https://localhost:" + std::to_string(server.addresses().front().port()) + "/";
    r.resolve = {"localhost:" + std::to_string(server.addresses().front().port()) + ":127.0.0.1"};
    r.caFile = server.tlsCertFile();
    w.editor()->setRequest(r);
    bool shown = false;
    QObject::connect(&w, &ComposerWindow::responseShown, [&] { shown = true; });
    bool ok = w.send();
    QDeadlineTimer deadline(10000);
    while (ok && !shown && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    ok = ok && shown;
    ComposerResponseView* view = w.responseView();
    view->tabs()->setCurrentWidget(view->certificateView());
    QDeadlineTimer settle(300);
    while (!settle.hasExpired()) QApplication::processEvents(QEventLoop::AllEvents, 20);
    const QString path = dir.filePath(QStringLiteral("composer-certificate.png"));
    ok = ok && w.grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    w.close();
    server.stop();
    return ok;
}

}  // namespace sockwb::app
