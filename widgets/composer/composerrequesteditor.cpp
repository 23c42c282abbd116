#include "widgets/composer/composerrequesteditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <string_view>

#include "core/http/percentencoding.h"
#include "widgets/common/errortext.h"
#include "widgets/common/presentationhooks.h"
#include "widgets/composer/composerauthwidget.h"
#include "widgets/composer/composerbodyeditor.h"
#include "widgets/composer/composerkeyvaluetable.h"
#include "widgets/composer/composertext.h"
#include "widgets/composer/composertlsbox.h"

namespace sockwb {

namespace {

// RFC 9110 tchar: what a method token may contain.
bool isToken(const QString& s) {
    if (s.isEmpty()) return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') ||
                        (u < 128 && std::string_view("!#$%&'*+-.^_`|~").find(char(u)) !=
                                        std::string_view::npos);
        if (!ok) return false;
    }
    return true;
}

// "http://h/p?q#f" -> {"http://h/p", "q", "#f"} (query and fragment may be absent).
struct UrlParts {
    QString base, query, fragment;
    bool hasQuery = false;
};
UrlParts splitUrl(const QString& url) {
    UrlParts p;
    QString rest = url;
    const qsizetype hash = rest.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        p.fragment = rest.mid(hash);
        rest.truncate(hash);
    }
    const qsizetype q = rest.indexOf(QLatin1Char('?'));
    p.base = q >= 0 ? rest.left(q) : rest;
    if (q >= 0) {
        p.query = rest.mid(q + 1);
        p.hasQuery = true;
    }
    return p;
}

const QStringList kAutoHeaders = {QStringLiteral("Host"), QStringLiteral("User-Agent"),
                                  QStringLiteral("Accept"), QStringLiteral("Content-Length"),
                                  QStringLiteral("Connection")};

}  // namespace

ComposerRequestEditor::ComposerRequestEditor(QWidget* parent) : QWidget(parent) {
    buildRequestLine();
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(buildTabs());
    split->addWidget(buildRawPane());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* line = new QHBoxLayout;
    line->addWidget(method_);
    line->addWidget(url_, 1);
    line->addWidget(version_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(line);
    layout->addWidget(urlError_);
    layout->addWidget(split, 1);
    connectFields();
    setRequest(ComposerRequest{});
}

void ComposerRequestEditor::buildRequestLine() {
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("method"));
    method_->setEditable(true);
    method_->setInsertPolicy(QComboBox::NoInsert);
    method_->addItems({QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
                       QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                       QStringLiteral("OPTIONS")});
    method_->setToolTip(tr("Any token is accepted (letters, digits and !#$%&'*+-.^_`|~)"));
    url_ = new QLineEdit(this);
    url_->setObjectName(QStringLiteral("url"));
    url_->setPlaceholderText(tr("http://127.0.0.1:8080/echo or https://localhost:8443/"));
    url_->setClearButtonEnabled(true);
    version_ = new QComboBox(this);
    version_->setObjectName(QStringLiteral("version"));
    version_->addItems({QStringLiteral("HTTP/1.1"), QStringLiteral("HTTP/1.0")});
    urlError_ = new QLabel(this);
    urlError_->setObjectName(QStringLiteral("urlError"));
    urlError_->setStyleSheet(QStringLiteral("color: #c62828;"));
    urlError_->setWordWrap(true);
    urlError_->hide();
}

QWidget* ComposerRequestEditor::buildOptions() {
    auto* options = new QWidget(this);
    follow_ = new QCheckBox(tr("Follow redirects (3xx with Location)"), options);
    follow_->setObjectName(QStringLiteral("followRedirects"));
    compressed_ =
        new QCheckBox(tr("Ask for a compressed response (gzip, deflate) and decode it"), options);
    lenient_ = new QCheckBox(tr("Lenient framing (debugging): accept bare LF and odd chunk "
                                "extensions in a chunked body"),
                             options);
    lenient_->setObjectName(QStringLiteral("lenientFraming"));
    timeout_ = new QSpinBox(options);
    timeout_->setObjectName(QStringLiteral("timeout"));
    timeout_->setRange(100, 600000);
    timeout_->setSingleStep(1000);
    timeout_->setSuffix(tr(" ms"));
    timeout_->setValue(30000);
    auto* optionsForm = new QFormLayout(options);
    optionsForm->addRow(follow_);
    optionsForm->addRow(compressed_);
    optionsForm->addRow(lenient_);
    optionsForm->addRow(tr("Timeout (whole exchange):"), timeout_);
    tls_ = new ComposerTlsBox(options);
    optionsForm->addRow(tls_);

    return options;
}

QTabWidget* ComposerRequestEditor::buildTabs() {
    params_ = new ComposerKeyValueTable(this);
    params_->setObjectName(QStringLiteral("paramsTable"));
    headers_ = new ComposerKeyValueTable(this);
    headers_->setObjectName(QStringLiteral("headersTable"));
    headers_->setFixedRows(kAutoHeaders);
    headers_->setFixedState(4, false, QString());
    body_ = new ComposerBodyEditor(this);
    auth_ = new ComposerAuthWidget(this);
    QWidget* options = buildOptions();
    tabs_ = new QTabWidget(this);
    tabs_->addTab(params_, tr("Params"));
    tabs_->addTab(headers_, tr("Headers"));
    tabs_->addTab(body_, tr("Body"));
    tabs_->addTab(auth_, tr("Auth"));
    tabs_->addTab(options, tr("Options"));

    return tabs_;
}

QWidget* ComposerRequestEditor::buildRawPane() {
    auto* rawBox = new QWidget(this);
    rawTitle_ = new QLabel(rawBox);
    rawPane_ = new QPlainTextEdit(rawBox);
    rawPane_->setObjectName(QStringLiteral("rawRequest"));
    rawPane_->setReadOnly(true);
    rawPane_->setLineWrapMode(QPlainTextEdit::NoWrap);
    PresentationHooks::useFixedFont(rawPane_);
    auto* rawLayout = new QVBoxLayout(rawBox);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addWidget(rawTitle_);
    rawLayout->addWidget(rawPane_, 1);

    return rawBox;
}

void ComposerRequestEditor::connectFields() {
    connect(url_, &QLineEdit::textEdited, this, &ComposerRequestEditor::onUrlEdited);
    connect(url_, &QLineEdit::returnPressed, this, &ComposerRequestEditor::sendRequested);
    connect(params_, &ComposerKeyValueTable::edited, this, &ComposerRequestEditor::onParamsEdited);
    connect(method_, &QComboBox::currentTextChanged, this, &ComposerRequestEditor::refresh);
    connect(version_, &QComboBox::currentIndexChanged, this, &ComposerRequestEditor::refresh);
    connect(headers_, &ComposerKeyValueTable::edited, this, &ComposerRequestEditor::refresh);
    connect(body_, &ComposerBodyEditor::edited, this, &ComposerRequestEditor::refresh);
    connect(auth_, &ComposerAuthWidget::edited, this, &ComposerRequestEditor::refresh);
    connect(follow_, &QCheckBox::toggled, this, &ComposerRequestEditor::refresh);
    connect(compressed_, &QCheckBox::toggled, this, &ComposerRequestEditor::refresh);
    connect(lenient_, &QCheckBox::toggled, this, &ComposerRequestEditor::refresh);
    connect(timeout_, &QSpinBox::valueChanged, this, &ComposerRequestEditor::refresh);
    connect(tls_, &ComposerTlsBox::edited, this, &ComposerRequestEditor::refresh);
}

ComposerRequest ComposerRequestEditor::request() const {
    ComposerRequest r;
    r.method = ss(method_->currentText().trimmed());
    r.url = ss(url_->text().trimmed());
    r.http10 = version_->currentIndex() == 1;
    for (int i = 0; i < headers_->fixedCount(); ++i)
        r.autoHeaders[i] = {ss(kAutoHeaders[i]), headers_->fixedEnabled(i),
                            ss(headers_->fixedValue(i))};
    r.headers = headers_->rows();
    body_->store(r);
    auth_->store(r);
    r.followRedirects = follow_->isChecked();
    r.compressed = compressed_->isChecked();
    r.lenientFraming = lenient_->isChecked();
    r.timeoutMs = timeout_->value();
    tls_->store(r);
    return r;
}

void ComposerRequestEditor::setRequest(const ComposerRequest& r) {
    loading_ = true;
    method_->setCurrentText(qs(r.method));
    url_->setText(qs(r.url));
    version_->setCurrentIndex(r.http10 ? 1 : 0);
    for (int i = 0; i < headers_->fixedCount() && i < int(r.autoHeaders.size()); ++i)
        headers_->setFixedState(i, r.autoHeaders[i].enabled, qs(r.autoHeaders[i].value));
    headers_->setRows(r.headers);
    body_->load(r);
    auth_->load(r);
    follow_->setChecked(r.followRedirects);
    compressed_->setChecked(r.compressed);
    lenient_->setChecked(r.lenientFraming);
    timeout_->setValue(r.timeoutMs);
    tls_->load(r);
    loading_ = false;
    onUrlEdited();  // params table and the raw pane follow the URL
}

void ComposerRequestEditor::onUrlEdited() {
    // Enabled rows come from the URL; unchecked ones stay in the table.
    std::vector<ComposerRequest::Row> rows;
    const UrlParts parts = splitUrl(url_->text().trimmed());
    if (parts.hasQuery && !parts.query.isEmpty())
        for (auto& [k, v] : http::percent::splitQuery(ss(parts.query)))
            rows.push_back({true, k, v});
    for (const auto& row : params_->rows())
        if (!row.enabled) rows.push_back(row);
    params_->setRows(rows);
    refresh();
}

void ComposerRequestEditor::onParamsEdited() {
    const UrlParts parts = splitUrl(url_->text().trimmed());
    std::vector<http::percent::QueryItem> items;
    for (const auto& row : params_->rows())
        if (row.enabled && !row.name.empty()) items.emplace_back(row.name, row.value);
    QString url = parts.base;
    if (!items.empty()) url += QLatin1Char('?') + qs(http::percent::joinQuery(items));
    url_->setText(url + parts.fragment);
    refresh();
}

QString ComposerRequestEditor::methodProblem() const {
    const QString m = method_->currentText().trimmed();
    if (m.isEmpty()) return tr("The method is empty: choose GET, POST... or type a token.");
    if (!isToken(m))
        return tr("'%1' is not a valid method: use letters, digits and !#$%&'*+-.^_`|~ only.")
            .arg(m);
    return {};
}

const ComposerPrepared& ComposerRequestEditor::prepared() const {
    ComposerRequest now = request();
    const bool never = !prepared_.ready && prepared_.problem == ComposerPrepared::Problem::None;
    if (never || !(now == preparedFor_)) {
        prepared_ = ComposerPrepared::prepare(now);
        preparedFor_ = std::move(now);
    }
    return prepared_;
}

QString ComposerRequestEditor::problem() const {
    if (QString m = methodProblem(); !m.isEmpty()) return m;
    const ComposerPrepared& p = prepared();
    switch (p.problem) {
        case ComposerPrepared::Problem::Url:
            return qs(p.urlError.message);
        case ComposerPrepared::Problem::BodyFile:
            return ErrorText::sentence(*p.bodyError);
        case ComposerPrepared::Problem::Header:
            return tr("Cannot send: %1").arg(qs(p.headerError));
        case ComposerPrepared::Problem::Resolve:
            return tr("Resolve (Options tab): %1").arg(qs(p.resolveError));
        case ComposerPrepared::Problem::None:
            break;
    }
    return {};
}

void ComposerRequestEditor::refresh() {
    if (loading_) return;
    preparedFor_ = request();
    prepared_ = ComposerPrepared::prepare(preparedFor_);  // once per edit
    for (int i = 0; i < headers_->fixedCount(); ++i) {
        const QString value = qs(prepared_.autoDefault(ss(kAutoHeaders[i])));
        headers_->setFixedDefault(i, value.isEmpty() ? tr("(not sent: no body)") : value);
    }
    const QString why = problem();
    urlError_->setText(why);
    urlError_->setVisible(!why.isEmpty());
    const bool headerProblem = prepared_.problem == ComposerPrepared::Problem::Header;
    url_->setStyleSheet(why.isEmpty() || !methodProblem().isEmpty() || headerProblem
                            ? QString()
                            : QStringLiteral("border: 1px solid #c62828;"));
    method_->setStyleSheet(
        methodProblem().isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828;"));
    raw_.clear();
    if (why.isEmpty()) {
        const std::string& bytes = prepared_.ready->wire;
        raw_ = QByteArray(bytes.data(), qsizetype(bytes.size()));
    }
    rawTitle_->setText(raw_.isEmpty() ? tr("Raw request: nothing to send yet")
                                      : tr("Raw request: the exact %n byte(s) Send will write",
                                           nullptr, int(raw_.size())));
    const QString shown = composerVisibleBytes(raw_, 64 * 1024);
    if (rawPane_->toPlainText() != shown) rawPane_->setPlainText(shown);
    emit changed();
}

}  // namespace sockwb
