#include "widgets/composer/composerresponseview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/common/byteformat.h"
#include "widgets/common/presentationhooks.h"
#include "widgets/composer/composerbodyview.h"
#include "widgets/composer/composercertificateview.h"
#include "widgets/composer/composerrequest.h"
#include "widgets/composer/composertext.h"
#include "widgets/composer/composertimingchart.h"
#include "widgets/trace/traceview.h"

namespace sockwb {

namespace {

QPlainTextEdit* monoView(QWidget* parent, const QString& name) {
    auto* v = new QPlainTextEdit(parent);
    v->setObjectName(name);
    v->setReadOnly(true);
    v->setLineWrapMode(QPlainTextEdit::NoWrap);
    PresentationHooks::useFixedFont(v);
    return v;
}

QTableWidget* table(QWidget* parent, const QStringList& columns) {
    auto* t = new QTableWidget(0, int(columns.size()), parent);
    t->setHorizontalHeaderLabels(columns);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return t;
}

QColor classColor(http::StatusClass c) {
    switch (c) {
        case http::StatusClass::Informational:
            return QColor(0x60, 0x7d, 0x8b);
        case http::StatusClass::Success:
            return QColor(0x2e, 0x7d, 0x32);
        case http::StatusClass::Redirection:
            return QColor(0x15, 0x65, 0xc0);
        case http::StatusClass::ClientError:
            return QColor(0xe6, 0x51, 0x00);
        case http::StatusClass::ServerError:
            return QColor(0xc6, 0x28, 0x28);
        case http::StatusClass::Unknown:
            break;
    }
    return QColor(0x61, 0x61, 0x61);
}

QByteArray bytes(const std::string& s) { return QByteArray(s.data(), qsizetype(s.size())); }

}  // namespace

ComposerResponseView::ComposerResponseView(QWidget* parent) : QWidget(parent) {
    chip_ = new QLabel(this);
    chip_->setObjectName(QStringLiteral("statusChip"));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("responseSummary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* top = new QHBoxLayout;
    top->addWidget(chip_);
    top->addWidget(summary_, 1);

    body_ = new ComposerBodyView(this);
    headers_ = table(this, {tr("Name"), tr("Value")});
    headers_->setObjectName(QStringLiteral("responseHeaders"));
    raw_ = monoView(this, QStringLiteral("rawResponse"));
    hex_ = monoView(this, QStringLiteral("hexResponse"));
    timing_ = new ComposerTimingChart(this);
    certificate_ = new ComposerCertificateView(this);
    redirects_ = table(this, {tr("#"), tr("Status"), tr("URL"), tr("Location"), tr("Time")});
    redirects_->setObjectName(QStringLiteral("redirects"));
    trace_ = new TraceView(this, 20000);

    tabs_ = new QTabWidget(this);
    tabs_->addTab(body_, tr("Body"));
    tabs_->addTab(headers_, tr("Headers"));
    tabs_->addTab(raw_, tr("Raw"));
    tabs_->addTab(hex_, tr("Hex"));
    tabs_->addTab(timing_, tr("Timing"));
    tabs_->addTab(certificate_, tr("Certificate"));
    tabs_->addTab(redirects_, tr("Redirects"));
    tabs_->addTab(trace_, tr("Trace"));
    connect(tabs_, &QTabWidget::currentChanged, this, &ComposerResponseView::fillVisibleTab);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(tabs_, 1);
    showState(tr("No response yet"), false);
}

void ComposerResponseView::setChip(const QString& text, const QColor& color) {
    chip_->setText(text);
    chip_->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold;"
                                        " border-radius: 9px; padding: 3px 12px; }")
                             .arg(color.name()));
}

void ComposerResponseView::showState(const QString& text, bool isError) {
    setChip(text, isError ? QColor(0xc6, 0x28, 0x28) : QColor(0x75, 0x75, 0x75));
    summary_->clear();
}

void ComposerResponseView::fillVisibleTab() {
    if (!outcome_ || outcome_->result.hops.empty()) return;
    const std::string& raw = outcome_->result.final().raw;
    if (tabs_->currentWidget() == raw_ && rawDirty_) {
        raw_->setPlainText(composerVisibleBytes(
            QByteArray::fromRawData(raw.data(), qsizetype(raw.size())), kRawPreviewBytes));
        rawDirty_ = false;
    }
    if (tabs_->currentWidget() == hex_ && hexDirty_) {
        const qsizetype n = std::min<qsizetype>(qsizetype(raw.size()), kHexPreviewBytes);
        QString hex = ByteFormat::toHexDump(QByteArray(raw.data(), n));
        if (qsizetype(raw.size()) > kHexPreviewBytes)
            hex += tr("\n[first %1 of %2 shown]")
                       .arg(composerSize(kHexPreviewBytes), composerSize(quint64(raw.size())));
        hex_->setPlainText(hex);
        hexDirty_ = false;
    }
}

void ComposerResponseView::showOutcome(std::shared_ptr<const ComposerOutcome> shared) {
    outcome_ = std::move(shared);
    const ComposerOutcome& outcome = *outcome_;
    if (outcome.result.hops.empty()) {
        showState(tr("Error"), true);
        summary_->setText(outcome.error);
        timing_->clear();
        certificate_->showNothing(tr("No response, so no session to show: %1").arg(outcome.error),
                                  true);
        return;
    }
    const http::Exchange& ex = outcome.result.final();
    const http::Response& r = ex.response;
    if (!ex.headComplete)
        showState(tr("Error"), true);  // no status line to show: the raw bytes are the body
    else
        setChip(QStringLiteral("%1 %2").arg(r.status).arg(qs(r.reason)),
                classColor(r.statusClass()));
    if (!outcome.ok) {
        // The connection failed after part of the response: what came, then why.
        summary_->setText(tr("%1 received, then the error: %2")
                              .arg(composerSize(ex.bytesReceived), outcome.error));
    } else {
        double total = 0;
        for (const auto& hop : outcome.result.hops) total += hop.timings.total;
        summary_->setText(
            tr("%1 ms  -  body %2, %3 received  -  %4 %5")
                .arg(total, 0, 'f', 1)
                .arg(composerSize(r.body.size()), composerSize(ex.bytesReceived), qs(r.version),
                     outcome.result.hops.size() > 1
                         ? tr("(%n redirect(s))", nullptr, int(outcome.result.hops.size() - 1))
                         : QString()));
    }

    body_->setBody(bytes(ex.headComplete ? r.body : ex.raw),
                   qs(std::string(r.headers.get("Content-Type").value_or(""))));
    headers_->setRowCount(0);
    for (const auto& f : r.headers) {
        const int row = headers_->rowCount();
        headers_->insertRow(row);
        headers_->setItem(row, 0, new QTableWidgetItem(qs(f.name)));
        headers_->setItem(row, 1, new QTableWidgetItem(qs(f.value)));
    }
    headers_->resizeColumnToContents(0);
    // Raw and Hex cost a few tens of ms each for a big body: filled when shown.
    raw_->clear();
    hex_->clear();
    rawDirty_ = hexDirty_ = true;
    fillVisibleTab();
    timing_->setTimings(ex.timings, ex.reusedConnection, ex.tls.has_value());
    if (ex.tls)
        certificate_->showSession(*ex.tls);
    else
        certificate_->showPlain();

    redirects_->setRowCount(0);
    int n = 0;
    for (const auto& hop : outcome.result.hops) {
        redirects_->insertRow(n);
        redirects_->setItem(n, 0, new QTableWidgetItem(QString::number(n + 1)));
        redirects_->setItem(
            n, 1,
            new QTableWidgetItem(
                QStringLiteral("%1 %2").arg(hop.response.status).arg(qs(hop.response.reason))));
        redirects_->setItem(n, 2, new QTableWidgetItem(qs(hop.url)));
        redirects_->setItem(n, 3,
                            new QTableWidgetItem(qs(
                                std::string(hop.response.headers.get("Location").value_or("")))));
        redirects_->setItem(n, 4,
                            new QTableWidgetItem(tr("%1 ms").arg(hop.timings.total, 0, 'f', 1)));
        ++n;
    }
    redirects_->resizeColumnsToContents();
}

}  // namespace sockwb
