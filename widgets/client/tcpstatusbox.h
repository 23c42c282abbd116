#pragma once
// TcpStatusBox: the live TCP state of a client window's socket (state, RTT,
// cwnd, ssthresh, retransmissions, unacked segments, Recv-Q, Send-Q, bytes
// acked and received), a few times a second while the window is shown. It
// keeps following the connection after the close, through FIN-WAIT and
// TIME-WAIT, until the kernel forgets it.
// The socket is found by its (local, peer) tuple in the kernel's socket
// table by the process's shared sampler (TcpSamplerHub: one thread and one
// dump per tick for every window), not read by fd: ClientConnection closes its fd on
// its own I/O thread whenever the connection ends (finish()), and offers no
// way to hold it open during a getsockopt() from another thread, so a read
// by fd could hit a closed or reused descriptor.
// GUI thread only.

#include <QGroupBox>
#include <array>
#include <optional>

#include "widgets/common/tcpsamplerhub.h"
#include "widgets/common/tcptext.h"

class QLabel;

namespace sockwb {

class TcpStatusBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit TcpStatusBox(QWidget* parent = nullptr);
    ~TcpStatusBox() override;

    // Follows the TCP socket local -> peer ("127.0.0.1:40000", "[::1]:7",
    // as ClientSession::connected gives them) from now on.
    void watch(const QString& local, const QString& peer);
    // No TCP socket to follow (not connected yet, or not TCP): hidden.
    void clear();

    // The value shown for a field ("" before the first sample).
    QString valueText(TcpText::Field field) const;
    // The last sample of the socket, if the kernel listed it.
    const std::optional<TcpWatchSample>& lastSample() const { return last_; }
    // The shared sampler (TcpSamplerHub), and whether this box is asking it
    // for its socket now (shown, with a TCP connection to follow).
    TcpSampler* sampler() const { return hub_->sampler(); }
    bool isSampling() const { return hub_ && hub_->isSubscribed(this); }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void onSamples(const sockwb::TcpSamples& samples);
    void updateSampling();
    void display(const TcpWatchSample* sample);  // nullptr: blank values

    QPointer<TcpSamplerHub> hub_;
    QLabel* note_;  // "not in the kernel's table any more", an error
    std::array<QLabel*, TcpText::FieldCount> values_{};
    std::optional<TcpWatchTarget> target_;  // none: nothing to follow
    std::optional<TcpWatchSample> last_;
    // Ticks without the socket in the table before it was ever seen.
    int misses_ = 0;
    static constexpr int kMaxMisses = 5;
};

}  // namespace sockwb
