#pragma once
// Translations: which language the workbench speaks and the translators
// that make it so. English is the source language (no translator needed);
// French comes from the embedded :/i18n/sockwb_fr.qm (resources/translations)
// plus Qt's own qtbase_fr.qm (standard dialog buttons) when installed.
// The choice: --lang on the command line, else the View > Language setting,
// else the system locale (LC_ALL, then LC_MESSAGES, then LANG, as gettext
// reads them: LANG=fr_FR.UTF-8 -> French). The command line uses the same
// translators (app/cli: --lang, else the environment).

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace sockwb {

class Translations final {
public:
    // The QSettings key of the View > Language choice ("" = system).
    static QString settingsKey();
    // Language codes the workbench ships: "en", "fr". Thread-safe.
    static QStringList available();
    // "fr" when the system locale is French, else "en": the first of
    // LC_ALL, LC_MESSAGES, LANG that is set decides, else QLocale::system().
    // Thread-safe.
    static QString systemLanguage();
    // The code of a user's text ("fr", "FR", "fr_FR"...), or "" if not shipped.
    // Thread-safe.
    static QString normalize(const QString& requested);
    // The language to use: override (the --lang option) if set, else the
    // saved setting, else the system's. GUI thread, after QApplication's
    // organization and application names are set (QSettings).
    static QString chosen(const QString& override = {});
    // Installs the translators for language on app (which owns them) and
    // makes it the default QLocale: Qt's own qtbase_<lang>.qm from
    // QLibraryInfo::TranslationsPath (package qt6-translations-l10n; optional:
    // see qtCatalogueLoaded()), then the workbench's. True when the
    // workbench's own catalogue loaded (always for "en"). Main thread, before
    // any widget is built or any text is printed.
    static bool install(QCoreApplication* app, const QString& language);
    // The folder Qt's own catalogues are read from, and whether the last
    // install() found Qt's catalogue for its language. Main thread.
    static QString qtCatalogueFolder();
    static bool qtCatalogueLoaded();
    // The path of the embedded catalogue of a language (":/i18n/sockwb_fr.qm").
    static QString catalogue(const QString& language);
};

}  // namespace sockwb
