#pragma once
// ComposerTimingChart: the phases of one exchange as a waterfall, one bar
// per phase (resolve, connect, TLS handshake for https://, send, wait for
// the first byte, download), each starting where the previous one ended,
// with its duration in ms, a legend under the bars and a tooltip per row
// saying what the phase measures (curl's -w names).

#include <QColor>
#include <QString>
#include <QWidget>
#include <vector>

#include "core/http/client.h"

namespace sockwb {

class ComposerTimingChart final : public QWidget {
    Q_OBJECT
public:
    // One bar of the waterfall.
    struct Phase {
        QString name;     // "Connect", "TLS handshake"...
        double ms = 0;    // its duration
        QColor color;     // its bar and legend colour
        QString meaning;  // the tooltip: what it measures
    };

    // GUI thread only (as every method).
    explicit ComposerTimingChart(QWidget* parent = nullptr);

    // reused: the exchange went over a kept-alive connection (no connect
    // phase); secure: it went over TLS (https://), so the TLS handshake
    // phase is drawn between connect and send.
    void setTimings(const http::Timings& timings, bool reused = false, bool secure = false);
    bool reusedConnection() const { return reused_; }
    bool secure() const { return secure_; }
    void clear();
    const http::Timings& timings() const { return timings_; }
    // The bars drawn, in order (empty before the first exchange).
    std::vector<Phase> phases() const;
    // The tooltip of the row at y ("" outside the bars), as a hover shows it.
    QString toolTipAt(int y) const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    int rowHeight() const;

    http::Timings timings_;
    bool empty_ = true;
    bool reused_ = false;
    bool secure_ = false;
};

}  // namespace sockwb
