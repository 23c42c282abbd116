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

bool Translations::install(QCoreApplication* app, const QString& language) {
    QLocale::setDefault(QLocale(language));
    if (language == QLatin1String("en")) return true;  // the source language
    // Qt's own strings first (QDialogButtonBox, QFileDialog...): optional.
    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
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
