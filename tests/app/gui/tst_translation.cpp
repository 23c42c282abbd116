// The French translation: the embedded catalogue loads, real widgets speak
// French with it (the contexts lupdate wrote match the classes' names), the
// errors and refusal reasons worded from the core's codes are translated,
// and resources/translations/sockwb_fr.ts is complete: no unfinished or
// empty message, every %1..%9 placeholder, accelerator and HTML tag kept.

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <cerrno>

#include "app/gui/mainwindow.h"
#include "core/net/error.h"
#include "core/server/server.h"
#include "core/server/service.h"
#include "support/testmain.h"
#include "widgets/common/errortext.h"
#include "widgets/common/refusaltext.h"
#include "widgets/common/translations.h"
#include "widgets/server/serverform.h"
#include "widgets/shell/languagemenu.h"

using namespace sockwb;

namespace {

const QString kTsFile =
    QStringLiteral(SOCKWB_SOURCE_DIR) + QStringLiteral("/resources/translations/sockwb_fr.ts");

struct Message {
    QString context, source, comment, type;
    QStringList translations;  // one, or the plural forms
    bool numerus = false;
    qint64 line = 0;
};

QList<Message> readTs(const QString& path, QString* error) {
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            if (!m.source.isNull()) out << m;
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            m.line = xml.lineNumber();
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            m.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus) m.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            m.translations << xml.readElementText();
        }
    }
    if (!m.source.isNull()) out << m;
    if (xml.hasError()) *error = xml.errorString();
    return out;
}

// %1..%9 (and %L1...) in a text, sorted; %n is the plural count.
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%L?([1-9])"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) found << it.next().captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

// HTML tags (<b>, </p>...), sorted: a translation keeps the markup.
QStringList tags(const QString& text) {
    static const QRegularExpression re(QStringLiteral("</?[a-zA-Z][a-zA-Z0-9]*"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) found << it.next().captured(0);
    found.sort();
    return found;
}

// A menu accelerator: "&File", not "&&" nor an entity such as "&gt;".
bool hasAccelerator(const QString& text) {
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?!&|#?[a-zA-Z0-9]+;)\\S"));
    return re.match(text).hasMatch();
}

}  // namespace

class tst_Translation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void tsFileIsComplete();
    void tsFileMatchesTheSources();
    void catalogueMatchesTsFile();
    void widgetsSpeakFrench_data();
    void widgetsSpeakFrench();
    void mainWindowMenus();
    void serverFormInFrench();
    void errorSentenceKeepsCodes();
    void errorDetailsTranslated();
    void refusalsInFrench();
    void englishRefusalsMatchTheCore();
    void languageCodes_data();
    void languageCodes();
    void languageMenuSavesTheChoice();

private:
    QTranslator* french_ = nullptr;
    QList<Message> messages_;
};

void tst_Translation::initTestCase() {
    Q_INIT_RESOURCE(resources);  // the icons (the .qm registers itself)
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QString error;
    messages_ = readTs(kTsFile, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages_.size() > 400, qPrintable(QString::number(messages_.size())));
    french_ = new QTranslator(this);
    QVERIFY(french_->load(Translations::catalogue(QStringLiteral("fr"))));
    QCOMPARE(french_->language(), QStringLiteral("fr"));
    QVERIFY(QCoreApplication::installTranslator(french_));
    // Qt's own French, as the application loads it (optional there too).
    auto* qt = new QTranslator(this);
    if (qt->load(QLocale(QLocale::French), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void tst_Translation::cleanupTestCase() { QCoreApplication::removeTranslator(french_); }

void tst_Translation::tsFileIsComplete() {
    QStringList problems;
    for (const Message& m : messages_) {
        const QString where =
            QStringLiteral("line %1 [%2] \"%3\"").arg(m.line).arg(m.context, m.source.left(60));
        if (!m.type.isEmpty()) {  // unfinished, vanished, obsolete
            problems << QStringLiteral("%1: %2").arg(where, m.type);
            continue;
        }
        if (m.translations.isEmpty() ||
            std::any_of(m.translations.begin(), m.translations.end(),
                        [](const QString& t) { return t.trimmed().isEmpty(); })) {
            problems << QStringLiteral("%1: empty translation").arg(where);
            continue;
        }
        for (const QString& t : m.translations) {
            if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("%1: placeholders %2 became %3")
                                .arg(where, placeholders(m.source).join(QLatin1Char(',')),
                                     placeholders(t).join(QLatin1Char(',')));
            if (tags(t) != tags(m.source))
                problems << QStringLiteral("%1: HTML tags differ").arg(where);
            if (hasAccelerator(m.source) != hasAccelerator(t))
                problems << QStringLiteral("%1: accelerator lost or added").arg(where);
            if (m.numerus && m.source.contains(QLatin1String("%n")) &&
                !t.contains(QLatin1String("%n")))
                problems << QStringLiteral("%1: plural form without %n").arg(where);
        }
        if (m.numerus && m.translations.size() != 2)  // French: singular, plural
            problems << QStringLiteral("%1: %2 plural forms").arg(where).arg(m.translations.size());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translation::tsFileMatchesTheSources() {
    // lupdate over widgets/ and app/ now must find exactly the messages of
    // the .ts: a new tr() string not yet in it (or a stale one) fails here.
    const QString lupdate =
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (!QFileInfo(lupdate).isExecutable()) QSKIP("lupdate is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_fr.ts"));
    const QString src = QStringLiteral(SOCKWB_SOURCE_DIR);
    QProcess p;
    p.setWorkingDirectory(src);
    p.start(lupdate,
            {QStringLiteral("-silent"), QStringLiteral("-I"), src, src + QStringLiteral("/widgets"),
             src + QStringLiteral("/app"), QStringLiteral("-ts"), fresh,
             QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QString error;
    const QList<Message> found = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto keys = [](const QList<Message>& list) {
        QSet<QString> out;
        for (const Message& m : list)
            out.insert(m.context + QLatin1Char('|') + m.source + QLatin1Char('|') + m.comment);
        return out;
    };
    const QSet<QString> inCode = keys(found), inTs = keys(messages_);
    QStringList problems;
    for (const QString& k : inCode - inTs) problems << QStringLiteral("not in the .ts: ") + k;
    for (const QString& k : inTs - inCode)
        problems << QStringLiteral("no longer in the code: ") + k;
    problems.sort();
    if (!problems.isEmpty())
        problems.prepend(QStringLiteral("run scripts/update-translations and translate:"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_Translation::catalogueMatchesTsFile() {
    // The .qm embedded at build time says what the .ts says (for plurals,
    // the singular and plural forms for 1 and 2).
    int checked = 0;
    for (const Message& m : messages_) {
        const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        const char* disambiguation = m.comment.isEmpty() ? nullptr : comment.constData();
        if (m.numerus) {
            QCOMPARE(french_->translate(context, source, disambiguation, 1),
                     m.translations.value(0));
            QCOMPARE(french_->translate(context, source, disambiguation, 2),
                     m.translations.value(1));
        } else {
            QCOMPARE(french_->translate(context, source, disambiguation), m.translations.value(0));
        }
        ++checked;
    }
    QCOMPARE(checked, int(messages_.size()));
}

void tst_Translation::widgetsSpeakFrench_data() {
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("french");
    QTest::newRow("menu") << "sockwb::app::MainWindow"
                          << "&Workbench"
                          << "A&telier";
    QTest::newRow("form title") << "sockwb::ServerForm"
                                << "New Server"
                                << "Nouveau serveur";
    QTest::newRow("language") << "sockwb::LanguageMenu"
                              << "&Language"
                              << "&Langue";
}

void tst_Translation::widgetsSpeakFrench() {
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, french);
    QCOMPARE(QCoreApplication::translate(context.toUtf8(), source.toUtf8()), french);
}

void tst_Translation::mainWindowMenus() {
    app::MainWindow window;
    QStringList titles;
    for (QAction* a : window.menuBar()->actions()) titles << a->text();
    QCOMPARE(titles.value(0), QStringLiteral("&Fichier"));
    QCOMPARE(titles.value(1), QStringLiteral("A&telier"));
    QVERIFY2(titles.contains(QStringLiteral("&Affichage")), qPrintable(titles.join(u',')));
    auto* language = window.findChild<QMenu*>(QStringLiteral("languageMenu"));
    QVERIFY(language);
    QCOMPARE(language->title(), QStringLiteral("&Langue"));
    auto* newServer = window.findChild<QAction*>(QStringLiteral("actionNewServer"));
    QVERIFY(newServer);
    QCOMPARE(newServer->text(), QStringLiteral("Nouveau &serveur..."));
    // Translated shortcut texts still parse (even with Qt's French loaded).
    auto* newClient = window.findChild<QAction*>(QStringLiteral("actionNewClient"));
    QVERIFY(newClient);
    QCOMPARE(newClient->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
}

void tst_Translation::serverFormInFrench() {
    ServerForm form;
    QCOMPARE(form.windowTitle(), QStringLiteral("Nouveau serveur"));
    // chat under fork is refused: the tooltip says why, in French.
    auto* models = form.findChild<QComboBox*>(QStringLiteral("modelBox"));
    auto* services = form.findChild<QComboBox*>(QStringLiteral("serviceBox"));
    QVERIFY(models && services);
    models->setCurrentText(QStringLiteral("fork"));
    const int chat = services->findText(QStringLiteral("chat"));
    QVERIFY(chat >= 0);
    auto* items = qobject_cast<QStandardItemModel*>(services->model());
    QVERIFY(items);
    QVERIFY(!items->item(chat)->isEnabled());
    const QString tip = items->item(chat)->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("processus")), qPrintable(tip));
}

void tst_Translation::errorSentenceKeepsCodes() {
    const ErrorInfo info{ErrorKind::System, "bind", EADDRINUSE, 0, "127.0.0.1:8080", {}};
    const QString french = ErrorText::sentence(info);
    QVERIFY2(french.endsWith(QStringLiteral("(bind: EADDRINUSE)")), qPrintable(french));
    QVERIFY2(french.contains(QStringLiteral("127.0.0.1:8080")), qPrintable(french));
    QVERIFY2(french.contains(QStringLiteral("déjà utilisée")), qPrintable(french));
    QVERIFY2(!french.contains(QStringLiteral("already in use")), qPrintable(french));
    const QString refused = ErrorText::sentence(
        ErrorInfo{ErrorKind::System, "connect", ECONNREFUSED, 0, "[::1]:9", {}});
    QVERIFY2(refused.startsWith(QStringLiteral("Connexion refusée")), qPrintable(refused));
    QVERIFY2(refused.endsWith(QStringLiteral("(connect: ECONNREFUSED)")), qPrintable(refused));
}

void tst_Translation::errorDetailsTranslated() {
    const ErrorInfo timeout =
        withDetail(ErrorInfo{ErrorKind::Timeout, "connect", ETIMEDOUT, 0, "10.0.0.1:80", {}},
                   DetailCode::GaveUpAfterMs, 3000);
    const QString text = ErrorText::sentence(timeout);
    QVERIFY2(text.contains(QStringLiteral("abandon après 3000 ms")), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral("(connect: ETIMEDOUT)")), qPrintable(text));
    QCOMPARE(ErrorText::detail(withDetail(ErrorInfo{}, DetailCode::GotOfBytes, 2, 4)),
             QStringLiteral("reçu 2 octets sur 4"));
    // Free words of the core have no other form: kept as written.
    ErrorInfo words;
    words.detail = "something else";
    QCOMPARE(ErrorText::detail(words), QStringLiteral("something else"));
}

void tst_Translation::refusalsInFrench() {
    QCOMPARE(RefusalText::why("epoll", "echo", Protocol::Tcp), QString());
    const QString udpChat = RefusalText::why("epoll", "chat", Protocol::Udp);
    QVERIFY2(udpChat.contains(QStringLiteral("chat")) && udpChat.contains(QStringLiteral("TCP")) &&
                 udpChat.contains(QStringLiteral("connexion")),
             qPrintable(udpChat));
    QVERIFY(RefusalText::why("threads", "echo", Protocol::Tcp).contains(QStringLiteral("inconnu")));
}

void tst_Translation::englishRefusalsMatchTheCore() {
    // Without a translator the worded reasons are exactly the core's: the
    // English source text of each Refusal::Reason in RefusalText has not
    // drifted from englishSentence().
    QCoreApplication::removeTranslator(french_);
    auto models = modelNames();
    models.push_back("threads");
    auto services = serviceNames();
    services.push_back("nope");
    int refused = 0;
    for (const auto& model : models)
        for (const auto& service : services)
            for (Protocol p : {Protocol::Tcp, Protocol::Udp})
                for (size_t listeners : {size_t(1), size_t(2)}) {
                    const QString core =
                        QString::fromStdString(whyRefused(model, service, p, listeners));
                    QCOMPARE(RefusalText::why(model, service, p, listeners), core);
                    refused += !core.isEmpty();
                }
    QCoreApplication::installTranslator(french_);
    QVERIFY(refused > 10);
}

void tst_Translation::languageCodes_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("fr") << "fr"
                        << "fr";
    QTest::newRow("FR") << "FR"
                        << "fr";
    QTest::newRow("locale") << "fr_FR.UTF-8"
                            << "fr";
    QTest::newRow("en") << "en"
                        << "en";
    QTest::newRow("en_US") << "en_US"
                           << "en";
    QTest::newRow("german") << "de"
                            << "";
    QTest::newRow("word") << "french"
                          << "";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_Translation::languageCodes() {
    QFETCH(QString, text);
    QFETCH(QString, code);
    QCOMPARE(Translations::normalize(text), code);
    // An explicit choice wins over the saved one and the system's.
    if (!code.isEmpty()) QCOMPARE(Translations::chosen(text), code);
}

void tst_Translation::languageMenuSavesTheChoice() {
    QSettings().setValue(Translations::settingsKey(), QStringLiteral("fr"));
    QWidget parent;
    LanguageMenu menu(&parent);
    auto action = [&](const char* code) {
        return menu.findChild<QAction*>(
            QStringLiteral("actionLanguage_%1").arg(QLatin1String(code)));
    };
    QVERIFY(action("system") && action("en") && action("fr"));
    QVERIFY(action("fr")->isChecked());
    QVERIFY(!action("en")->isChecked());
    QCOMPARE(Translations::chosen(), QStringLiteral("fr"));
    QCOMPARE(Translations::chosen(QStringLiteral("en")), QStringLiteral("en"));  // --lang wins

    QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
    action("en")->trigger();
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(QSettings().value(Translations::settingsKey()).toString(), QStringLiteral("en"));
    QCOMPARE(Translations::chosen(), QStringLiteral("en"));
    // The notice says when it applies, in French here, without blocking.
    auto* notice = parent.findChild<QMessageBox*>(QStringLiteral("languageNotice"));
    QVERIFY(notice);
    QVERIFY2(notice->text().contains(QStringLiteral("prochain démarrage")),
             qPrintable(notice->text()));
    notice->close();

    action("system")->trigger();
    QCOMPARE(QSettings().value(Translations::settingsKey()).toString(), QString());
    QCOMPARE(Translations::chosen(), Translations::systemLanguage());
    QCOMPARE(chosen.count(), 2);
}

SOCKWB_TEST_MAIN(tst_Translation)
#include "tst_translation.moc"
