#pragma once
// ConnectionsTable: a server's open connections (peer, fd, worker thread or
// process, bytes in/out, state, since), shown from Server::connections()
// snapshots, and for each TCP connection its live TCP state (TCP_INFO and
// the queues, TcpText's fields). The panel refreshes the rows on a timer;
// the TCP numbers come from the table's own TcpSampler, which looks the
// connections up in the kernel's socket table by (listener port, peer) on
// its thread while the table is shown: the table never touches a socket.

#include <QHash>
#include <QTableWidget>
#include <vector>

#include "core/net/trace.h"
#include "core/server/server.h"
#include "widgets/common/tcpsampler.h"
#include "widgets/common/tcptext.h"

namespace sockwb {

class ConnectionsTable final : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        Peer,
        Listener,
        Fd,
        Worker,
        BytesIn,
        BytesOut,
        State,
        Since,
        Tls,       // "TLSv1.3 TLS_AES_256_GCM_SHA384"; hidden for a plain server
        TcpFirst,  // TcpText's fields from here, in their order
        TcpState = TcpFirst,
        ColumnCount = TcpFirst + TcpText::FieldCount
    };
    // GUI thread only (as every method).
    explicit ConnectionsTable(QWidget* parent = nullptr);
    // Replaces the rows with a snapshot (ordered by connection id).
    // listeners: the server's addresses (Server::addresses()), which give
    // each row its local port; without them no TCP state is sampled.
    void setConnections(const std::vector<ConnectionInfo>& connections,
                        const std::vector<Address>& listeners = {});
    // Shows the TLS column (a server with TLS) or hides it.
    void setTlsShown(bool shown);
    // A connection's handshake completed (ServerObserver::onConnectionTls):
    // shown until a snapshot says it too. Forgotten when the rows are cleared.
    void setConnectionTls(uint64_t id, const QString& summary);
    // Fills the TCP columns from a tick of the sampler.
    void setTcpSamples(const sockwb::TcpSamples& samples);
    // The column of a TCP field.
    static int column(TcpText::Field field) { return TcpFirst + int(field); }
    TcpSampler* tcpSampler() const { return sampler_; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    // Samples the listeners that rows use, while shown; nothing otherwise.
    void updateSampling();
    void fillTcpCells();
    void setCell(int row, int col, const QString& text);
    void forgetTls(const std::vector<const ConnectionInfo*>& rows);

    TcpSampler* sampler_;
    std::vector<TcpWatchTarget> targets_;  // asked of the sampler (or would be, when shown)
    // Per row: where to find it in the samples (invalid local: not TCP).
    std::vector<std::pair<Address, Address>> rowTuples_;
    TcpSamples samples_;
    QHash<quint64, QString> tls_;   // from onConnectionTls, by connection id
    std::vector<uint64_t> rowIds_;  // the connection id of each row
    uint64_t maxSeenId_ = 0;        // the highest id a snapshot held
};

}  // namespace sockwb
