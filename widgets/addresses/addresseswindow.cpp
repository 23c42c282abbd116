#include "widgets/addresses/addresseswindow.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "widgets/addresses/addresstext.h"
#include "widgets/common/errortext.h"
#include "widgets/common/presentationhooks.h"

namespace sockwb {

namespace {
constexpr int kPauseMs = 300;  // the typing pause before a lookup

QString q(const std::string& s) { return QString::fromStdString(s); }

// "localhost 80", "127.0.0.1:8080", "[::1]:80", "::1": host and port.
void splitInput(const QString& text, std::string* host, std::string* port) {
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    host->clear();
    port->clear();
    if (words.isEmpty()) return;
    splitHostPort(words[0].toStdString(), host, port);
    if (words.size() > 1) *port = words.mid(1).join(QLatin1Char(' ')).toStdString();
}
}  // namespace

AddressesWindow::AddressesWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      input_(new QLineEdit(this)),
      summary_(new QLabel(this)),
      tree_(new QTreeWidget(this)),
      pause_(new QTimer(this)) {
    setObjectName(QStringLiteral("addressesWindow"));
    setWindowTitle(tr("Addresses"));
    input_->setObjectName(QStringLiteral("addressInput"));
    input_->setPlaceholderText(
        tr("An address and a port, or a host name: 127.0.0.1 8080, [::1]:80, localhost 80"));
    input_->setClearButtonEnabled(true);
    summary_->setObjectName(QStringLiteral("addressSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tree_->setObjectName(QStringLiteral("addressLayout"));
    tree_->setHeaderLabels(AddressText::columns());
    PresentationHooks::useFixedFont(tree_);
    tree_->setRootIsDecorated(true);
    tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* intro = new QLabel(
        tr("How the socket API holds an address: the bytes of struct sockaddr_in (IPv4) or "
           "sockaddr_in6 (IPv6) in memory. The port is stored in network order (big-endian): "
           "htons(8080) gives the bytes 1f 90."),
        this);
    intro->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(input_);
    layout->addWidget(summary_);
    layout->addWidget(tree_, 1);
    pause_->setSingleShot(true);
    pause_->setInterval(kPauseMs);
    connect(pause_, &QTimer::timeout, this, &AddressesWindow::startLookup);
    connect(input_, &QLineEdit::textChanged, this, &AddressesWindow::scheduleLookup);
    resize(900, 560);
}

AddressesWindow* AddressesWindow::open() {
    auto* w = new AddressesWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    return w;
}

bool AddressesWindow::isBusy() const { return running_ || pause_->isActive(); }

void AddressesWindow::scheduleLookup() { pause_->start(); }

void AddressesWindow::startLookup() {
    // One lookup at a time: a DNS wait must not pile up threads (nor block
    // the GUI in a join); the newest text runs when this one ends.
    if (running_) {
        again_ = true;
        return;
    }
    std::string host, port;
    splitInput(input_->text(), &host, &port);
    if (host.empty()) {
        tree_->clear();
        summary_->clear();
        emit shown();
        return;
    }
    running_ = true;
    task_ = BackgroundTask::run(
        this, [host, port] { return dissectAddress(host, port); },
        [this](TaskResult<AddressDissection> r) {
            running_ = false;
            if (again_) {  // the text changed meanwhile: this result is stale
                again_ = false;
                startLookup();
                return;
            }
            try {
                if (r.error) std::rethrow_exception(r.error);
                showDissection(*r.value);
            } catch (const Error& e) {
                showError(ErrorText::sentence(e));
            } catch (...) {
                showError(q(taskErrorText(r.error)));
            }
        });
}

void AddressesWindow::showDissection(const AddressDissection& d) {
    tree_->clear();
    QStringList lines = AddressText::ptonLines(d);
    const QString resolver = AddressText::resolverLine(d);
    if (!resolver.isEmpty()) lines << resolver;
    summary_->setStyleSheet(QString());
    summary_->setText(lines.join(QLatin1Char('\n')));
    if (!d.manual.fields.empty())
        addLayout(tr("Filled by hand: inet_pton, then htons for the port"), d.manual);
    int number = 0;
    for (const AddrInfoEntry& e : d.results)
        addLayout(tr("getaddrinfo result %1").arg(AddressText::entryTitle(e, ++number)), e.layout);
    tree_->expandAll();
    emit shown();
}

void AddressesWindow::showError(const QString& text) {
    tree_->clear();
    summary_->setText(text);
    emit shown();
}

void AddressesWindow::addLayout(const QString& title, const SockaddrLayout& layout) {
    auto* group = new QTreeWidgetItem(tree_);
    group->setText(0, title + QStringLiteral(" — ") + AddressText::layoutTitle(layout));
    group->setFirstColumnSpanned(true);
    for (const SockaddrField& f : layout.fields) {
        auto* row = new QTreeWidgetItem(group);
        row->setText(0, QString::number(f.offset));
        row->setText(1, q(f.name));
        row->setText(2, q(hexBytes(f.bytes)));
        row->setText(3, AddressText::fieldValue(f));
        row->setToolTip(3, row->text(3));
    }
}

}  // namespace sockwb
