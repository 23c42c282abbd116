#include "app/gui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

#include "app/gui/workspacecontroller.h"
#include "core/lessons/socketlesson.h"
#include "core/net/framing.h"
#include "widgets/addresses/addresseswindow.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/launchclientsdialog.h"
#include "widgets/client/windowplacement.h"
#include "widgets/common/logview.h"
#include "widgets/common/presentationmode.h"
#include "widgets/compare/comparewindow.h"
#include "widgets/composer/composerwindow.h"
#include "widgets/lessons/lessonwindow.h"
#include "widgets/lessons/lessonwords.h"
#include "widgets/relay/relayform.h"
#include "widgets/relay/relaypanel.h"
#include "widgets/run/runwindow.h"
#include "widgets/sequence/experimenttrace.h"
#include "widgets/sequence/sequencewindow.h"
#include "widgets/server/serverform.h"
#include "widgets/server/serverpanel.h"
#include "widgets/shell/languagemenu.h"
#include "widgets/shell/sidebar.h"
#include "widgets/sockets/sockettablewindow.h"
#include "widgets/trace/cheatsheetdialog.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/traceview.h"

namespace sockwb::app {

namespace {
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      sideBar_(new SideBar(this)),
      stack_(new QStackedWidget(this)),
      welcome_(nullptr),
      globalTrace_(new TraceAdapter(this)),
      statusCounts_(new QLabel(this)),
      workspace_(new WorkspaceController(this)) {
    setWindowTitle(tr("Socket Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sockwb.svg")));
    welcome_ = createWelcomePage();
    stack_->addWidget(welcome_);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(sideBar_);
    splitter->addWidget(stack_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({230, 870});
    setCentralWidget(splitter);
    createDocks();
    createActions();
    createLabDock();
    statusBar()->addPermanentWidget(statusCounts_);
    statusBar()->showMessage(tr("Ready"), 3000);

    connect(sideBar_, &SideBar::serverSelected, this, &MainWindow::showServer);
    connect(sideBar_, &SideBar::relaySelected, stack_, &QStackedWidget::setCurrentWidget);
    connect(sideBar_, &SideBar::clientActivated, this, [](ClientWindow* w) {
        w->showNormal();
        w->raise();
        w->activateWindow();
    });
    connect(sideBar_, &SideBar::programActivated, this, [](RunWindow* w) {
        w->showNormal();
        w->raise();
        w->activateWindow();
    });
    connect(sideBar_, &SideBar::contentsChanged, this, &MainWindow::updateStatus);
    // Client windows may come from anywhere (Launch Clients, New Client):
    // they are found among the top-level windows, cheaply, once a second.
    connect(&clientScan_, &QTimer::timeout, this, &MainWindow::discoverClients);
    clientScan_.start(1000);
    // Threads with no observer of their own (none of a server's) land here.
    setGlobalTraceObserver(globalTrace_);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometry).toByteArray())) resize(1180, 760);
    restoreState(settings.value(kState).toByteArray());
    updateStatus();
}

MainWindow::~MainWindow() {
    setGlobalTraceObserver(nullptr);
    // Panels stop their servers before the adapters they report to go away.
    qDeleteAll(servers());
    qDeleteAll(relays());
}

void MainWindow::createDocks() {
    traceView_ = new TraceView(this, 20000);
    traceView_->attach(globalTrace_);
    auto* traceDock = new QDockWidget(tr("Trace (all servers)"), this);
    traceDock->setObjectName(QStringLiteral("traceDock"));
    traceDock->setWidget(traceView_);
    addDockWidget(Qt::BottomDockWidgetArea, traceDock);
    traceDock->hide();
    logView_ = new LogView(this, 2000);
    auto* logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(logView_);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {140}, Qt::Vertical);
}

void MainWindow::createActions() {
    auto make = [this](const QString& text, const char* name, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty()) a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction* newServer =
        make(tr("New &Server..."), "actionNewServer", QKeySequence::New, &MainWindow::newServer);
    newServer->setToolTip(tr("Start a TCP or UDP server with a service and a concurrency model"));
    QAction* newRelay = make(tr("New R&elay..."), "actionNewRelay",
                             QKeySequence(tr("Ctrl+Shift+Y")), &MainWindow::newRelay);
    newRelay->setToolTip(
        tr("Put a fault-injecting relay in front of a server: latency, slicing, resets, loss"));
    QAction* newClient = make(tr("New &Client"), "actionNewClient",
                              QKeySequence(tr("Ctrl+Shift+N")), &MainWindow::newClient);
    newClient->setToolTip(tr("Open a client window (aimed at the selected server)"));
    QAction* launch = make(tr("&Launch Clients..."), "actionLaunchClients",
                           QKeySequence(tr("Ctrl+L")), &MainWindow::launchClients);
    launch->setToolTip(tr("Start many clients at once with a scenario"));
    QAction* http = make(tr("New &HTTP Request..."), "actionNewHttpRequest",
                         QKeySequence(tr("Ctrl+Shift+H")), [] { ComposerWindow::open(); });
    http->setToolTip(
        tr("Open the HTTP composer: compose a request, send it, see the exact bytes and timings"));
    http->setStatusTip(http->toolTip());
    QAction* compare = make(tr("Compare &Models..."), "actionCompareModels",
                            QKeySequence(tr("Ctrl+Shift+M")), [] { CompareWindow::open(); });
    compare->setToolTip(
        tr("Load a server under each concurrency model in turn and compare requests/s, "
           "latency, memory and threads"));
    compare->setStatusTip(compare->toolTip());
    QAction* runProgram =
        make(tr("&Run a Program..."), "actionRunProgram", QKeySequence(tr("Ctrl+Shift+R")),
             [this] { sideBar_->addProgram(RunWindow::open()); });
    runProgram->setToolTip(
        tr("Run your own client or server and see its socket calls in the trace"));
    runProgram->setStatusTip(runProgram->toolTip());
    QAction* quit = make(tr("&Quit"), "actionQuit", QKeySequence::Quit, &QWidget::close);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    workspace_->populateFileMenu(fileMenu);
    fileMenu->addSeparator();
    fileMenu->addAction(quit);

    QMenu* file = menuBar()->addMenu(tr("&Workbench"));
    file->addActions({newServer, newRelay, newClient, launch, http, compare, runProgram});
    QAction* addresses = make(tr("&Addresses..."), "actionAddresses", QKeySequence(),
                              [] { AddressesWindow::open(); });
    addresses->setToolTip(
        tr("See an address or a host name as struct sockaddr_in/sockaddr_in6 "
           "byte by byte, with inet_pton and getaddrinfo"));
    file->addAction(addresses);
    QAction* sockets = make(tr("Soc&kets on This Machine..."), "actionSockets",
                            QKeySequence(tr("Ctrl+Shift+K")), [] { SocketTableWindow::open(); });
    sockets->setToolTip(
        tr("Every TCP, UDP and Unix socket of the machine, like ss -tuanp: "
           "states, queues, owners, timers, live"));
    sockets->setStatusTip(sockets->toolTip());
    file->addAction(sockets);

    QMenu* labs = menuBar()->addMenu(tr("&Labs"));
    labs->setObjectName(QStringLiteral("labsMenu"));
    populateLabsMenu(labs);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (auto* dock : findChildren<QDockWidget*>()) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() == QLatin1String("traceDock")
                                  ? QStringLiteral("actionViewTrace")
                                  : QStringLiteral("actionViewLog"));
        view->addAction(toggle);
    }
    QAction* sequence = make(tr("&Sequence of the Experiment..."), "actionSequence", QKeySequence(),
                             &MainWindow::showExperimentSequence);
    sequence->setToolTip(
        tr("The server on screen, its client windows and the programs run, as one sequence "
           "diagram (with no server on screen: every server, client and program)"));
    sequence->setStatusTip(sequence->toolTip());
    view->addAction(sequence);
    view->addSeparator();
    view->addAction(presentationAction());
    view->addSeparator();
    view->addMenu(new LanguageMenu(this));

    QMenu* window = menuBar()->addMenu(tr("W&indow"));
    window->addAction(make(tr("&Cascade client windows"), "actionCascade", QKeySequence(),
                           [this] { arrangeClients(false); }));
    window->addAction(make(tr("&Tile client windows"), "actionTile", QKeySequence(),
                           [this] { arrangeClients(true); }));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(make(tr("Socket API &cheat sheet"), "actionCheatSheet",
                         QKeySequence::HelpContents, &MainWindow::showCheatSheet));
    QMenu* lessons = help->addMenu(tr("&Lessons"));
    lessons->setObjectName(QStringLiteral("lessonsMenu"));
    for (LessonId id : allLessons()) {
        const std::string name = std::string("actionLesson-") + lessonName(id);
        lessons->addAction(make(LessonWords::title(id), name.c_str(), QKeySequence(), [id] {
            LessonWindow* w = LessonWindow::open(id);
            // "Open the socket table": the machine's
            // sockets, filtered on the lesson's port
            // (wired once: open() may return a window
            // already open).
            if (w->property("sockwbTableWired").toBool()) return;
            w->setProperty("sockwbTableWired", true);
            connect(w, &LessonWindow::socketTableRequested, w,
                    [](int port) { SocketTableWindow::open()->setPortFilter(port); });
        }));
    }
    help->addAction(
        make(tr("&About Socket Workbench"), "actionAbout", QKeySequence(), &MainWindow::showAbout));

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions({newServer, newRelay, newClient, launch, http, compare, sockets});
}

// View > Presentation Mode: checked when the mode is on, however it was
// turned on (this action, the saved setting at start).
QAction* MainWindow::presentationAction() {
    PresentationMode* mode = PresentationMode::instance();
    auto* a = new QAction(tr("&Presentation Mode"), this);
    a->setObjectName(QStringLiteral("actionPresentationMode"));
    a->setShortcut(QKeySequence(tr("F11")));
    a->setCheckable(true);
    a->setChecked(mode->isOn());
    a->setToolTip(
        tr("For a lecture room: larger text everywhere (trace, sequence, charts), high "
           "contrast, the key numbers big"));
    a->setStatusTip(a->toolTip());
    connect(a, &QAction::toggled, mode, &PresentationMode::setOn);
    connect(mode, &PresentationMode::changed, a, &QAction::setChecked);
    return a;
}

ServerPanel* MainWindow::addServer(const ServerConfig& config, bool start) {
    auto* panel = new ServerPanel(config, stack_);
    stack_->addWidget(panel);
    traceView_->attach(panel->traceAdapter());
    sideBar_->addServer(panel);
    connect(panel, &ServerPanel::stateChanged, this, [this, panel] { onServerState(panel); });
    showServer(panel);
    sideBar_->select(panel);
    if (start) panel->start();
    return panel;
}

QList<ServerPanel*> MainWindow::servers() const { return stack_->findChildren<ServerPanel*>(); }

RelayPanel* MainWindow::addRelay(const RelayConfig& config, bool start) {
    auto* panel = new RelayPanel(config, stack_);
    stack_->addWidget(panel);
    traceView_->attach(panel->traceAdapter());
    sideBar_->addRelay(panel);
    stack_->setCurrentWidget(panel);
    sideBar_->select(panel);
    if (start) panel->start();
    return panel;
}

QList<RelayPanel*> MainWindow::relays() const { return stack_->findChildren<RelayPanel*>(); }

void MainWindow::showServer(ServerPanel* panel) {
    if (panel) stack_->setCurrentWidget(panel);
}

void MainWindow::onServerState(ServerPanel* panel) {
    switch (panel->state()) {
        case ServerPanel::Running:
            logView_->append(LogView::Info, tr("server %1 running").arg(panel->title()));
            statusBar()->showMessage(tr("Server %1 running").arg(panel->title()), 5000);
            break;
        case ServerPanel::Failed:
            logView_->append(LogView::Failure,
                             tr("server %1: %2").arg(panel->title(), panel->errorText()));
            statusBar()->showMessage(
                tr("Server %1 did not start (see its panel)").arg(panel->title()), 8000);
            break;
        case ServerPanel::Stopped:
            logView_->append(LogView::Info, tr("server %1 stopped").arg(panel->title()));
            break;
        default:
            break;
    }
    updateStatus();
}

void MainWindow::newServer() {
    auto* form = new ServerForm(this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &QDialog::accepted, this, [this, form] { addServer(form->config()); });
    form->open();
}

void MainWindow::newRelay() {
    auto* form = new RelayForm(this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    QString host, protocol;
    quint16 port = 0;
    if (currentTarget(&host, &port, &protocol)) form->setTarget(host, port, protocol);
    connect(form, &QDialog::accepted, this, [this, form] { addRelay(form->config()); });
    form->open();
}

bool MainWindow::currentTarget(QString* host, quint16* port, QString* protocol) const {
    // A relay on screen: clients go through it.
    if (auto* relay = qobject_cast<RelayPanel*>(stack_->currentWidget()))
        return relay->clientTarget(host, port, protocol);
    // The server on screen, when it runs; a wildcard bind is reached on loopback.
    auto* panel = qobject_cast<ServerPanel*>(stack_->currentWidget());
    if (!panel || panel->state() != ServerPanel::Running || panel->addresses().empty())
        return false;
    const Address a = panel->addresses().front();
    *host = QString::fromStdString(a.host());
    if (*host == QLatin1String("0.0.0.0")) *host = QStringLiteral("127.0.0.1");
    if (*host == QLatin1String("::")) *host = QStringLiteral("::1");
    *port = a.port();
    *protocol = QString::fromLatin1(protocolName(panel->config().listeners.front().protocol));
    return true;
}

void MainWindow::newClient() {
    QString host, protocol;
    quint16 port = 0;
    ClientWindow* window = nullptr;
    if (currentTarget(&host, &port, &protocol)) {
        window = ClientWindow::open(host, port, protocol);
    } else {
        window = new ClientWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    }
    sideBar_->addClient(window);
}

void MainWindow::launchClients() {
    auto* dialog = new LaunchClientsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString host, protocol;
    quint16 port = 0;
    if (currentTarget(&host, &port, &protocol)) dialog->setTarget(host, port, protocol);
    connect(dialog, &LaunchClientsDialog::windowOpened, sideBar_, &SideBar::addClient);
    dialog->show();
}

void MainWindow::arrangeClients(bool tile) {
    QList<QWidget*> windows;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (qobject_cast<ClientWindow*>(w) && w->isVisible()) windows << w;
    const QRect area = WindowPlacement::availableArea(this);
    for (int i = 0; i < windows.size(); ++i) {
        const auto mode = tile ? WindowPlacement::Mode::Tile : WindowPlacement::Mode::Cascade;
        windows[i]->setGeometry(
            WindowPlacement::place(mode, i, int(windows.size()), windows[i]->size(), area));
        windows[i]->raise();
    }
}

void MainWindow::discoverClients() {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* client = qobject_cast<ClientWindow*>(w); client && !sideBar_->contains(client))
            sideBar_->addClient(client);
}

SequenceWindow* MainWindow::showExperimentSequence() {
    return ExperimentTrace::openWindow(qobject_cast<ServerPanel*>(stack_->currentWidget()));
}

void MainWindow::showCheatSheet() {
    auto* dialog = findChild<CheatSheetDialog*>();
    if (!dialog) dialog = new CheatSheetDialog(this);
    dialog->show();
    dialog->raise();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Socket Workbench"),
        tr("<h3>Socket Workbench %1</h3><p>Client/server experiments over the POSIX socket "
           "API: servers under every concurrency model, many clients, and every socket call "
           "made visible in a live trace.</p>")
            .arg(QStringLiteral(SOCKWB_VERSION)));
}

void MainWindow::updateStatus() {
    int running = 0;
    for (auto* p : servers()) running += p->state() == ServerPanel::Running;
    statusCounts_->setText(tr("%1 server(s), %2 running · %3 client window(s)")
                               .arg(sideBar_->serverCount())
                               .arg(running)
                               .arg(sideBar_->clientCount()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!workspace_->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kState, saveState());
    // Client, Run and Sequence windows are top-level: they close with the workbench
    // (a Run window kills its program then).
    for (QWidget* w : QApplication::topLevelWidgets())
        if (qobject_cast<ClientWindow*>(w) || qobject_cast<RunWindow*>(w) ||
            qobject_cast<SequenceWindow*>(w))
            w->close();
    // Every running server stops on its own thread now, all at once; the
    // panels' destructors then only join, so closing costs the slowest stop
    // rather than the sum of them, and none of it runs on the GUI thread.
    for (ServerPanel* panel : findChildren<ServerPanel*>()) panel->stop();
    for (RelayPanel* panel : findChildren<RelayPanel*>()) panel->stop();
    event->accept();
}

}  // namespace sockwb::app
