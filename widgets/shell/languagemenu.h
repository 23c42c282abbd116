#pragma once
// LanguageMenu: View > Language. Lists "System default" and the shipped
// languages (each named in its own language), checks the saved choice and
// stores a new one in QSettings (Translations::settingsKey()); the change
// takes effect at the next start, which the menu says once chosen.

#include <QMenu>

class QActionGroup;

namespace sockwb {

class LanguageMenu final : public QMenu {
    Q_OBJECT
public:
    // GUI thread only. Owned by parent (as usual for a QMenu).
    explicit LanguageMenu(QWidget* parent = nullptr);

signals:
    // A new language was saved ("" = system default).
    void languageChosen(const QString& code);

private:
    void choose(const QString& code);

    QActionGroup* group_;
};

}  // namespace sockwb
