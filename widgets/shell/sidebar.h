#pragma once
// SideBar: the main window's list of servers, relays and clients, each with a
// state icon (grey stopped, amber busy, green running/connected, red failed).
// Selecting a server or a relay shows its panel; activating a client raises
// its window.

#include <QIcon>
#include <QTreeWidget>

namespace sockwb {

class ClientWindow;
class RelayPanel;
class RunWindow;
class ServerPanel;

class SideBar final : public QTreeWidget {
    Q_OBJECT
public:
    enum class Light { Off, Busy, On, Failed };

    // GUI thread only (as every method).
    explicit SideBar(QWidget* parent = nullptr);

    // Lists a server; its entry follows the panel's state and disappears
    // with it. Not owned.
    void addServer(ServerPanel* panel);
    // Lists a relay, as a server. Not owned.
    void addRelay(RelayPanel* panel);
    // Lists a client window (once); follows its state, removed when it closes.
    void addClient(ClientWindow* window);
    // A Run window: "program (pid)", lit while the program runs.
    void addProgram(RunWindow* window);
    bool contains(const QWidget* widget) const;
    int serverCount() const;
    int relayCount() const;
    int clientCount() const;
    // Selects the entry of that widget.
    void select(QWidget* widget);

    // A round coloured state light, drawn (no image files needed).
    static QIcon lightIcon(Light light);

signals:
    void serverSelected(sockwb::ServerPanel* panel);
    void relaySelected(sockwb::RelayPanel* panel);
    void clientActivated(sockwb::ClientWindow* window);
    void programActivated(sockwb::RunWindow* window);
    // Something was added, removed or changed state (status bar).
    void contentsChanged();

private:
    QTreeWidgetItem* itemFor(const QWidget* widget) const;
    void updateServer(ServerPanel* panel);
    void updateRelay(RelayPanel* panel);
    void updateClient(ClientWindow* window);
    void updateProgram(RunWindow* window);
    void remove(const QObject* widget);

    QTreeWidgetItem* servers_;
    QTreeWidgetItem* relays_;
    QTreeWidgetItem* clients_;
    QTreeWidgetItem* programs_;
};

}  // namespace sockwb
