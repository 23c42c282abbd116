// Translations: in French, Qt's own strings come from qtbase_fr.qm
// (qt6-translations-l10n), so a QDialogButtonBox's Cancel reads "Annuler";
// the language of messages follows LC_ALL, then LC_MESSAGES, then LANG.

#include <QDialogButtonBox>
#include <QDir>
#include <QPushButton>
#include <QtTest>

#include "support/testmain.h"
#include "widgets/common/translations.h"

using namespace sockwb;

class tst_QtTranslations : public QObject {
    Q_OBJECT

private slots:
    void cancelIsAnnuler();
    void environmentOrder_data();
    void environmentOrder();
};

void tst_QtTranslations::cancelIsAnnuler() {
    const QString folder = Translations::qtCatalogueFolder();
    if (!QDir(folder).exists(QStringLiteral("qtbase_fr.qm")))
        QSKIP(qPrintable(QStringLiteral("Qt's French catalogue %1/qtbase_fr.qm is absent: install "
                                        "the package qt6-translations-l10n (scripts/deps.sh)")
                             .arg(folder)));
    QVERIFY(Translations::install(qApp, QStringLiteral("fr")));
    QVERIFY(Translations::qtCatalogueLoaded());
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
             QStringLiteral("Annuler"));
}

void tst_QtTranslations::environmentOrder_data() {
    QTest::addColumn<QString>("lcAll");
    QTest::addColumn<QString>("lcMessages");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("LANG fr") << ""
                             << ""
                             << "fr_FR.UTF-8"
                             << "fr";
    QTest::newRow("LC_MESSAGES fr over LANG en") << ""
                                                 << "fr_CA.UTF-8"
                                                 << "en_US.UTF-8"
                                                 << "fr";
    QTest::newRow("LC_ALL C over LANG fr") << "C"
                                           << ""
                                           << "fr_FR.UTF-8"
                                           << "en";
    QTest::newRow("LC_ALL fr over LC_MESSAGES C") << "fr_BE"
                                                  << "C"
                                                  << ""
                                                  << "fr";
    QTest::newRow("German: English") << ""
                                     << ""
                                     << "de_DE.UTF-8"
                                     << "en";
}

void tst_QtTranslations::environmentOrder() {
    QFETCH(QString, lcAll);
    QFETCH(QString, lcMessages);
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    const auto set = [](const char* name, const QString& value) {
        if (value.isEmpty())
            qunsetenv(name);
        else
            qputenv(name, value.toUtf8());
    };
    set("LC_ALL", lcAll);
    set("LC_MESSAGES", lcMessages);
    set("LANG", lang);
    QCOMPARE(Translations::systemLanguage(), expected);
}

SOCKWB_TEST_MAIN(tst_QtTranslations)
#include "tst_qttranslations.moc"
