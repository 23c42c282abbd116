#pragma once
// ComposerResponseView: the "inspect" half of the HTTP composer. A status
// chip coloured by class (2xx green, 3xx blue, 4xx orange, 5xx red), total
// time and size, and tabs: Body, Headers, Raw (the exact bytes received,
// chunk framing included), Hex (first 64 KiB), Timing, Certificate (the
// TLS session and the server's chain for https://), Redirects (each hop)
// and Trace (the socket calls of this request).

#include <QWidget>
#include <memory>

#include "widgets/composer/composerworker.h"

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;

namespace sockwb {

class ComposerBodyView;
class ComposerCertificateView;
class ComposerTimingChart;
class TraceView;

class ComposerResponseView final : public QWidget {
    Q_OBJECT
public:
    static constexpr qsizetype kRawPreviewBytes = 256 * 1024;
    static constexpr qsizetype kHexPreviewBytes = 64 * 1024;

    // GUI thread only (as every method).
    explicit ComposerResponseView(QWidget* parent = nullptr);

    // Shows a completed request (its final hop; every hop in Redirects).
    void showOutcome(std::shared_ptr<const ComposerOutcome> outcome);
    // "Sending...", "Cancelled", an error sentence: the chip goes grey or red.
    void showState(const QString& text, bool isError);

    QLabel* statusChip() const { return chip_; }
    QLabel* summary() const { return summary_; }
    QTabWidget* tabs() const { return tabs_; }
    ComposerBodyView* bodyView() const { return body_; }
    QTableWidget* headersTable() const { return headers_; }
    QPlainTextEdit* rawView() const { return raw_; }
    QPlainTextEdit* hexView() const { return hex_; }
    ComposerTimingChart* timingChart() const { return timing_; }
    ComposerCertificateView* certificateView() const { return certificate_; }
    QTableWidget* redirectsTable() const { return redirects_; }
    TraceView* traceView() const { return trace_; }

private:
    void setChip(const QString& text, const QColor& color);
    void fillVisibleTab();

    QLabel* chip_;
    QLabel* summary_;
    QTabWidget* tabs_;
    ComposerBodyView* body_;
    QTableWidget* headers_;
    QPlainTextEdit* raw_;
    QPlainTextEdit* hex_;
    ComposerTimingChart* timing_;
    ComposerCertificateView* certificate_;
    QTableWidget* redirects_;
    TraceView* trace_;
    std::shared_ptr<const ComposerOutcome> outcome_;  // what Raw and Hex show when opened
    bool rawDirty_ = false;
    bool hexDirty_ = false;
};

}  // namespace sockwb
