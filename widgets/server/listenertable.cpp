#include "widgets/server/listenertable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/common/errortext.h"

namespace sockwb {

namespace {
enum Column { ServiceCol, ProtocolCol, BindCol, PortCol, ColumnCount };
}

ListenerTable::ListenerTable(QWidget* parent)
    : QWidget(parent), table_(new QTableWidget(0, ColumnCount, this)) {
    table_->setObjectName(QStringLiteral("extraListeners"));
    table_->setHorizontalHeaderLabels(
        {tr("Service"), tr("Protocol"), tr("Bind address or socket path"), tr("Port")});
    // The address or path takes the width left (its header was cut before).
    table_->horizontalHeader()->setSectionResizeMode(BindCol, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setMinimumHeight(90);
    auto* add = new QToolButton(this);
    add->setObjectName(QStringLiteral("addListener"));
    add->setText(tr("Add listener"));
    auto* remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("removeListener"));
    remove->setText(tr("Remove"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
    layout->addLayout(buttons);
    connect(add, &QToolButton::clicked, this, [this] { addListener(); });
    connect(remove, &QToolButton::clicked, this, &ListenerTable::removeSelected);
    connect(table_, &QTableWidget::itemChanged, this, &ListenerTable::changed);
}

void ListenerTable::addListener(const ListenerConfig& l) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    auto* service = new QComboBox(table_);
    for (const auto& n : serviceNames()) service->addItem(QString::fromStdString(n));
    service->setCurrentText(QString::fromStdString(l.service));
    auto* protocol = new QComboBox(table_);
    // In Protocol's order; for unix and unixgram the bind column holds the path.
    protocol->addItems({QStringLiteral("tcp"), QStringLiteral("udp"), QStringLiteral("unix"),
                        QStringLiteral("unixgram")});
    protocol->setCurrentIndex(int(l.protocol));
    auto* port = new QSpinBox(table_);
    port->setRange(0, 65535);
    port->setSpecialValueText(tr("0 (automatic)"));
    port->setValue(l.port);
    table_->setCellWidget(row, ServiceCol, service);
    table_->setCellWidget(row, ProtocolCol, protocol);
    table_->setItem(row, BindCol, new QTableWidgetItem(QString::fromStdString(l.bindAddress)));
    table_->setCellWidget(row, PortCol, port);
    connect(service, &QComboBox::currentIndexChanged, this, &ListenerTable::changed);
    connect(protocol, &QComboBox::currentIndexChanged, this, &ListenerTable::changed);
    connect(port, &QSpinBox::valueChanged, this, &ListenerTable::changed);
    emit changed();
}

void ListenerTable::removeSelected() {
    int row = table_->currentRow();
    if (row < 0) row = table_->rowCount() - 1;
    if (row < 0) return;
    table_->removeRow(row);
    emit changed();
}

int ListenerTable::count() const { return table_->rowCount(); }

std::vector<ListenerConfig> ListenerTable::listeners() const {
    std::vector<ListenerConfig> out;
    for (int r = 0; r < table_->rowCount(); ++r) {
        ListenerConfig l;
        l.service = qobject_cast<QComboBox*>(table_->cellWidget(r, ServiceCol))
                        ->currentText()
                        .toStdString();
        l.protocol = protocolAt(
            qobject_cast<QComboBox*>(table_->cellWidget(r, ProtocolCol))->currentIndex());
        const QTableWidgetItem* bind = table_->item(r, BindCol);
        l.bindAddress = bind ? bind->text().trimmed().toStdString() : std::string("127.0.0.1");
        l.port =
            static_cast<uint16_t>(qobject_cast<QSpinBox*>(table_->cellWidget(r, PortCol))->value());
        out.push_back(l);
    }
    return out;
}

void ListenerTable::setListeners(const std::vector<ListenerConfig>& listeners) {
    table_->setRowCount(0);
    for (const auto& l : listeners) addListener(l);
}

QString ListenerTable::validationError() const {
    const auto all = listeners();
    for (size_t i = 0; i < all.size(); ++i) {
        const std::string& ip = all[i].bindAddress;
        if (isUnixDomain(all[i].protocol)) {
            try {
                (void)Address::unixPath(ip);
            } catch (const Error& e) {
                return tr("Extra listener %1: %2").arg(i + 1).arg(ErrorText::sentence(e));
            }
            continue;
        }
        if (ip == "localhost") continue;
        try {
            (void)Address::fromIp(ip, 0);
        } catch (const Error&) {
            return tr("Extra listener %1: \"%2\" is not an IP address.")
                .arg(i + 1)
                .arg(QString::fromStdString(ip));
        }
    }
    return {};
}

}  // namespace sockwb
