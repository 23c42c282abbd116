#pragma once
// HeadlessClients: many clients without windows, shown as a table (one row
// per client: state, bytes, messages, round-trip time, last message, error).
// The clients run in a core ClientSwarm — one epoll thread for all of them,
// not a thread each; this model polls the swarm's snapshot on a timer, so
// 500 busy clients cost the GUI one table refresh per tick.

#include <QAbstractTableModel>
#include <QTimer>
#include <memory>
#include <vector>

#include "core/client/clientswarm.h"

namespace sockwb {

class HeadlessClients final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Client,
        State,
        BytesIn,
        BytesOut,
        Messages,
        RoundTrip,
        LastMessage,
        Problem,
        ColumnCount
    };

    // GUI thread only (as every method).
    explicit HeadlessClients(QObject* parent = nullptr, int refreshMs = 100);
    // Stops the swarm (prompt) and joins its thread.
    ~HeadlessClients() override;

    // Starts the clients (any previous run is stopped first). Returns at
    // once; false and *error set when the swarm cannot start.
    bool start(const SwarmConfig& config, QString* error = nullptr);
    // Closes every client; prompt.
    void stop();
    bool isRunning() const;

    int total() const { return static_cast<int>(rows_.size()); }
    // Clients that reached the scenario's goal: "Au Revoir" for bonjour,
    // connected (or done) for the others.
    int reached() const { return reached_; }
    int failed() const { return failed_; }
    // The status rows as last refreshed.
    const std::vector<SwarmClientStatus>& rows() const { return rows_; }
    // Takes a snapshot now (tests; the timer does it otherwise).
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // The state in words, translated ("Au Revoir received" for done).
    static QString stateText(SwarmClientStatus::State state);

signals:
    void progressChanged(int reached, int failed, int total);
    // Every client has ended (done, closed or failed).
    void finished();

private:
    std::unique_ptr<ClientSwarm> swarm_;
    std::vector<SwarmClientStatus> rows_;
    QTimer timer_;
    Scenario scenario_ = Scenario::Bonjour;
    int reached_ = 0;
    int failed_ = 0;
};

}  // namespace sockwb
