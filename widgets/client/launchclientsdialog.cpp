#include "widgets/client/launchclientsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/client/clientwindow.h"
#include "widgets/client/headlessclients.h"
#include "widgets/client/sendpanel.h"
#include "widgets/client/windowplacement.h"
#include "widgets/common/formstyle.h"

namespace sockwb {

namespace {
// Windows created per zero-timer tick: each tick returns to the event loop,
// so the GUI repaints and stays responsive while 100 windows appear.
constexpr int kWindowsPerBatch = 1;
const char* kSettingsGroup = "launchClients";
}  // namespace

LaunchClientsDialog::LaunchClientsDialog(QWidget* parent)
    : QDialog(parent), headless_(new HeadlessClients(this)) {
    setWindowTitle(tr("Launch Clients"));
    buildUi();
    batchTimer_.setInterval(0);
    connect(&batchTimer_, &QTimer::timeout, this, &LaunchClientsDialog::createWindowBatch);
    connect(headless_, &HeadlessClients::progressChanged, this, &LaunchClientsDialog::onProgress);
    connect(headless_, &HeadlessClients::finished, this, &LaunchClientsDialog::updateEnabled);
    loadSettings();
    updateEnabled();
    resize(760, 560);
}

LaunchClientsDialog::~LaunchClientsDialog() { batchTimer_.stop(); }

void LaunchClientsDialog::buildUi() {
    QFormLayout* form = buildForm();
    QDialogButtonBox* buttons = buildButtons();
    buildResults();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(progress_);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);

    connect(startButton_, &QPushButton::clicked, this, &LaunchClientsDialog::launch);
    connect(stopButton_, &QPushButton::clicked, this, &LaunchClientsDialog::stopAll);
    connect(closeWindowsButton_, &QPushButton::clicked, this, &LaunchClientsDialog::closeWindows);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(asWindows_, &QRadioButton::toggled, this, &LaunchClientsDialog::updateEnabled);
    connect(scenario_, &QComboBox::currentIndexChanged, this, &LaunchClientsDialog::updateEnabled);
    connect(host_, &QLineEdit::textChanged, this, [this] { formstyle::markInvalid(host_, false); });
}

QFormLayout* LaunchClientsDialog::buildForm() {
    protocol_ = new QComboBox(this);
    protocol_->setObjectName(QStringLiteral("protocol"));
    protocol_->addItem(tr("TCP"));
    protocol_->addItem(tr("UDP"));
    // Unix-domain: the host field holds the socket path, the port is unused.
    protocol_->addItem(tr("Unix stream"));
    protocol_->addItem(tr("Unix datagram"));
    host_ = new QLineEdit(QStringLiteral("127.0.0.1"), this);
    host_->setObjectName(QStringLiteral("host"));
    port_ = new QSpinBox(this);
    port_->setObjectName(QStringLiteral("port"));
    port_->setRange(1, 65535);
    port_->setValue(7);
    count_ = new QSpinBox(this);
    count_->setObjectName(QStringLiteral("count"));
    count_->setRange(1, 500);
    count_->setValue(10);
    scenario_ = new QComboBox(this);
    scenario_->setObjectName(QStringLiteral("scenario"));
    scenario_->addItem(tr("Bonjour… until Au Revoir (clock service)"), int(Scenario::Bonjour));
    scenario_->addItem(tr("Echo ping every interval (round-trip time)"), int(Scenario::EchoPing));
    scenario_->addItem(tr("Chat bot: a line every interval"), int(Scenario::ChatBot));
    scenario_->addItem(tr("Hold the connection, idle"), int(Scenario::HoldIdle));
    interval_ = new QSpinBox(this);
    interval_->setObjectName(QStringLiteral("interval"));
    interval_->setRange(10, 600000);
    interval_->setValue(1000);
    interval_->setSuffix(tr(" ms"));
    chatFormat_ = new QComboBox(this);
    chatFormat_->setObjectName(QStringLiteral("chatFormat"));
    chatFormat_->addItem(tr("[time]nick:message (course)"), int(ChatFormat::Course));
    chatFormat_->addItem(tr("[HH:MM:SS] nick: message"), int(ChatFormat::Clock));
    asWindows_ = new QRadioButton(tr("As client &windows"), this);
    asWindows_->setObjectName(QStringLiteral("asWindows"));
    headlessMode_ = new QRadioButton(tr("&Headless, in a table"), this);
    headlessMode_->setObjectName(QStringLiteral("headless"));
    headlessMode_->setChecked(true);
    placement_ = new QComboBox(this);
    placement_->setObjectName(QStringLiteral("placement"));
    placement_->addItem(tr("Cascaded"));
    placement_->addItem(tr("Tiled"));

    auto* form = new QFormLayout;
    auto* target = new QHBoxLayout;
    target->addWidget(protocol_);
    target->addWidget(host_, 1);
    target->addWidget(port_);
    form->addRow(tr("Target:"), target);
    form->addRow(tr("Clients:"), count_);
    form->addRow(tr("Scenario:"), scenario_);
    form->addRow(tr("Interval:"), interval_);
    form->addRow(tr("Chat format:"), chatFormat_);
    auto* mode = new QHBoxLayout;
    mode->addWidget(headlessMode_);
    mode->addWidget(asWindows_);
    mode->addWidget(placement_);
    mode->addStretch();
    form->addRow(tr("Run:"), mode);
    return form;
}

QDialogButtonBox* LaunchClientsDialog::buildButtons() {
    startButton_ = new QPushButton(tr("&Start"), this);
    startButton_->setObjectName(QStringLiteral("startButton"));
    startButton_->setDefault(true);
    stopButton_ = new QPushButton(tr("S&top"), this);
    stopButton_->setObjectName(QStringLiteral("stopButton"));
    closeWindowsButton_ = new QPushButton(tr("Close &windows"), this);
    closeWindowsButton_->setObjectName(QStringLiteral("closeWindowsButton"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(startButton_, QDialogButtonBox::ActionRole);
    buttons->addButton(stopButton_, QDialogButtonBox::ActionRole);
    buttons->addButton(closeWindowsButton_, QDialogButtonBox::ActionRole);
    return buttons;
}

// The progress bar, the summary line and the table of headless clients.
void LaunchClientsDialog::buildResults() {
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("progress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("summary"));
    summary_->setWordWrap(true);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("clientsTable"));
    table_->setModel(headless_);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    // Fixed widths: sizing 500 rows to their contents at every refresh would cost.
    const int em = table_->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {4, 13, 6, 6, 8, 11, 14};
    for (int c = 0; c < int(std::size(widths)); ++c) table_->setColumnWidth(c, widths[c] * em);
}

void LaunchClientsDialog::setTarget(const QString& host, quint16 port, const QString& protocol) {
    host_->setText(host);
    port_->setValue(port);
    // The entries are in Protocol's order; an unknown word keeps TCP.
    protocol_->setCurrentIndex(int(parseProtocolOr(protocol.toStdString(), Protocol::Tcp)));
}

SwarmConfig LaunchClientsDialog::configFromForm(bool* ok) {
    SwarmConfig config;
    config.target.protocol = protocolAt(protocol_->currentIndex());
    config.target.host = host_->text().trimmed().toStdString();
    config.target.port = static_cast<uint16_t>(port_->value());
    config.count = count_->value();
    config.scenario = static_cast<Scenario>(scenario_->currentData().toInt());
    config.intervalMs = interval_->value();
    config.chatFormat = static_cast<ChatFormat>(chatFormat_->currentData().toInt());
    *ok = !config.target.host.empty();
    if (!*ok) {
        formstyle::markInvalid(host_, true);
        summary_->setText(tr("Enter the host to connect to."));
    }
    return config;
}

bool LaunchClientsDialog::launch() {
    bool ok = false;
    SwarmConfig config = configFromForm(&ok);
    if (!ok) return false;
    saveSettings();
    if (asWindows_->isChecked()) {
        windowConfig_ = config;
        pendingWindows_ = config.count;
        windowsCreated_ = 0;
        windowsTotal_ = config.count;
        // New windows continue the cascade of the ones still open.
        windows_.removeAll(nullptr);
        placementBase_ = static_cast<int>(windows_.size());
        progress_->setRange(0, windowsTotal_);
        progress_->setValue(0);
        summary_->setText(tr("Opening %n client window(s)…", nullptr, windowsTotal_));
        batchTimer_.start();
    } else {
        QString error;
        progress_->setRange(0, config.count);
        progress_->setValue(0);
        if (!headless_->start(config, &error)) {
            summary_->setText(error);
            return false;
        }
    }
    updateEnabled();
    return true;
}

void LaunchClientsDialog::createWindowBatch() {
    const auto mode = placement_->currentIndex() == 1 ? WindowPlacement::Mode::Tile
                                                      : WindowPlacement::Mode::Cascade;
    const QRect area = WindowPlacement::availableArea(this);
    const QString host = QString::fromStdString(windowConfig_.target.host);
    const QString protocol = QString::fromLatin1(protocolName(windowConfig_.target.protocol));
    for (int k = 0; k < kWindowsPerBatch && pendingWindows_ > 0; ++k, --pendingWindows_) {
        const int index = placementBase_ + windowsCreated_;
        auto* w = ClientWindow::open(host, windowConfig_.target.port, protocol);
        w->setGeometry(WindowPlacement::place(mode, index, placementBase_ + windowsTotal_,
                                              QSize(560, 440), area));
        if (windowConfig_.scenario == Scenario::ChatBot) {
            w->sendPanel()->setNickname(QStringLiteral("bot%1").arg(index + 1));
            w->sendPanel()->setChatFormat(windowConfig_.chatFormat);
        }
        w->setScenario(windowConfig_.scenario, windowConfig_.intervalMs);
        w->connectFromForm();
        windows_.append(w);
        ++windowsCreated_;
        emit windowOpened(w);
    }
    progress_->setValue(windowsCreated_);
    if (pendingWindows_ <= 0) {
        batchTimer_.stop();
        summary_->setText(tr("%n client window(s) opened.", nullptr, windowsCreated_));
        updateEnabled();
    }
}

void LaunchClientsDialog::onProgress(int reached, int failed, int total) {
    progress_->setRange(0, std::max(total, 1));
    progress_->setValue(reached);
    const bool bonjour =
        static_cast<Scenario>(scenario_->currentData().toInt()) == Scenario::Bonjour;
    summary_->setText(
        (bonjour ? tr("%1 of %2 clients received \"Au Revoir\"") : tr("%1 of %2 clients connected"))
            .arg(reached)
            .arg(total) +
        (failed ? tr(", %n failed (see the Error column)", nullptr, failed) : QString()));
    if (!headless_->isRunning()) updateEnabled();
}

void LaunchClientsDialog::stopAll() {
    batchTimer_.stop();
    pendingWindows_ = 0;
    headless_->stop();
    updateEnabled();
}

void LaunchClientsDialog::closeWindows() {
    stopAll();
    for (const auto& w : windows_)
        if (w) w->close();
    windows_.clear();
}

QList<ClientWindow*> LaunchClientsDialog::windows() const {
    QList<ClientWindow*> out;
    for (const auto& w : windows_)
        if (w) out.append(w.data());
    return out;
}

void LaunchClientsDialog::updateEnabled() {
    const bool running = headless_->isRunning() || batchTimer_.isActive();
    startButton_->setEnabled(!running);
    stopButton_->setEnabled(running);
    placement_->setEnabled(asWindows_->isChecked());
    table_->setVisible(!asWindows_->isChecked());
    const auto s = static_cast<Scenario>(scenario_->currentData().toInt());
    interval_->setEnabled(s == Scenario::EchoPing || s == Scenario::ChatBot);
    chatFormat_->setEnabled(s == Scenario::ChatBot);
    closeWindowsButton_->setEnabled(!windows().isEmpty() || batchTimer_.isActive());
}

void LaunchClientsDialog::loadSettings() {
    QSettings s;
    s.beginGroup(QLatin1String(kSettingsGroup));
    protocol_->setCurrentIndex(s.value(QStringLiteral("protocol"), 0).toInt());
    host_->setText(s.value(QStringLiteral("host"), QStringLiteral("127.0.0.1")).toString());
    port_->setValue(s.value(QStringLiteral("port"), 7).toInt());
    count_->setValue(s.value(QStringLiteral("count"), 10).toInt());
    scenario_->setCurrentIndex(s.value(QStringLiteral("scenario"), 0).toInt());
    interval_->setValue(s.value(QStringLiteral("intervalMs"), 1000).toInt());
    chatFormat_->setCurrentIndex(
        std::max(0, chatFormat_->findData(s.value(QStringLiteral("chatFormat"), 0).toInt())));
    asWindows_->setChecked(s.value(QStringLiteral("windows"), false).toBool());
    headlessMode_->setChecked(!asWindows_->isChecked());
    placement_->setCurrentIndex(s.value(QStringLiteral("placement"), 0).toInt());
}

void LaunchClientsDialog::saveSettings() const {
    QSettings s;
    s.beginGroup(QLatin1String(kSettingsGroup));
    s.setValue(QStringLiteral("protocol"), protocol_->currentIndex());
    s.setValue(QStringLiteral("host"), host_->text());
    s.setValue(QStringLiteral("port"), port_->value());
    s.setValue(QStringLiteral("count"), count_->value());
    s.setValue(QStringLiteral("scenario"), scenario_->currentIndex());
    s.setValue(QStringLiteral("intervalMs"), interval_->value());
    s.setValue(QStringLiteral("chatFormat"), chatFormat_->currentData().toInt());
    s.setValue(QStringLiteral("windows"), asWindows_->isChecked());
    s.setValue(QStringLiteral("placement"), placement_->currentIndex());
}

}  // namespace sockwb
