#include "widgets/common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace sockwb {

QString Translations::settingsKey() { return QStringLiteral("ui/language"); }

QStringList Translations::available() { return {QStringLiteral("en"), QStringLiteral("fr")}; }

QString Translations::systemLanguage() {
    // QLocale::system() follows LC_ALL / LC_NUMERIC / LANG, not LC_MESSAGES:
    // the language of messages is read as gettext reads it.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString value = qEnvironmentVariable(name);
        if (value.isEmpty()) continue;
        const QString code = normalize(value);
        return code.isEmpty() ? QStringLiteral("en") : code;  // "C", "de_DE": English
    }
    return QLocale::system().language() == QLocale::French ? QStringLiteral("fr")
                                                           : QStringLiteral("en");
}

QString Translations::normalize(const QString& requested) {
    // "fr_FR.UTF-8", "fr-CA", "FR" all mean French.
    const QString code = requested.trimmed().left(2).toLower();
    return available().contains(code) &&
                   (requested.trimmed().size() == 2 || !requested.trimmed().at(2).isLetter())
               ? code
               : QString();
}

QString Translations::chosen(const QString& override) {
    if (const QString code = normalize(override); !code.isEmpty()) return code;
    const QString saved = normalize(QSettings().value(settingsKey()).toString());
    return saved.isEmpty() ? systemLanguage() : saved;
}

QString Translations::catalogue(const QString& language) {
    return QStringLiteral(":/i18n/sockwb_%1.qm").arg(language);
}

namespace {
bool qtLoaded = false;
}  // namespace

QString Translations::qtCatalogueFolder() {
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

bool Translations::qtCatalogueLoaded() { return qtLoaded; }

bool Translations::install(QCoreApplication* app, const QString& language) {
    QLocale::setDefault(QLocale(language));
    qtLoaded = false;
    if (language == QLatin1String("en")) return true;  // the source language
    // Qt's own strings first (QDialogButtonBox, QFileDialog...): optional,
    // from the package qt6-translations-l10n.
    auto* qt = new QTranslator(app);
    qtLoaded = qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                        qtCatalogueFolder());
    if (qtLoaded)
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(app);
    if (!own->load(catalogue(language))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

}  // namespace sockwb
