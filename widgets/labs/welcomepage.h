#pragma once
// WelcomePage: what the empty main window shows. The workbench's name, one
// line on what it is, New Server / Open Workspace... / the recent
// workspaces, and the course's labs as cards (title and the first sentence
// of the explanation, in the UI language). It only asks: the main window
// answers its signals (a server form, the File menu's open, openLab()).
// GUI thread only.

#include <QString>
#include <QStringList>
#include <QWidget>

class QCommandLinkButton;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace sockwb {

class WelcomePage final : public QWidget {
    Q_OBJECT
public:
    // language: "en", "fr" (the lab texts); "" = the UI's (QLocale's default,
    // which Translations::install() sets).
    explicit WelcomePage(QWidget* parent = nullptr, const QString& language = {});

    // The recent workspaces, most recent first (WorkspaceController::recentFiles()).
    void setRecentFiles(const QStringList& paths);
    QStringList recentFiles() const { return recent_; }
    QString language() const { return language_; }
    // The card of a lab ("labCard-time-tcp"), nullptr if none. Tests.
    QCommandLinkButton* labCard(const QString& id) const;
    QStringList labIds() const { return ids_; }

    // "Two servers run...: ..., then closes." from a paragraph: up to the first
    // ". " (or all of it). Thread-safe.
    static QString firstSentence(const QString& text);

signals:
    void newServerRequested();
    void openRequested();
    void recentFileChosen(const QString& path);
    void labChosen(const QString& id);

private:
    void buildLabCards();

    QString language_;
    QStringList ids_;
    QStringList recent_;
    QVBoxLayout* recentBox_;
    QLabel* recentTitle_;
    QList<QCommandLinkButton*> cards_;
};

}  // namespace sockwb
