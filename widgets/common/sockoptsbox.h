#pragma once
// SockoptsBox: the collapsible "Socket options" group of the New Server
// form and of the client windows. One row per option of sockoptSpecs()
// that suits the protocol (TCP hides SO_BROADCAST; UDP hides TCP_*,
// SO_LINGER and SO_KEEPALIVE; Unix-domain sockets keep the buffer sizes and
// timeouts), each with a "set" check box and an editor of its kind
// (SockoptRow), and what getsockopt read back once the socket exists: the
// value next to what was asked, an error in red. In a server form a column
// says where each option is set (the listener before bind, or every
// accepted connection) and SO_REUSEADDR starts ticked "on", as the server
// sets it by default. GUI thread only.

#include <QWidget>
#include <vector>

#include "core/net/protocol.h"
#include "core/net/sockopt.h"

class QLabel;
class QSettings;
class QToolButton;

namespace sockwb {

class SockoptRow;

class SockoptsBox final : public QWidget {
    Q_OBJECT
public:
    enum class Role { Client, Server };

    // Collapsed, no option set (a server: SO_REUSEADDR on), TCP.
    explicit SockoptsBox(Role role, QWidget* parent = nullptr);

    // Shows the rows that suit the protocol; hidden rows are not in settings().
    void setProtocol(Protocol protocol);
    Protocol protocol() const { return protocol_; }
    // The options ticked among the rows shown, in the table's order.
    std::vector<SockoptSetting> settings() const;
    // Ticks exactly these (unknown names are skipped), values clamped to the editors.
    void setSettings(const std::vector<SockoptSetting>& settings);
    // Remembers settings() under key as "NAME=VALUE" texts; load() puts them
    // back (an absent key keeps the defaults, an unparsable text is skipped).
    void save(QSettings& settings, const QString& key) const;
    void load(const QSettings& settings, const QString& key);
    // What was read back, next to each option (the last one per name wins);
    // an option not in the list is cleared.
    void setReadback(const std::vector<SockoptReadback>& readback);
    void clearReadback() { setReadback({}); }
    // While a socket is open: the read-back stays, the editors are locked.
    void setEditable(bool editable);

    void setExpanded(bool expanded);
    bool isExpanded() const;
    // Tests: the option's row is shown for the protocol / its read-back text.
    bool isRowShown(const QString& name) const;
    QString readbackText(const QString& name) const;

signals:
    // A tick or a value changed.
    void changed();

private:
    SockoptRow* row(const QString& name) const;
    void updateSummary();

    Role role_;
    Protocol protocol_ = Protocol::Tcp;
    QToolButton* toggle_;
    QLabel* summary_;
    QWidget* body_;
    std::vector<SockoptRow*> rows_;
};

// Whether an option means something on a socket of this protocol (the rule
// the box's rows follow). Thread-safe.
bool sockoptSuits(const SockoptSpec& spec, Protocol protocol);

}  // namespace sockwb
