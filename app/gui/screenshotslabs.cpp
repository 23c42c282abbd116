#include "app/gui/screenshotslabs.h"

#include <QAbstractButton>
#include <QApplication>
#include <QButtonGroup>
#include <QDeadlineTimer>
#include <QDir>
#include <QMessageBox>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <functional>

#include "app/gui/mainwindow.h"
#include "app/gui/workspacecontroller.h"
#include "core/server/server.h"
#include "widgets/client/clientwindow.h"
#include "widgets/export/exportdialog.h"
#include "widgets/labs/labpanel.h"
#include "widgets/server/serverpanel.h"

namespace sockwb::app {

namespace {
bool waitUntil(const std::function<bool()>& cond, int ms) {
    QDeadlineTimer deadline(ms);
    while (!cond() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return cond();
}
bool grabTo(QWidget* w, const QDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}
}  // namespace

bool shootLabs(const QDir& dir) {
    bool ok = true;
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    waitUntil([] { return false; }, 300);
    ok &= grabTo(&window, dir, QStringLiteral("welcome.png"));

    // The time service lab: the question answered with the right choice, run,
    // judged. The earlier pictures' windows are unsaved work: opening the lab
    // asks whether to save them; the answer here is Discard.
    QTimer discard;
    discard.setInterval(50);
    QObject::connect(&discard, &QTimer::timeout, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            if (QAbstractButton* b = box->button(QMessageBox::Discard)) b->click();
    });
    discard.start();
    ok &= window.workspace()->openLab(QStringLiteral("time-tcp"));
    discard.stop();
    LabPanel* lab = window.labPanel();
    const int answer = lab->workspace().lab.answer;
    if (QAbstractButton* b = lab->choices()->button(answer)) b->click();
    lab->run(true);
    if (!waitUntil([&] { return lab->stage() == LabPanel::Stage::Done; }, 30000)) {
        std::fprintf(stderr, "sockwb: the time-tcp lab did not finish\n");
        ok = false;
    }
    waitUntil([] { return false; }, 300);
    ok &= grabTo(&window, dir, QStringLiteral("lab-time-tcp.png"));

    // Export as Code: the course's iterative time server, in C.
    ServerConfig clock;
    clock.listeners.front().service = "clock";
    clock.listeners.front().port = 8080;
    clock.model = "iterative";
    ExportDialog* dialog = ExportDialog::openForServer(clock, nullptr);
    dialog->resize(980, 760);
    waitUntil([] { return false; }, 200);
    ok &= grabTo(dialog, dir, QStringLiteral("export-c.png"));
    dialog->close();

    // Close what the lab opened (client windows are top-level), then its servers.
    for (QWidget* w : QApplication::topLevelWidgets())
        if (qobject_cast<ClientWindow*>(w)) w->close();
    for (ServerPanel* p : window.servers()) p->stop();
    window.workspace()->apply(Workspace(), false);
    waitUntil([] { return false; }, 100);
    return ok;
}

}  // namespace sockwb::app
