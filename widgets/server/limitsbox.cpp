#include "widgets/server/limitsbox.h"

#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

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
                       "ends at once. A load test from this machine needs \"no limit\"."))) {
    udpRate_->setSuffix(tr(" /s"));
    setObjectName(QStringLiteral("limitsBox"));
    form_->addRow(tr("Max connections:"), maxConnections_);
    form_->addRow(tr("Max workers:"), maxWorkers_);
    form_->addRow(tr("Idle timeout:"), idleTimeout_);
    form_->addRow(tr("Header timeout:"), headerTimeout_);
    form_->addRow(tr("Body timeout:"), bodyTimeout_);
    form_->addRow(tr("Keep-alive timeout:"), keepAliveTimeout_);
    form_->addRow(tr("UDP replies per address:"), udpRate_);
    setConfig(ServerConfig{});
}

void LimitsBox::apply(ServerConfig& c) const {
    c.maxConnections = maxConnections_->value();
    c.maxWorkers = maxWorkers_->value();
    c.idleTimeoutMs = idleTimeout_->value();
    c.serviceOptions.headerTimeoutMs = headerTimeout_->value();
    c.serviceOptions.bodyTimeoutMs = bodyTimeout_->value();
    c.serviceOptions.keepAliveTimeoutMs = keepAliveTimeout_->value();
    c.udpRepliesPerSecond = udpRate_->value();
}

void LimitsBox::setConfig(const ServerConfig& c) {
    maxConnections_->setValue(c.maxConnections);
    maxWorkers_->setValue(c.maxWorkers);
    idleTimeout_->setValue(c.idleTimeoutMs);
    headerTimeout_->setValue(c.serviceOptions.headerTimeoutMs);
    bodyTimeout_->setValue(c.serviceOptions.bodyTimeoutMs);
    keepAliveTimeout_->setValue(c.serviceOptions.keepAliveTimeoutMs);
    udpRate_->setValue(c.udpRepliesPerSecond);
}

void LimitsBox::setHttpShown(bool shown) {
    for (QSpinBox* box : {headerTimeout_, bodyTimeout_, keepAliveTimeout_})
        form_->setRowVisible(box, shown);
}

void LimitsBox::setWorkersEnabled(bool enabled) { maxWorkers_->setEnabled(enabled); }

void LimitsBox::setDatagramShown(bool shown) { form_->setRowVisible(udpRate_, shown); }

void LimitsBox::save(QSettings& s, const QString& group) const {
    s.setValue(group + QStringLiteral("maxConnections"), maxConnections_->value());
    s.setValue(group + QStringLiteral("maxWorkers"), maxWorkers_->value());
    s.setValue(group + QStringLiteral("idleTimeout"), idleTimeout_->value());
    s.setValue(group + QStringLiteral("headerTimeout"), headerTimeout_->value());
    s.setValue(group + QStringLiteral("bodyTimeout"), bodyTimeout_->value());
    s.setValue(group + QStringLiteral("keepAliveTimeout"), keepAliveTimeout_->value());
    s.setValue(group + QStringLiteral("udpRate"), udpRate_->value());
}

void LimitsBox::load(const QSettings& s, const QString& group) {
    const ServerConfig d;
    const auto value = [&](const char* key, int fallback) {
        return s.value(group + QLatin1String(key), fallback).toInt();
    };
    maxConnections_->setValue(value("maxConnections", d.maxConnections));
    maxWorkers_->setValue(value("maxWorkers", d.maxWorkers));
    idleTimeout_->setValue(value("idleTimeout", d.idleTimeoutMs));
    headerTimeout_->setValue(value("headerTimeout", d.serviceOptions.headerTimeoutMs));
    bodyTimeout_->setValue(value("bodyTimeout", d.serviceOptions.bodyTimeoutMs));
    keepAliveTimeout_->setValue(value("keepAliveTimeout", d.serviceOptions.keepAliveTimeoutMs));
    udpRate_->setValue(value("udpRate", d.udpRepliesPerSecond));
}

}  // namespace sockwb
