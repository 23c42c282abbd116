#pragma once
// ListenerTable: the New Server form's "extra listeners" (multi-service: one
// server serving several services on several ports; any model serves several
// TCP listeners, a UDP one among them needs select, poll or epoll). Each row
// is a service, a protocol, a bind address and a port, edited in place.

#include <QWidget>
#include <vector>

#include "core/net/trace.h"
#include "core/server/server.h"

class QTableWidget;

namespace sockwb {

class ListenerTable final : public QWidget {
    Q_OBJECT
public:
    // GUI thread only (as every method).
    explicit ListenerTable(QWidget* parent = nullptr);

    std::vector<ListenerConfig> listeners() const;
    void setListeners(const std::vector<ListenerConfig>& listeners);
    int count() const;
    // Adds a row (defaults: echo/tcp on 127.0.0.1, port 0).
    void addListener(const ListenerConfig& listener = {});
    // "" when every row is valid, else a sentence naming the first bad row.
    QString validationError() const;

signals:
    void changed();

private:
    void removeSelected();

    QTableWidget* table_;
};

}  // namespace sockwb
