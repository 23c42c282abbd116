#include "widgets/client/headlessclients.h"

#include <QBrush>
#include <QColor>

#include "widgets/common/errortext.h"
#include "widgets/common/formstyle.h"

namespace sockwb {

HeadlessClients::HeadlessClients(QObject* parent, int refreshMs) : QAbstractTableModel(parent) {
    timer_.setInterval(refreshMs);
    connect(&timer_, &QTimer::timeout, this, &HeadlessClients::refresh);
}

HeadlessClients::~HeadlessClients() {
    // Our parent (the dialog) is already half destroyed when Qt deletes its
    // children: the last progress signal of stop() must not reach it.
    blockSignals(true);
    stop();
}

bool HeadlessClients::start(const SwarmConfig& config, QString* error) {
    stop();
    beginResetModel();
    swarm_ = std::make_unique<ClientSwarm>(config);
    scenario_ = config.scenario;
    rows_ = swarm_->snapshot();
    reached_ = failed_ = 0;
    endResetModel();
    try {
        swarm_->start();
    } catch (const Error& e) {
        if (error) *error = ErrorText::sentence(e);
        swarm_.reset();
        return false;
    }
    timer_.start();
    emit progressChanged(0, 0, total());
    return true;
}

void HeadlessClients::stop() {
    timer_.stop();
    if (!swarm_) return;
    swarm_->stop();  // the loop is woken through its eventfd: prompt
    refresh();
    swarm_.reset();
}

bool HeadlessClients::isRunning() const { return swarm_ && !swarm_->finished(); }

void HeadlessClients::refresh() {
    if (!swarm_) return;
    const bool allEnded = swarm_->finished();
    rows_ = swarm_->snapshot();
    int reached = 0;
    int failed = 0;
    for (const auto& r : rows_) {
        if (r.state == SwarmClientStatus::Failed) ++failed;
        if (r.state == SwarmClientStatus::Done ||
            (scenario_ != Scenario::Bonjour && r.state == SwarmClientStatus::Connected))
            ++reached;
    }
    reached_ = reached;
    failed_ = failed;
    if (!rows_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit progressChanged(reached_, failed_, total());
    if (allEnded && timer_.isActive()) {
        timer_.stop();
        emit finished();
    }
}

int HeadlessClients::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int HeadlessClients::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString HeadlessClients::stateText(SwarmClientStatus::State state) {
    switch (state) {
        case SwarmClientStatus::Waiting:
            return tr("waiting");
        case SwarmClientStatus::Connecting:
            return tr("connecting");
        case SwarmClientStatus::Connected:
            return tr("connected");
        case SwarmClientStatus::Done:
            return tr("Au Revoir received");
        case SwarmClientStatus::Closed:
            return tr("closed");
        case SwarmClientStatus::Failed:
            return tr("failed");
    }
    return {};
}

QVariant HeadlessClients::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const SwarmClientStatus& r = rows_[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case Client:
                return index.row() + 1;
            case State:
                return stateText(r.state);
            case BytesIn:
                return QVariant::fromValue<qulonglong>(r.bytesIn);
            case BytesOut:
                return QVariant::fromValue<qulonglong>(r.bytesOut);
            case Messages:
                return tr("%1 in / %2 out").arg(r.messagesIn).arg(r.messagesOut);
            case RoundTrip:
                return r.rttSamples ? tr("%1 ms (avg %2)")
                                          .arg(r.lastRttMs, 0, 'f', 1)
                                          .arg(r.avgRttMs, 0, 'f', 1)
                                    : QString();
            case LastMessage:
                return QString::fromUtf8(r.lastLine.data(),
                                         static_cast<qsizetype>(r.lastLine.size()));
            case Problem:
                return r.hasError ? ErrorText::sentence(r.error) : QString();
        }
    } else if (role == Qt::ForegroundRole) {
        if (r.state == SwarmClientStatus::Failed) return QBrush(formstyle::errorColor());
        if (r.state == SwarmClientStatus::Done) return QBrush(QColor(0x2e, 0x7d, 0x32));
    } else if (role == Qt::ToolTipRole && index.column() == Problem && r.hasError) {
        return ErrorText::sentence(r.error);
    }
    return {};
}

QVariant HeadlessClients::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Client:
            return tr("#");
        case State:
            return tr("State");
        case BytesIn:
            return tr("Bytes in");
        case BytesOut:
            return tr("Bytes out");
        case Messages:
            return tr("Messages");
        case RoundTrip:
            return tr("Round trip");
        case LastMessage:
            return tr("Last message");
        case Problem:
            return tr("Error");
    }
    return {};
}

}  // namespace sockwb
