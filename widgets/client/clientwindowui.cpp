// ClientWindow's widgets and their wiring: the target row, the tabs, the
// signal connections. The rest of ClientWindow is in clientwindow.cpp.

#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cerrno>

#include "widgets/client/clientoptionsrow.h"
#include "widgets/client/clientsockopts.h"
#include "widgets/client/clientwindow.h"
#include "widgets/client/dataview.h"
#include "widgets/client/scriptpanel.h"
#include "widgets/client/sendpanel.h"
#include "widgets/client/shutdownbutton.h"
#include "widgets/client/tcpstatusbox.h"
#include "widgets/common/errortext.h"
#include "widgets/common/formstyle.h"
#include "widgets/common/presentationhooks.h"
#include "widgets/export/exportdialog.h"
#include "widgets/relay/relaytargetbutton.h"
#include "widgets/sequence/sequencetab.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

using formstyle::markInvalid;

void ClientWindow::buildUi() {
    QHBoxLayout* target = buildTargetRow();
    buildTabs();
    tcpStatus_ = new TcpStatusBox(this);
    sockopts_ = new ClientSockopts(session_, dataView_, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(target);
    layout->addWidget(optionsRow_);
    layout->addWidget(sockopts_->box());
    layout->addWidget(statusLabel_);
    layout->addWidget(tabs_, 1);
    layout->addWidget(tcpStatus_);
    layout->addWidget(counters_);
    connectSignals();
}

// Protocol, host, port, Connect and Shut down; the options row, the status
// and counters.
QHBoxLayout* ClientWindow::buildTargetRow() {
    protocol_ = new QComboBox(this);
    protocol_->setObjectName(QStringLiteral("protocol"));
    protocol_->addItem(tr("TCP"));
    protocol_->addItem(tr("UDP"));
    protocol_->addItem(tr("Unix stream"));
    protocol_->addItem(tr("Unix datagram"));
    protocol_->setItemData(2,
                           tr("AF_UNIX, SOCK_STREAM: a server on this machine, by its socket path"),
                           Qt::ToolTipRole);
    protocol_->setItemData(3,
                           tr("AF_UNIX, SOCK_DGRAM: this client autobinds a name so that the "
                              "server can answer"),
                           Qt::ToolTipRole);
    path_ = new QLineEdit(this);
    path_->setObjectName(QStringLiteral("socketPath"));
    path_->setPlaceholderText(tr("socket path, e.g. /tmp/echo.sock"));
    path_->setToolTip(tr("The server's socket file, or @name for an abstract name"));
    host_ = new QLineEdit(QStringLiteral("127.0.0.1"), this);
    host_->setObjectName(QStringLiteral("host"));
    host_->setToolTip(tr("A name or an address: 127.0.0.1, ::1, localhost"));
    port_ = new QLineEdit(this);
    port_->setObjectName(QStringLiteral("port"));
    port_->setValidator(new QIntValidator(1, 65535, port_));
    port_->setPlaceholderText(tr("port"));
    port_->setMaximumWidth(90);
    connectButton_ = new QPushButton(tr("&Connect"), this);
    connectButton_->setObjectName(QStringLiteral("connectButton"));
    shutdownButton_ = new ShutdownButton(this);
    optionsRow_ = new ClientOptionsRow(this);
    statusLabel_ = new QLabel(this);
    statusLabel_->setObjectName(QStringLiteral("statusLabel"));
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    counters_ = new QLabel(this);
    counters_->setObjectName(QStringLiteral("counters"));
    PresentationHooks::emphasize(statusLabel_);  // big in a lecture room
    PresentationHooks::emphasize(counters_);

    ipTarget_ = new QWidget(this);
    auto* ip = new QHBoxLayout(ipTarget_);
    ip->setContentsMargins(0, 0, 0, 0);
    ip->addWidget(host_, 1);
    ip->addWidget(new QLabel(QStringLiteral(":"), ipTarget_));
    ip->addWidget(port_);
    auto* target = new QHBoxLayout;
    target->addWidget(protocol_);
    target->addWidget(ipTarget_, 1);
    target->addWidget(path_, 1);
    auto* viaRelay = new RelayTargetButton(this);  // fills host, port and protocol
    connect(viaRelay, &RelayTargetButton::chosen, this, &ClientWindow::setTarget);
    target->addWidget(viaRelay);
    target->addWidget(connectButton_);
    target->addWidget(shutdownButton_);
    auto* exportCode = new QPushButton(tr("Export as Code..."), this);
    exportCode->setObjectName(QStringLiteral("exportCode"));
    exportCode->setToolTip(tr("The C (or Python) program that does what this window does"));
    connect(exportCode, &QPushButton::clicked, this,
            [this] { ExportDialog::openForClient(formConfig(), framing(), script(), this); });
    target->addWidget(exportCode);
    return target;
}

// Session (received data over the send panel), Trace, Sequence and Script.
void ClientWindow::buildTabs() {
    dataView_ = new DataView(this);
    sendPanel_ = new SendPanel(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(dataView_);
    splitter->addWidget(sendPanel_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* trace = new TraceView(this, 5000);
    trace->attach(session_->traceAdapter());
    traceView_ = trace;
    traceView_->setObjectName(QStringLiteral("traceView"));

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("tabs"));
    tabs_->addTab(splitter, tr("&Session"));
    tabs_->addTab(traceView_, tr("T&race"));
    sequenceTab_ = new SequenceTab(session_->traceAdapter(), trace, this);
    tabs_->addTab(sequenceTab_, tr("Se&quence"));
    scriptPanel_ = new ScriptPanel(this);
    scriptPanel_->setObjectName(QStringLiteral("scriptPanel"));
    tabs_->addTab(scriptPanel_, tr("Scr&ipt"));
}

TraceView* ClientWindow::traceView() const { return static_cast<TraceView*>(traceView_); }

QString ClientWindow::targetHost() const {
    return isUnixDomain(selectedProtocol()) ? path_->text() : host_->text();
}

quint16 ClientWindow::targetPort() const {
    const uint port = port_->text().toUInt();
    return isUnixDomain(selectedProtocol()) || port > 65535 ? 0 : static_cast<quint16>(port);
}

void ClientWindow::connectSignals() {
    connect(connectButton_, &QPushButton::clicked, this, [this] {
        const auto s = session_->state();
        if (s == ClientSession::State::Connected || s == ClientSession::State::Connecting)
            disconnectFromHost();
        else
            connectFromForm();
    });
    connect(shutdownButton_, &ShutdownButton::requested, this, &ClientWindow::requestShutdown);
    connect(host_, &QLineEdit::returnPressed, this, &ClientWindow::connectFromForm);
    connect(port_, &QLineEdit::returnPressed, this, &ClientWindow::connectFromForm);
    connect(host_, &QLineEdit::textChanged, this, [this] {
        markInvalid(host_, false);
        updateTitle();
    });
    connect(port_, &QLineEdit::textChanged, this, [this] {
        markInvalid(port_, false);
        updateTitle();
    });
    connect(path_, &QLineEdit::returnPressed, this, &ClientWindow::connectFromForm);
    connect(path_, &QLineEdit::textChanged, this, [this] {
        markInvalid(path_, false);
        updateTitle();
    });
    connect(protocol_, &QComboBox::currentIndexChanged, this, [this] {
        updateTargetFields();
        updateTitle();
    });
    updateTargetFields();
}

}  // namespace sockwb
