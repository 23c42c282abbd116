#include "widgets/common/sockoptsbox.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/common/sockoptrow.h"
#include "widgets/common/sockoptwords.h"

namespace sockwb {

bool sockoptSuits(const SockoptSpec& spec, Protocol protocol) {
    switch (protocol) {
        case Protocol::Tcp:
            return !spec.datagramOnly;
        case Protocol::Udp:
            return !spec.tcpOnly;
        case Protocol::Unix:
        case Protocol::UnixDgram:
            // AF_UNIX has no IP, no TCP, no port to reuse: only the buffer
            // sizes and the timeouts (all SOL_SOCKET) mean something there.
            return spec.kind == SockoptKind::Bytes || spec.kind == SockoptKind::Millis;
    }
    return false;
}

SockoptsBox::SockoptsBox(Role role, QWidget* parent)
    : QWidget(parent),
      role_(role),
      toggle_(new QToolButton(this)),
      summary_(new QLabel(this)),
      body_(new QWidget(this)) {
    setObjectName(QStringLiteral("sockoptsBox"));
    toggle_->setObjectName(QStringLiteral("sockoptsToggle"));
    toggle_->setText(tr("Socket options"));
    toggle_->setCheckable(true);
    toggle_->setAutoRaise(true);
    toggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle_->setToolTip(
        tr("setsockopt() calls made on the socket, and what getsockopt() reads "
           "back once it exists"));
    summary_->setObjectName(QStringLiteral("sockoptsSummary"));
    body_->setObjectName(QStringLiteral("sockoptsBody"));

    const bool server = role == Role::Server;
    auto* grid = new QGridLayout(body_);
    grid->setContentsMargins(12, 0, 0, 0);
    int column = 0;
    const auto heading = [this, grid, &column](const QString& text) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), body_);
        grid->addWidget(label, 0, column++);
    };
    heading(tr("Set"));
    heading(tr("Value"));
    if (server) heading(tr("Set on"));
    heading(tr("Read back"));
    grid->setColumnStretch(server ? 3 : 2, 1);
    int r = 1;
    for (const SockoptSpec& spec : sockoptSpecs()) {
        auto* row = new SockoptRow(spec, body_, grid, r++, server);
        connect(row, &SockoptRow::changed, this, [this] {
            updateSummary();
            emit changed();
        });
        rows_.push_back(row);
    }
    if (server) {
        if (SockoptRow* reuse = row(QStringLiteral("SO_REUSEADDR"))) {
            reuse->setValue(1);
            reuse->setChecked(true);
        }
    }

    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(toggle_);
    header->addWidget(summary_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(body_);
    connect(toggle_, &QToolButton::toggled, this, &SockoptsBox::setExpanded);
    setExpanded(false);
    setProtocol(Protocol::Tcp);
}

SockoptRow* SockoptsBox::row(const QString& name) const {
    for (SockoptRow* r : rows_)
        if (r->name() == name) return r;
    return nullptr;
}

void SockoptsBox::setProtocol(Protocol protocol) {
    protocol_ = protocol;
    for (SockoptRow* r : rows_) r->setShown(sockoptSuits(r->spec(), protocol));
    updateSummary();
    emit changed();
}

std::vector<SockoptSetting> SockoptsBox::settings() const {
    std::vector<SockoptSetting> out;
    for (const SockoptRow* r : rows_)
        if (r->isShown() && r->isChecked()) out.push_back(r->setting());
    return out;
}

void SockoptsBox::setSettings(const std::vector<SockoptSetting>& settings) {
    {
        const QSignalBlocker quiet(this);  // one changed() for the whole set
        for (SockoptRow* r : rows_) r->setChecked(false);
        for (const SockoptSetting& s : settings) {
            const SockoptSpec* spec = findSockopt(s.name);
            SockoptRow* r = spec ? row(QString::fromLatin1(spec->name)) : nullptr;
            if (!r) continue;
            r->setValue(s.value);
            r->setChecked(true);
        }
    }
    updateSummary();
    emit changed();
}

void SockoptsBox::save(QSettings& settings, const QString& key) const {
    QStringList texts;
    for (const SockoptSetting& s : this->settings())
        texts << QString::fromStdString(sockoptText(s));
    settings.setValue(key, texts);
}

void SockoptsBox::load(const QSettings& settings, const QString& key) {
    if (!settings.contains(key)) return;
    std::vector<SockoptSetting> parsed;
    for (const QString& text : settings.value(key).toStringList()) {
        try {
            parsed.push_back(parseSockopt(text.toStdString()));
        } catch (const Error&) {
            // A name this version does not know (a newer one saved it): skipped.
        }
    }
    setSettings(parsed);
}

void SockoptsBox::setReadback(const std::vector<SockoptReadback>& readback) {
    for (SockoptRow* r : rows_) {
        const SockoptReadback* last = nullptr;
        for (const SockoptReadback& rb : readback) {
            const SockoptSpec* spec = findSockopt(rb.asked.name);
            if (spec && r->name() == QLatin1String(spec->name)) last = &rb;
        }
        r->setReadback(last);
    }
}

void SockoptsBox::setEditable(bool editable) {
    for (SockoptRow* r : rows_) r->setEditable(editable);
}

void SockoptsBox::setExpanded(bool expanded) {
    if (toggle_->isChecked() != expanded) toggle_->setChecked(expanded);  // re-enters once
    toggle_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    body_->setVisible(expanded);
}

bool SockoptsBox::isExpanded() const { return toggle_->isChecked(); }

bool SockoptsBox::isRowShown(const QString& name) const {
    const SockoptRow* r = row(name);
    return r && r->isShown();
}

QString SockoptsBox::readbackText(const QString& name) const {
    const SockoptRow* r = row(name);
    return r ? r->readbackText() : QString();
}

// "SO_REUSEADDR on, TCP_NODELAY on": what is set, readable while collapsed.
void SockoptsBox::updateSummary() {
    QStringList set;
    for (const SockoptRow* r : rows_)
        if (r->isShown() && r->isChecked()) set << SockoptWords::setting(r->setting());
    summary_->setText(set.isEmpty() ? tr("(none set: the kernel's defaults)")
                                    : set.join(QStringLiteral(", ")));
}

}  // namespace sockwb
