#include "app/gui/screenshots.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <cstdio>
#include <functional>
#include <thread>

#include "app/gui/mainwindow.h"
#include "app/gui/screenshotslabs.h"
#include "app/gui/screenshotstls.h"
#include "core/net/framing.h"
#include "core/net/socket.h"
#include "core/sequence/sequence.h"
#include "widgets/addresses/addresseswindow.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/sendpanel.h"
#include "widgets/common/translations.h"
#include "widgets/compare/comparewindow.h"
#include "widgets/relay/relaypanel.h"
#include "widgets/run/programrunner.h"
#include "widgets/run/runwindow.h"
#include "widgets/sequence/sequenceview.h"
#include "widgets/server/serverform.h"
#include "widgets/server/serverpanel.h"
#include "widgets/shell/sidebar.h"
#include "widgets/sockets/sockettablewindow.h"
#include "widgets/sockets/sockettext.h"
#include "widgets/trace/cheatsheetdialog.h"
#include "widgets/trace/traceadapter.h"
#include "widgets/trace/traceview.h"

namespace sockwb::app {

namespace {
// Lets the event loop run until cond holds (or the time is up).
bool waitFor(const std::function<bool()>& cond, int ms = 5000) {
    QDeadlineTimer deadline(ms);
    while (!cond() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return cond();
}
void settle(int ms) {
    waitFor([] { return false; }, ms);
}
bool save(QWidget* w, const QDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}
void typeAndSend(ClientWindow* w, const QString& text) {
    if (auto* edit = w->sendPanel()->findChild<QPlainTextEdit*>()) edit->setPlainText(text);
    w->sendPanel()->sendNow();
}
}  // namespace

namespace {

// What the course teaches, seen: the thread model's clock serving a client
// with blocking calls (accept's wait, recv, send, nanosleep), that client
// being a program run under the tracer (the workbench's own CLI, as a
// student's program would be), and an address byte by byte.
bool shootCourseViews(MainWindow& window, const QDir& dir) {
    bool ok = true;
    ServerConfig clock;
    clock.listeners.front().service = "clock";
    clock.model = "thread";
    clock.serviceOptions.ticks = 3;
    clock.serviceOptions.intervalMs = 300;
    ServerPanel* panel = window.addServer(clock);
    if (!waitFor([&] { return panel->state() == ServerPanel::Running; })) return false;
    const QString port = QString::number(panel->addresses().front().port());
    settle(400);  // accept() waits a little: its duration shows it

    RunWindow run;
    run.resize(1100, 720);
    run.show();
    ok &= run.run(
        QCoreApplication::applicationFilePath(),
        {QStringLiteral("client"), QStringLiteral("127.0.0.1"), port, QStringLiteral("--send"),
         QStringLiteral("Bonjour"), QStringLiteral("--until"), QStringLiteral("Au Revoir")});
    ok &= waitFor([&] { return !run.runner()->isRunning(); }, 10000);
    settle(300);
    ok &= save(&run, dir, QStringLiteral("run-program.png"));
    run.close();

    window.sideBar()->select(panel);
    if (auto* tabs = panel->findChild<QTabWidget*>(QStringLiteral("serverTabs")))
        tabs->setCurrentIndex(2);
    settle(600);  // the panels refresh every 500 ms
    panel->traceView()->table()->scrollToTop();
    settle(50);
    ok &= save(&window, dir, QStringLiteral("blocking-trace.png"));

    AddressesWindow addresses;
    addresses.resize(1060, 560);
    addresses.show();
    addresses.input()->setText(QStringLiteral("127.0.0.1 8080"));
    settle(800);  // the lookup starts 300 ms after typing stops
    ok &= save(&addresses, dir, QStringLiteral("addresses.png"));
    return ok;
}

}  // namespace

namespace {

// The sequence view of a real exchange made here with the core's sockets
// under a trace adapter: the handshake, "Bonjour\n" read in two pieces,
// the answer, the FIN read as recv = 0, a datagram and a lost one, a
// refused connect; the first data arrow selected.
bool shootSequenceView(const QDir& dir) {
    TraceAdapter adapter(nullptr, 10);
    SequenceView view;
    view.resize(1280, 800);
    view.show();
    view.attach(&adapter);
    try {
        TraceScope scope(&adapter);
        const Address loopback = Address::parse("127.0.0.1:0");
        Socket listener = Socket::create(AF_INET, SOCK_STREAM);
        listener.bind(loopback);
        listener.listen(8);
        Socket client = Socket::create(AF_INET, SOCK_STREAM);
        client.connect(listener.localAddress());
        Socket::Accepted accepted = listener.accept();
        client.sendAll("Bonjour\n");
        char buf[64];
        accepted.socket.recvExact(buf, 4);
        accepted.socket.recvExact(buf, 4);
        accepted.socket.sendAll("Au Revoir");
        client.recvExact(buf, 9);
        client.close();
        (void)accepted.socket.recv(buf, sizeof buf);
        accepted.socket.close();
        Socket udpServer = Socket::create(AF_INET, SOCK_DGRAM);
        udpServer.bind(loopback);
        Socket udpClient = Socket::create(AF_INET, SOCK_DGRAM);
        udpClient.sendTo("ping", udpServer.localAddress());
        (void)udpServer.recvFrom(buf, sizeof buf, Millis(1000));
        udpClient.sendTo("never read", udpServer.localAddress());
        const Address closed = listener.localAddress();
        listener.close();
        Socket refused = Socket::create(AF_INET, SOCK_STREAM);
        try {
            refused.connect(closed);
        } catch (const Error&) {
            // ECONNREFUSED: the red call the picture shows
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sequence view: %s\n", e.what());
        return false;
    }
    adapter.flush();
    settle(100);
    const seq::SequenceBuilder& b = view.builder();
    for (size_t i = 0; i < b.arrows().size(); ++i)
        if (b.arrows()[i].kind == seq::Arrow::Kind::Data) {
            view.select(seq::kNone, i);
            break;
        }
    settle(100);
    return save(&view, dir, QStringLiteral("sequence-view.png"));
}

// The socket table on loopback TCP: the echo and chat servers' listeners,
// their clients' connections from both ends, and one connection waiting in
// the accept queue of a listener nobody accepts on (Recv-Q 1 of backlog 4).
bool shootSocketTable(const QDir& dir) {
    Socket waiting = tcpListen(Address::fromIp("127.0.0.1", 0), 4);
    Socket pending = tcpConnect(waiting.localAddress(), Millis(3000));
    SocketTableWindow table;
    table.resize(1240, 700);
    table.setProtocols(true, false, false);
    // Connections first, then the listeners (Recv-Q / Send-Q: the accept
    // queue and the backlog), then the Compare run's TIME-WAIT entries.
    table.table()->sortByColumn(SocketText::State, Qt::AscendingOrder);
    table.setPaused(true);
    table.show();
    // Loopback TCP only: the workbench's servers and clients, and the waiting one.
    table.findChild<QLineEdit*>(QStringLiteral("socketSearch"))
        ->setText(QStringLiteral("127.0.0.1"));
    bool refreshed = false;
    QObject::connect(&table, &SocketTableWindow::refreshed, [&] { refreshed = true; });
    table.refreshNow();
    bool ok = waitFor([&] { return refreshed; });
    settle(1600);  // the new rows' highlight fades
    ok &= save(&table, dir, QStringLiteral("socket-table.png"));
    return ok;
}

// A relay in front of the echo server: 30 ± 10 ms of latency up, the
// answers sliced into 3-byte writes down, a client sending a line every
// 100 ms through it; the Faults tab with its counters and two seconds of
// bytes/s in the chart.
bool shootRelayPanel(MainWindow& window, const Address& echo, const QDir& dir) {
    RelayConfig config;
    config.targetHost = echo.host();
    config.targetPort = echo.port();
    config.up.latencyMs = {30, 10};
    config.down.sliceBytes = {3, 1};
    config.down.sliceDelayMs = 2;
    RelayPanel* panel = window.addRelay(config);
    if (!waitFor([&] { return panel->state() == RelayPanel::Running; })) return false;
    std::atomic<bool> done{false};
    std::thread client([&done, at = panel->address()] {
        try {
            Socket s = tcpConnect(at, Millis(3000));
            char buf[256];
            for (int i = 0; i < 30 && !done; ++i) {
                s.sendAll("Quelle heure est-il ?\n");
                (void)s.recv(buf, sizeof buf, Millis(1000));
                std::this_thread::sleep_for(Millis(100));
            }
            while (!done) std::this_thread::sleep_for(Millis(20));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "relay client: %s\n", e.what());
        }
    });
    settle(3200);  // three samples a second apart in the chart
    const bool ok = save(&window, dir, QStringLiteral("relay-panel.png"));
    done = true;
    client.join();
    return ok;
}

}  // namespace

int runScreenshots(int argc, char** argv, const char* dirName, const QString& language) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("sockwb-screenshots"));
    QApplication::setApplicationName(QStringLiteral("Socket Workbench"));
    Translations::install(&app, Translations::chosen(language));
    QDir dir(QString::fromLocal8Bit(dirName));
    if (!dir.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "sockwb: cannot create %s\n", dirName);
        return 1;
    }
    bool ok = true;
    MainWindow window;
    window.resize(1280, 800);
    window.show();

    // A chat server and three chatting client windows.
    ServerConfig chat;
    chat.listeners.front().service = "chat";
    chat.model = "thread";
    ServerPanel* chatPanel = window.addServer(chat);
    // The echo server the main window shows, with a few plain clients.
    ServerConfig echo;
    echo.model = "epoll";
    ServerPanel* echoPanel = window.addServer(echo);
    if (!waitFor([&] {
            return chatPanel->state() == ServerPanel::Running &&
                   echoPanel->state() == ServerPanel::Running;
        })) {
        std::fprintf(stderr, "sockwb: the servers did not start: %s %s\n",
                     qPrintable(chatPanel->errorText()), qPrintable(echoPanel->errorText()));
        return 1;
    }
    const Address echoAddress = echoPanel->addresses().front();
    const Address chatAddress = chatPanel->addresses().front();

    std::atomic<bool> release{false};
    std::vector<std::thread> plain;
    for (int i = 0; i < 3; ++i)
        plain.emplace_back([&] {
            try {
                Socket s = tcpConnect(echoAddress, Millis(3000));
                char buf[256];
                for (const char* line : {"Bonjour\n", "Quelle heure est-il ?\n", "Au Revoir\n"}) {
                    s.sendAll(line);
                    (void)s.recv(buf, sizeof buf, Millis(2000));
                }
                while (!release) std::this_thread::sleep_for(Millis(20));
            } catch (const std::exception& e) {
                std::fprintf(stderr, "client: %s\n", e.what());
            }
        });

    QList<ClientWindow*> clients;
    const QStringList nicks{QStringLiteral("alice"), QStringLiteral("bob"),
                            QStringLiteral("carol")};
    for (int i = 0; i < nicks.size(); ++i) {
        ClientWindow* c = ClientWindow::open(QStringLiteral("127.0.0.1"), chatAddress.port(),
                                             QStringLiteral("tcp"));
        c->resize(620, 520);
        c->move(40 + 640 * i, 60);
        c->sendPanel()->setChatMode(true);
        c->sendPanel()->setNickname(nicks[i]);
        c->connectTo(QStringLiteral("127.0.0.1"), chatAddress.port(), QStringLiteral("tcp"));
        clients << c;
    }
    ok &= waitFor([&] {
        return std::all_of(clients.begin(), clients.end(), [](ClientWindow* c) {
            return c->session()->state() == ClientSession::State::Connected;
        });
    });
    typeAndSend(clients[0], QStringLiteral("Bonjour tout le monde !"));
    settle(150);
    typeAndSend(clients[1], QStringLiteral("Salut alice, ça marche chez moi."));
    settle(150);
    typeAndSend(clients[2], QStringLiteral("Moi aussi. Au Revoir !"));
    settle(600);  // the panels refresh every 500 ms

    // A third server on the echo server's port: its panel says why it failed.
    ServerConfig clash = echo;
    clash.listeners.front().port = echoAddress.port();
    ServerPanel* clashPanel = window.addServer(clash);
    ok &= waitFor([&] { return clashPanel->state() == ServerPanel::Failed; });
    settle(100);
    ok &= save(clashPanel, dir, QStringLiteral("server-panel-error.png"));

    window.sideBar()->select(echoPanel);
    settle(300);
    ok &= save(&window, dir, QStringLiteral("main-window.png"));
    if (auto* tabs = echoPanel->findChild<QTabWidget*>(QStringLiteral("serverTabs")))
        tabs->setCurrentIndex(2);
    settle(200);
    echoPanel->traceView()->table()->scrollToTop();  // the story starts with socket, bind, listen
    settle(50);
    ok &= save(&window, dir, QStringLiteral("server-panel-trace.png"));
    if (auto* tabs = echoPanel->findChild<QTabWidget*>(QStringLiteral("serverTabs")))
        tabs->setCurrentIndex(1);
    settle(100);
    ok &= save(echoPanel, dir, QStringLiteral("server-panel-log.png"));

    // The client windows side by side in one picture, and each on its own.
    QList<QPixmap> shots;
    for (int i = 0; i < clients.size(); ++i) {
        shots << clients[i]->grab();
        ok &= save(clients[i], dir, QStringLiteral("client-%1.png").arg(i + 1));
    }
    QPixmap all(shots[0].width() * int(shots.size()) + 10 * int(shots.size() - 1),
                shots[0].height());
    all.fill(QColor(0x3d, 0x3d, 0x3d));
    QPainter painter(&all);
    for (int i = 0; i < shots.size(); ++i)
        painter.drawPixmap(i * (shots[0].width() + 10), 0, shots[i]);
    painter.end();
    ok &= all.save(dir.filePath(QStringLiteral("client-windows.png")));
    std::printf("wrote %s\n", qPrintable(dir.filePath(QStringLiteral("client-windows.png"))));

    ServerForm form(&window);
    form.show();
    settle(100);
    ok &= save(&form, dir, QStringLiteral("new-server-form.png"));
    form.hide();
    CheatSheetDialog sheet(&window);
    sheet.show();
    settle(100);
    ok &= save(&sheet, dir, QStringLiteral("cheat-sheet.png"));

    // The Compare panel after a real run: every model under 50 keep-alive
    // HTTP clients, 1.5 s each (the iterative server's waiting clients time out).
    CompareWindow compare;
    compare.resize(1320, 860);
    compare.show();
    CompareConfig cc;
    for (const std::string& m : modelNames()) cc.models << QString::fromStdString(m);
    cc.secondsMs = 1500;
    bool compared = false;
    QObject::connect(&compare, &CompareWindow::runFinished,
                     [&](bool cancelled) { compared = !cancelled; });
    ok &= compare.start(cc) && waitFor([&] { return compared; }, 90000);
    settle(200);
    ok &= save(&compare, dir, QStringLiteral("compare.png"));
    compare.close();
    ok &= shootCourseViews(window, dir);
    ok &= shootSequenceView(dir);
    ok &= shootSocketTable(dir);
    ok &= shootRelayPanel(window, echoAddress, dir);
    ok &= shootComposerTls(dir);

    release = true;
    for (auto& t : plain) t.join();
    for (ClientWindow* c : clients) c->close();
    settle(100);
    // Last: opening the lab closes every client window (File > Open does).
    ok &= shootLabs(dir);
    return ok ? 0 : 1;
}

}  // namespace sockwb::app
