#include "widgets/shell/languagemenu.h"

#include <QActionGroup>
#include <QMessageBox>
#include <QSettings>

#include "widgets/common/translations.h"

namespace sockwb {

LanguageMenu::LanguageMenu(QWidget* parent)
    : QMenu(tr("&Language"), parent), group_(new QActionGroup(this)) {
    setObjectName(QStringLiteral("languageMenu"));
    const QString saved =
        Translations::normalize(QSettings().value(Translations::settingsKey()).toString());
    // Language names stay in their own language: whoever cannot read the
    // current one still finds theirs.
    const QList<QPair<QString, QString>> entries = {
        {QString(), tr("&System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
    };
    for (const auto& [code, label] : entries) {
        QAction* a = addAction(label);
        a->setObjectName(QStringLiteral("actionLanguage_%1")
                             .arg(code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == saved);
        group_->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { choose(code); });
    }
}

void LanguageMenu::choose(const QString& code) {
    QSettings settings;
    if (settings.value(Translations::settingsKey()).toString() == code) return;
    settings.setValue(Translations::settingsKey(), code);
    emit languageChosen(code);
    // Window-modal, not a blocking exec(): the workbench keeps running.
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("Language"),
                        tr("The new language takes effect at the next start of Socket Workbench."),
                        QMessageBox::Ok, parentWidget());
    box->setObjectName(QStringLiteral("languageNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace sockwb
