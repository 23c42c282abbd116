#include "widgets/server/serverform.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/server/serverloops.h"
#include "widgets/common/errortext.h"
#include "widgets/common/formstyle.h"
#include "widgets/common/refusaltext.h"
#include "widgets/common/sockoptsbox.h"
#include "widgets/server/limitsbox.h"
#include "widgets/server/listenertable.h"
#include "widgets/server/serversockoptview.h"
#include "widgets/server/tlsbox.h"

namespace sockwb {

namespace {
QSpinBox* spin(QWidget* parent, const char* name, int min, int max, int value) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(min, max);
    box->setValue(value);
    return box;
}
// The combo's entries are in Protocol's order: TCP, UDP, Unix stream, Unix datagram.
Protocol protocolOf(const QComboBox* box) { return protocolAt(box->currentIndex()); }
// Enables or disables one combo entry; a disabled one carries the reason.
void setItemRefused(QComboBox* box, int index, const QString& why) {
    auto* model = qobject_cast<QStandardItemModel*>(box->model());
    if (!model) return;
    QStandardItem* item = model->item(index);
    item->setEnabled(why.isEmpty());
    item->setToolTip(why);
}
}  // namespace

ServerForm::ServerForm(QWidget* parent)
    : QDialog(parent),
      protocol_(new QComboBox(this)),
      bind_(new QComboBox(this)),
      bindError_(new QLabel(this)),
      port_(spin(this, "portBox", 0, 65535, 0)),
      path_(new QLineEdit(this)),
      service_(new QComboBox(this)),
      ticks_(spin(this, "ticksBox", 1, 1000, 5)),
      interval_(spin(this, "intervalBox", 0, 600000, 1000)),
      terminator_(new QComboBox(this)),
      root_(new QLineEdit(this)),
      rootRow_(new QWidget(this)),
      model_(new QComboBox(this)),
      poolSize_(spin(this, "poolSizeBox", 1, 256, 4)),
      loops_(spin(this, "loopsBox", 1, kMaxServerLoops, 1)),
      backlog_(spin(this, "backlogBox", 1, 65535, 128)),
      sockopts_(new SockoptsBox(SockoptsBox::Role::Server, this)),
      limits_(new LimitsBox(this)),
      tls_(new TlsBox(this)),
      listeners_(new ListenerTable(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(this)),
      startButton_(nullptr) {
    setWindowTitle(tr("New Server"));
    setObjectName(QStringLiteral("serverForm"));
    buildForm();
    loadSettings();
    refresh();
}

void ServerForm::buildForm() {
    protocol_->setObjectName(QStringLiteral("protocolBox"));
    protocol_->addItems({tr("TCP"), tr("UDP"), tr("Unix stream"), tr("Unix datagram")});
    path_->setObjectName(QStringLiteral("socketPathEdit"));
    path_->setToolTip(
        tr("AF_UNIX: the socket file the server creates (removed at stop; a stale one left by a "
           "server that died is replaced), or @name for an abstract name."));
    bind_->setObjectName(QStringLiteral("bindAddressBox"));
    bind_->setEditable(true);
    bind_->addItems({QStringLiteral("127.0.0.1"), QStringLiteral("0.0.0.0"), QStringLiteral("::1"),
                     QStringLiteral("::")});
    bind_->setToolTip(
        tr("127.0.0.1: this machine only (safe default). 0.0.0.0: every IPv4 interface. "
           "::1 and :: are the IPv6 equivalents."));
    bindError_->setObjectName(QStringLiteral("bindError"));
    bindError_->setStyleSheet(QStringLiteral("color: #c01c28"));
    bindError_->hide();
    port_->setSpecialValueText(tr("0 (automatic)"));
    port_->setToolTip(tr("0 lets the kernel pick a free port; the panel shows the one chosen."));
    service_->setObjectName(QStringLiteral("serviceBox"));
    for (const auto& n : serviceNames()) service_->addItem(QString::fromStdString(n));
    ticks_->setToolTip(
        tr("Clock: how many times the time is sent per request, then \"Au Revoir\"."));
    interval_->setSuffix(tr(" ms"));
    terminator_->setObjectName(QStringLiteral("terminatorBox"));
    terminator_->addItem(tr("None (the course's bytes)"), int(Terminator::None));
    terminator_->addItem(tr("LF (\\n)"), int(Terminator::Lf));
    terminator_->addItem(tr("CRLF (\\r\\n)"), int(Terminator::CrLf));
    terminator_->setToolTip(
        tr("Clock: what follows each time and \"Au Revoir\". None sends exactly what the "
           "course's server sends, so the course's client stops at \"Au Revoir\"; LF or CRLF "
           "suit line-based clients such as netcat."));
    root_->setObjectName(QStringLiteral("rootEdit"));
    root_->setPlaceholderText(tr("folder of static files (optional)"));
    auto* browse = new QToolButton(rootRow_);
    browse->setObjectName(QStringLiteral("rootBrowse"));
    browse->setText(tr("Browse..."));
    auto* rootLayout = new QHBoxLayout(rootRow_);
    rootLayout->setContentsMargins(0, 0, 0, 0);
    rootLayout->addWidget(root_, 1);
    rootLayout->addWidget(browse);
    model_->setObjectName(QStringLiteral("modelBox"));
    for (const auto& n : modelNames()) model_->addItem(QString::fromStdString(n));

    auto* listenerBox = new QGroupBox(tr("Listener"), this);
    form_ = new QFormLayout(listenerBox);
    form_->addRow(tr("&Protocol:"), protocol_);
    form_->addRow(tr("&Bind address:"), bind_);
    form_->addRow(QString(), bindError_);
    form_->addRow(tr("P&ort:"), port_);
    form_->addRow(tr("Socket pat&h:"), path_);
    form_->addRow(tr("&Service:"), service_);
    form_->addRow(tr("Ticks:"), ticks_);
    form_->addRow(tr("Interval:"), interval_);
    form_->addRow(tr("Terminator:"), terminator_);
    form_->addRow(tr("Root folder:"), rootRow_);

    auto* modelBox = new QGroupBox(tr("Concurrency"), this);
    auto* modelForm = new QFormLayout(modelBox);
    modelForm->addRow(tr("&Model:"), model_);
    modelForm->addRow(tr("Pool size:"), poolSize_);
    loops_->setToolTip(
        tr("epoll and io_uring: how many event loops serve, each on its own thread with its "
           "own SO_REUSEPORT copy of every TCP listener; the kernel spreads new connections "
           "between them, as nginx's worker_processes. About as many as the machine has cores."));
    modelForm->addRow(tr("&Loops:"), loops_);
    modelForm->addRow(tr("Backlog:"), backlog_);
    buildIoBox();
    modelForm->addRow(tr("&Waiting:"), io_);

    auto* extraBox =
        new QGroupBox(tr("Extra listeners (multi-service; with UDP: select, poll or epoll)"), this);
    auto* extraLayout = new QVBoxLayout(extraBox);
    extraLayout->addWidget(listeners_);

    problem_->setObjectName(QStringLiteral("problemLabel"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #c01c28"));
    startButton_ = buttons_->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    startButton_->setObjectName(QStringLiteral("startButton"));
    buttons_->addButton(QDialogButtonBox::Cancel);

    auto* right = new QVBoxLayout;
    right->addWidget(modelBox);
    right->addWidget(sockopts_);  // next to the listen backlog
    right->addWidget(limits_);
    right->addWidget(tls_);
    right->addStretch(1);
    auto* columns = new QHBoxLayout;
    columns->addWidget(listenerBox, 1);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(extraBox);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);

    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (!isValid()) return;  // Start is disabled then; a keyboard accept must not pass either
        saveSettings();
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QToolButton::clicked, this, &ServerForm::chooseRoot);
    connect(protocol_, &QComboBox::currentIndexChanged, this, &ServerForm::refresh);
    connect(service_, &QComboBox::currentIndexChanged, this, &ServerForm::refresh);
    connect(model_, &QComboBox::currentIndexChanged, this, &ServerForm::refresh);
    connect(loops_, &QSpinBox::valueChanged, this, &ServerForm::refresh);
    connect(bind_, &QComboBox::currentTextChanged, this, &ServerForm::refresh);
    connect(root_, &QLineEdit::textChanged, this, &ServerForm::refresh);
    connect(path_, &QLineEdit::textChanged, this, &ServerForm::refresh);
    connect(limits_, &LimitsBox::changed, this, &ServerForm::refresh);
    connect(tls_, &TlsBox::changed, this, &ServerForm::refresh);
    connect(listeners_, &ListenerTable::changed, this, &ServerForm::refresh);
}

// How iterative, fork, thread and pool wait (ServerConfig::io).
void ServerForm::buildIoBox() {
    io_ = new QComboBox(this);
    io_->setObjectName(QStringLiteral("ioBox"));
    io_->addItem(tr("Blocking calls (as in the course)"), QStringLiteral("blocking"));
    io_->addItem(tr("Non-blocking sockets + poll()"), QStringLiteral("poll"));
}

void ServerForm::refreshIoBox() {
    const QString model = model_->currentText();
    const bool eventLoop = model == QLatin1String("select") || model == QLatin1String("poll") ||
                           model == QLatin1String("epoll");
    io_->setEnabled(!eventLoop);
    io_->setToolTip(
        eventLoop
            ? tr("The %1 model is an event loop: it always waits in %1 for every socket at once.")
                  .arg(model == QLatin1String("epoll") ? QStringLiteral("epoll_wait") : model)
            : tr("Blocking calls: accept() and recv() wait in the kernel and the clock sleeps "
                 "between its lines, as the course's programs do; stop wakes them with "
                 "shutdown() and a signal. Non-blocking: every wait is a poll() that also "
                 "watches the stop event."));
}

ServerConfig ServerForm::config() const {
    ServerConfig c;
    ListenerConfig main;
    main.service = service_->currentText().toStdString();
    main.protocol = protocolOf(protocol_);
    const bool local = isUnixDomain(main.protocol);
    main.bindAddress = (local ? path_->text() : bind_->currentText()).trimmed().toStdString();
    main.port = local ? 0 : static_cast<uint16_t>(port_->value());
    c.listeners = {main};
    for (const auto& l : listeners_->listeners()) c.listeners.push_back(l);
    c.model = model_->currentText().toStdString();
    c.backlog = backlog_->value();
    ServerSockoptView::toConfig(sockopts_->settings(), c);
    c.poolSize = poolSize_->value();
    c.loops = loops_->isEnabled() ? loops_->value() : 1;
    limits_->apply(c);
    tls_->apply(c);
    c.io = ioModeFromName(io_->currentData().toString().toStdString()).value_or(IoMode::Blocking);
    c.serviceOptions.ticks = ticks_->value();
    c.serviceOptions.intervalMs = interval_->value();
    c.serviceOptions.terminator = static_cast<Terminator>(terminator_->currentData().toInt());
    c.serviceOptions.root = root_->text().trimmed().toStdString();
    return c;
}

void ServerForm::setConfig(const ServerConfig& c) {
    refreshing_ = true;
    if (!c.listeners.empty()) {
        const ListenerConfig& main = c.listeners.front();
        service_->setCurrentText(QString::fromStdString(main.service));
        protocol_->setCurrentIndex(int(main.protocol));
        if (isUnixDomain(main.protocol))
            path_->setText(QString::fromStdString(main.bindAddress));
        else
            bind_->setCurrentText(QString::fromStdString(main.bindAddress));
        port_->setValue(main.port);
        listeners_->setListeners({c.listeners.begin() + 1, c.listeners.end()});
    }
    model_->setCurrentText(QString::fromStdString(c.model));
    backlog_->setValue(c.backlog);
    sockopts_->setSettings(ServerSockoptView::fromConfig(c));
    poolSize_->setValue(c.poolSize);
    loops_->setValue(c.loops);
    limits_->setConfig(c);
    tls_->setConfig(c);
    io_->setCurrentIndex(io_->findData(QString::fromLatin1(ioModeName(c.io))));
    ticks_->setValue(c.serviceOptions.ticks);
    interval_->setValue(c.serviceOptions.intervalMs);
    terminator_->setCurrentIndex(terminator_->findData(int(c.serviceOptions.terminator)));
    root_->setText(QString::fromStdString(c.serviceOptions.root));
    refreshing_ = false;
    refresh();
}

QString ServerForm::pathProblem() const {
    if (!isUnixDomain(protocolOf(protocol_))) return {};
    const QString path = path_->text().trimmed();
    if (path.isEmpty()) return tr("Enter the socket path, e.g. /tmp/echo.sock.");
    try {
        (void)Address::unixPath(path.toStdString());
    } catch (const Error& e) {
        return ErrorText::sentence(e);
    }
    return {};
}

QString ServerForm::bindProblem() const {
    if (isUnixDomain(protocolOf(protocol_))) return {};  // no bind address: a path
    const QString ip = bind_->currentText().trimmed();
    if (ip == QLatin1String("localhost")) return {};
    try {
        (void)Address::fromIp(ip.toStdString(), 0);
    } catch (const Error&) {
        return tr("\"%1\" is not an IP address: use 127.0.0.1, 0.0.0.0, ::1 or ::.").arg(ip);
    }
    return {};
}

QString ServerForm::rootProblem() const {
    const QString root = root_->text().trimmed();
    if (service_->currentText() != QLatin1String("http") || root.isEmpty() || QDir(root).exists())
        return {};
    return tr("The root folder \"%1\" does not exist.").arg(root);
}

QString ServerForm::problem() const {
    if (QString why = bindProblem(); !why.isEmpty()) return why;
    if (QString why = pathProblem(); !why.isEmpty()) return why;
    if (QString why = rootProblem(); !why.isEmpty()) return why;
    if (QString why = limits_->problem(); !why.isEmpty()) return why;
    if (QString why = tls_->problem(); !why.isEmpty()) return why;
    if (QString why = listeners_->validationError(); !why.isEmpty()) return why;
    const ServerConfig c = config();
    if (c.loops > 1 && std::any_of(c.listeners.begin(), c.listeners.end(),
                                   [](const auto& l) { return l.protocol == Protocol::Unix; }))
        return tr(
            "%n loop(s) cannot share a Unix stream socket: its path names one socket, "
            "while loops share a TCP port (SO_REUSEPORT). Set Loops to 1 or listen on TCP.",
            nullptr, c.loops);
    for (const auto& l : c.listeners) {
        const QString why = RefusalText::why(c.model, l.service, l.protocol, c.listeners.size());
        if (!why.isEmpty()) return why;
    }
    return {};
}

void ServerForm::updateRefusedItems() {
    const std::string model = model_->currentText().toStdString();
    const std::string service = service_->currentText().toStdString();
    const Protocol protocol = protocolOf(protocol_);
    const size_t count = 1 + static_cast<size_t>(listeners_->count());
    for (int i = 0; i < model_->count(); ++i) {
        const std::string item = model_->itemText(i).toStdString();
        setItemRefused(model_, i, RefusalText::why(item, service, protocol, count));
    }
    for (int i = 0; i < service_->count(); ++i) {
        const std::string item = service_->itemText(i).toStdString();
        setItemRefused(service_, i, RefusalText::why(model, item, protocol, count));
    }
    for (Protocol p : {Protocol::Tcp, Protocol::Udp, Protocol::Unix, Protocol::UnixDgram})
        setItemRefused(protocol_, int(p), RefusalText::why(model, service, p, count));
}

void ServerForm::refresh() {
    if (refreshing_) return;
    refreshing_ = true;
    updateRefusedItems();
    const QString service = service_->currentText();
    form_->setRowVisible(ticks_, service == QLatin1String("clock"));
    form_->setRowVisible(interval_, service == QLatin1String("clock"));
    form_->setRowVisible(terminator_, service == QLatin1String("clock"));
    form_->setRowVisible(rootRow_, service == QLatin1String("http"));
    refreshLimits();
    poolSize_->setEnabled(model_->currentText() == QLatin1String("pool"));
    loops_->setEnabled(model_->currentText() == QLatin1String("epoll") ||
                       model_->currentText() == QLatin1String("io_uring"));
    const bool local = isUnixDomain(protocolOf(protocol_));
    sockopts_->setProtocol(protocolOf(protocol_));
    form_->setRowVisible(bind_, !local);
    form_->setRowVisible(port_, !local);
    form_->setRowVisible(path_, local);
    refreshIoBox();

    // Bad fields are marked where they are, the first problem also below.
    const QString badBind = bindProblem();
    bind_->setStyleSheet(
        badBind.isEmpty() ? QString() : QStringLiteral("QComboBox { border: 1px solid #c01c28; }"));
    bindError_->setText(badBind);
    form_->setRowVisible(bindError_, !badBind.isEmpty());
    formstyle::markInvalid(path_, !pathProblem().isEmpty());
    root_->setStyleSheet(rootProblem().isEmpty() ? QString()
                                                 : QStringLiteral("border: 1px solid #c01c28;"));
    const QString why = problem();
    problem_->setText(why);
    problem_->setVisible(!why.isEmpty());
    startButton_->setEnabled(why.isEmpty());
    startButton_->setToolTip(why);
    refreshing_ = false;
}

// The http rows when a listener serves http, the UDP row for datagram listeners.
void ServerForm::refreshLimits() {
    const auto all = config().listeners;
    const auto any = [&all](auto pred) { return std::any_of(all.begin(), all.end(), pred); };
    limits_->setHttpShown(any([](const ListenerConfig& l) { return l.service == "http"; }));
    limits_->setDatagramShown(any([](const ListenerConfig& l) { return !isStream(l.protocol); }));
    limits_->setChatShown(any([](const ListenerConfig& l) { return l.service == "chat"; }));
    tls_->setTcpAvailable(any([](const ListenerConfig& l) { return l.protocol == Protocol::Tcp; }));
    const QString model = model_->currentText();
    limits_->setWorkersEnabled(model == QLatin1String("fork") || model == QLatin1String("thread"));
}

void ServerForm::chooseRoot() {
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Root folder of the HTTP server"), root_->text());
    if (!dir.isEmpty()) root_->setText(dir);
}

}  // namespace sockwb
