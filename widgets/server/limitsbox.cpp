#include "widgets/server/limitsbox.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

#include "core/server/outputlimit.h"

namespace sockwb {

namespace {

QSpinBox* spin(QWidget* parent, const char* name, int max, const QString& zero,
               const QString& tip) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(0, max);
    box->setSpecialValueText(zero);
    box->setToolTip(tip);
    return box;
}

QSpinBox* timeout(QWidget* parent, const char* name, const QString& zero, const QString& tip) {
    QSpinBox* box = spin(parent, name, 86400000, zero, tip);
    box->setSuffix(LimitsBox::tr(" ms"));
    box->setSingleStep(1000);
    return box;
}

const int kDefaultBudgetMiB = int(ServerConfig::kDefaultMemoryBudget >> 20);

}  // namespace

LimitsBox::LimitsBox(QWidget* parent)
    : QGroupBox(tr("Limits and timeouts"), parent),
      form_(new QFormLayout(this)),
      maxConnections_(spin(this, "maxConnectionsBox", 100000, tr("no limit"),
                           tr("Over this many clients at once, a new one is accepted and closed "
                              "at once (logged)."))),
      maxWorkers_(spin(this, "maxWorkersBox", 100000, tr("no limit"),
                       tr("Fork: child processes, thread: client threads alive at once. Over it "
                          "a client is accepted, then closed with a line in the log."))),
      memoryBudget_(spin(this, "memoryBudgetBox", 1 << 20, tr("no limit"),
                         tr("Memory all connections together may hold (output and request "
                            "buffers): reads pause when it is reached"))),
      idleTimeout_(timeout(this, "idleTimeoutBox", tr("none"),
                           tr("Closes a connection that receives and sends nothing for this "
                              "long. Any byte received starts it again, so alone it does not "
                              "stop a client that sends one byte at a time."))),
      headerTimeout_(timeout(this, "headerTimeoutBox", tr("none"),
                             tr("HTTP: the whole request head must arrive within this time of "
                                "its first byte, however the bytes trickle in (slowloris); "
                                "else 408 Request Timeout and close."))),
      bodyTimeout_(timeout(this, "bodyTimeoutBox", tr("none"),
                           tr("HTTP: the longest wait between two reads of a request body; "
                              "else 408 Request Timeout and close."))),
      keepAliveTimeout_(timeout(this, "keepAliveTimeoutBox", tr("never"),
                                tr("HTTP: a connection waiting this long for its next request "
                                   "(or its first) is closed without an answer."))),
      udpRate_(spin(this, "udpRateBox", 100000000, tr("no limit"),
                    tr("UDP: replies a second to one address (bursts of twice that). Datagrams "
                       "from well-known service ports or from the server's own address are "
                       "never answered; with this limit a reflection loop between two services "
                       "ends at once. A load test from this machine needs \"no limit\"."))),
      outputLimit_(new QLineEdit(this)) {
    outputLimit_->setObjectName(QStringLiteral("outputLimitEdit"));
    outputLimit_->setToolTip(
        tr("Chat: a client with more than HARD bytes queued for it, or more than SOFT for "
           "SECONDS, does not read and is closed. Sizes in bytes or with K, M, G; 0 turns a "
           "limit off."));
    connect(outputLimit_, &QLineEdit::textChanged, this, &LimitsBox::changed);
    udpRate_->setSuffix(tr(" /s"));
    memoryBudget_->setSuffix(tr(" MiB"));
    setObjectName(QStringLiteral("limitsBox"));
    form_->addRow(tr("Max connections:"), maxConnections_);
    form_->addRow(tr("Max workers:"), maxWorkers_);
    form_->addRow(tr("Memory budget:"), memoryBudget_);
    form_->addRow(tr("Idle timeout:"), idleTimeout_);
    form_->addRow(tr("Header timeout:"), headerTimeout_);
    form_->addRow(tr("Body timeout:"), bodyTimeout_);
    form_->addRow(tr("Keep-alive timeout:"), keepAliveTimeout_);
    form_->addRow(tr("UDP replies per address:"), udpRate_);
    form_->addRow(tr("Output limit (HARD,SOFT,SECONDS):"), outputLimit_);
    setConfig(ServerConfig{});
}

void LimitsBox::apply(ServerConfig& c) const {
    c.maxConnections = maxConnections_->value();
    c.maxWorkers = maxWorkers_->value();
    c.memoryBudget = uint64_t(memoryBudget_->value()) << 20;
    c.idleTimeoutMs = idleTimeout_->value();
    c.serviceOptions.headerTimeoutMs = headerTimeout_->value();
    c.serviceOptions.bodyTimeoutMs = bodyTimeout_->value();
    c.serviceOptions.keepAliveTimeoutMs = keepAliveTimeout_->value();
    c.udpRepliesPerSecond = udpRate_->value();
    if (auto limit = parseOutputLimit(outputLimit_->text().trimmed().toStdString()))
        c.outputLimit = *limit;
}

void LimitsBox::setConfig(const ServerConfig& c) {
    maxConnections_->setValue(c.maxConnections);
    maxWorkers_->setValue(c.maxWorkers);
    memoryBudget_->setValue(int((c.memoryBudget + (1 << 20) - 1) >> 20));
    idleTimeout_->setValue(c.idleTimeoutMs);
    headerTimeout_->setValue(c.serviceOptions.headerTimeoutMs);
    bodyTimeout_->setValue(c.serviceOptions.bodyTimeoutMs);
    keepAliveTimeout_->setValue(c.serviceOptions.keepAliveTimeoutMs);
    udpRate_->setValue(c.udpRepliesPerSecond);
    outputLimit_->setText(QString::fromStdString(outputLimitText(c.outputLimit)));
}

void LimitsBox::setHttpShown(bool shown) {
    for (QSpinBox* box : {headerTimeout_, bodyTimeout_, keepAliveTimeout_})
        form_->setRowVisible(box, shown);
}

void LimitsBox::setWorkersEnabled(bool enabled) { maxWorkers_->setEnabled(enabled); }

void LimitsBox::setChatShown(bool shown) { form_->setRowVisible(outputLimit_, shown); }

QString LimitsBox::problem() const {
    const QString text = outputLimit_->text().trimmed();
    if (parseOutputLimit(text.toStdString())) return {};
    return tr("Output limit \"%1\": expected HARD[,SOFT,SECONDS], e.g. 8M,2M,60 (SOFT below "
              "HARD; 0 turns a limit off).")
        .arg(text);
}

void LimitsBox::setDatagramShown(bool shown) { form_->setRowVisible(udpRate_, shown); }

void LimitsBox::save(QSettings& s, const QString& group) const {
    s.setValue(group + QStringLiteral("maxConnections"), maxConnections_->value());
    s.setValue(group + QStringLiteral("maxWorkers"), maxWorkers_->value());
    s.setValue(group + QStringLiteral("memoryBudgetMiB"), memoryBudget_->value());
    s.setValue(group + QStringLiteral("idleTimeout"), idleTimeout_->value());
    s.setValue(group + QStringLiteral("headerTimeout"), headerTimeout_->value());
    s.setValue(group + QStringLiteral("bodyTimeout"), bodyTimeout_->value());
    s.setValue(group + QStringLiteral("keepAliveTimeout"), keepAliveTimeout_->value());
    s.setValue(group + QStringLiteral("udpRate"), udpRate_->value());
    s.setValue(group + QStringLiteral("outputLimit"), outputLimit_->text().trimmed());
}

void LimitsBox::load(const QSettings& s, const QString& group) {
    const ServerConfig d;
    const auto value = [&](const char* key, int fallback) {
        return s.value(group + QLatin1String(key), fallback).toInt();
    };
    maxConnections_->setValue(value("maxConnections", d.maxConnections));
    maxWorkers_->setValue(value("maxWorkers", d.maxWorkers));
    memoryBudget_->setValue(value("memoryBudgetMiB", kDefaultBudgetMiB));
    idleTimeout_->setValue(value("idleTimeout", d.idleTimeoutMs));
    headerTimeout_->setValue(value("headerTimeout", d.serviceOptions.headerTimeoutMs));
    bodyTimeout_->setValue(value("bodyTimeout", d.serviceOptions.bodyTimeoutMs));
    keepAliveTimeout_->setValue(value("keepAliveTimeout", d.serviceOptions.keepAliveTimeoutMs));
    udpRate_->setValue(value("udpRate", d.udpRepliesPerSecond));
    outputLimit_->setText(s.value(group + QStringLiteral("outputLimit"),
                                  QString::fromStdString(outputLimitText(d.outputLimit)))
                              .toString());
}

}  // namespace sockwb
