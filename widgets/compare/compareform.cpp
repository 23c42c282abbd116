#include "widgets/compare/compareform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "core/server/serverloops.h"

namespace sockwb {

namespace {
const CompareWorkload kWorkloads[] = {CompareWorkload::HttpKeepAlive,
                                      CompareWorkload::HttpNewConnection, CompareWorkload::TcpEcho,
                                      CompareWorkload::UdpEcho};
}  // namespace

CompareForm::CompareForm(QWidget* parent)
    : QWidget(parent),
      workload_(new QComboBox(this)),
      connections_(new QSpinBox(this)),
      loadThreads_(new QSpinBox(this)),
      seconds_(new QDoubleSpinBox(this)),
      poolSize_(new QSpinBox(this)),
      loops_(new QSpinBox(this)),
      payload_(new QSpinBox(this)),
      timeout_(new QDoubleSpinBox(this)),
      tls_(new QCheckBox(tr("Over TL&S"), this)) {
    workload_->setObjectName(QStringLiteral("workloadCombo"));
    for (CompareWorkload w : kWorkloads) {
        workload_->addItem(CompareConfig::label(w), static_cast<int>(w));
        workload_->setItemData(workload_->count() - 1, CompareConfig::description(w),
                               Qt::ToolTipRole);
    }
    workload_->setToolTip(
        tr("What each client does against the server, and which service the server runs"));
    connections_->setObjectName(QStringLiteral("connectionsSpin"));
    connections_->setRange(1, 1000);
    connections_->setToolTip(tr("Clients loading the server at the same time (UDP: sockets)"));
    loadThreads_->setObjectName(QStringLiteral("loadThreadsSpin"));
    loadThreads_->setRange(1, 16);
    loadThreads_->setToolTip(
        tr("Threads of the load generator (one epoll loop each). They share the "
           "machine's cores with the server."));
    seconds_->setObjectName(QStringLiteral("secondsSpin"));
    seconds_->setRange(0.1, 120);
    seconds_->setDecimals(1);
    seconds_->setSingleStep(0.5);
    seconds_->setSuffix(tr(" s"));
    seconds_->setToolTip(tr("Measured load time per model (after a short warm-up)"));
    poolSize_->setObjectName(QStringLiteral("poolSizeSpin"));
    poolSize_->setRange(1, 256);
    poolSize_->setToolTip(
        tr("Worker threads of the pool model: clients beyond them wait in its queue"));
    loops_->setObjectName(QStringLiteral("loopsSpin"));
    loops_->setRange(1, kMaxServerLoops);
    loops_->setToolTip(
        tr("Event loops of the epoll and io_uring models, each on its own thread with its own "
           "SO_REUSEPORT listener (as nginx's worker_processes); about as many as the cores. "
           "Their rows say how many."));
    payload_->setObjectName(QStringLiteral("payloadSpin"));
    payload_->setRange(1, 1 << 20);
    payload_->setSuffix(tr(" bytes"));
    payload_->setToolTip(tr("Echo workloads: bytes sent (and echoed back) per round trip"));
    timeout_->setObjectName(QStringLiteral("timeoutSpin"));
    timeout_->setRange(0.05, 60);
    timeout_->setDecimals(2);
    timeout_->setSuffix(tr(" s"));
    timeout_->setToolTip(
        tr("A request unanswered for this long counts as an error (a client stuck in an "
           "iterative server's listen queue, for instance)"));

    tls_->setObjectName(QStringLiteral("tlsCheck"));

    auto* load = new QGroupBox(tr("Workload"), this);
    auto* form = new QFormLayout(load);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Workload:"), workload_);
    form->addRow(tr("&Connections:"), connections_);
    form->addRow(tr("Load &threads:"), loadThreads_);
    form->addRow(tr("&Time per model:"), seconds_);
    form->addRow(tr("&Pool size:"), poolSize_);
    form->addRow(tr("L&oops:"), loops_);
    form->addRow(tr("Pa&yload:"), payload_);
    form->addRow(tr("Request t&imeout:"), timeout_);
    form->addRow(QString(), tls_);

    auto* modelsBox = new QGroupBox(tr("Models"), this);
    auto* grid = new QGridLayout(modelsBox);
    int i = 0;
    for (const std::string& name : modelNames()) {
        const QString model = QString::fromStdString(name);
        auto* box = new QCheckBox(model, modelsBox);
        box->setObjectName(QStringLiteral("model_") + model);
        box->setChecked(true);
        grid->addWidget(box, i / 4, i % 4);
        models_.insert(model, box);
        order_ << model;
        connect(box, &QCheckBox::toggled, this, &CompareForm::changed);
        ++i;
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(load);
    layout->addWidget(modelsBox);

    connect(tls_, &QCheckBox::toggled, this, &CompareForm::changed);
    connect(workload_, &QComboBox::currentIndexChanged, this, [this] {
        updateModels();
        emit changed();
    });
    setConfig(CompareConfig{});
}

void CompareForm::updateModels() {
    const auto w = static_cast<CompareWorkload>(workload_->currentData().toInt());
    for (const QString& model : order_) {
        QCheckBox* box = models_.value(model);
        const QString why = CompareConfig::whyRefused(model, w);
        box->setEnabled(why.isEmpty());
        box->setToolTip(why.isEmpty() ? tr("Run the %1 model").arg(model)
                                      : tr("Not available for this workload: %1").arg(why));
    }
    payload_->setEnabled(w == CompareWorkload::TcpEcho || w == CompareWorkload::UdpEcho);
    const bool tls = CompareConfig::supportsTls(w);
    tls_->setEnabled(tls);
    tls_->setToolTip(
        tls ? tr("Every model serves over TLS (the self-signed certificate for localhost) and "
                 "every client connection makes a full TLS handshake: the cost of the "
                 "encryption and of the handshakes, model by model")
            : tr("TLS runs over TCP: the UDP workload stays plain"));
}

CompareConfig CompareForm::config() const {
    CompareConfig c;
    c.workload = static_cast<CompareWorkload>(workload_->currentData().toInt());
    for (const QString& model : order_) {
        const QCheckBox* box = models_.value(model);
        if (box->isEnabledTo(this) && box->isChecked()) c.models << model;
    }
    c.connections = connections_->value();
    c.loadThreads = loadThreads_->value();
    c.secondsMs = static_cast<int>(std::lround(seconds_->value() * 1000));
    c.poolSize = poolSize_->value();
    c.loops = loops_->value();
    c.payload = payload_->value();
    c.timeoutMs = static_cast<int>(std::lround(timeout_->value() * 1000));
    c.tls = tls_->isEnabledTo(this) && tls_->isChecked();
    return c;
}

void CompareForm::setConfig(const CompareConfig& c) {
    const int index = workload_->findData(static_cast<int>(c.workload));
    workload_->setCurrentIndex(index < 0 ? 0 : index);
    connections_->setValue(c.connections);
    loadThreads_->setValue(c.loadThreads);
    seconds_->setValue(c.secondsMs / 1000.0);
    poolSize_->setValue(c.poolSize);
    loops_->setValue(c.loops);
    payload_->setValue(c.payload);
    timeout_->setValue(c.timeoutMs / 1000.0);
    tls_->setChecked(c.tls);
    for (const QString& model : order_)
        models_.value(model)->setChecked(c.models.isEmpty() || c.models.contains(model));
    updateModels();
    emit changed();
}

}  // namespace sockwb
