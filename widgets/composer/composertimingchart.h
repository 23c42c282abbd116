#pragma once
// ComposerTimingChart: the phases of one exchange as a waterfall, one bar
// per phase (resolve, connect, send, wait for the first byte, download),
// each starting where the previous one ended, with its duration in ms.

#include <QWidget>

#include "core/http/client.h"

namespace sockwb {

class ComposerTimingChart final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ComposerTimingChart(QWidget* parent = nullptr);

    // reused: the exchange went over a kept-alive connection (no connect phase).
    void setTimings(const http::Timings& timings, bool reused = false);
    bool reusedConnection() const { return reused_; }
    void clear();
    const http::Timings& timings() const { return timings_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    http::Timings timings_;
    bool empty_ = true;
    bool reused_ = false;
};

}  // namespace sockwb
