#include "widgets/labs/welcomepage.h"

#include <QCommandLinkButton>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "widgets/common/translations.h"
#include "widgets/labs/builtinlabs.h"

namespace sockwb {

WelcomePage::WelcomePage(QWidget* parent, const QString& language)
    : QWidget(parent),
      language_(Translations::normalize(language.isEmpty() ? QLocale().name() : language)),
      recentBox_(new QVBoxLayout),
      recentTitle_(new QLabel(this)) {
    setObjectName(QStringLiteral("welcomePage"));
    if (language_.isEmpty()) language_ = QStringLiteral("en");

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(32, 24, 32, 24);
    auto* title = new QLabel(tr("<h1>Socket Workbench</h1>"), content);
    layout->addWidget(title);
    auto* what = new QLabel(
        tr("Servers, clients and relays over the POSIX socket API, every call shown in the "
           "trace: start a server with <b>Workbench &gt; New Server</b> (Ctrl+N), then open "
           "clients against it with <b>New Client</b> or <b>Launch Clients</b>."),
        content);
    what->setObjectName(QStringLiteral("welcomeText"));
    what->setWordWrap(true);
    layout->addWidget(what);

    auto* buttons = new QHBoxLayout;
    auto* newServer = new QPushButton(tr("New Server..."), content);
    newServer->setObjectName(QStringLiteral("welcomeNewServer"));
    connect(newServer, &QPushButton::clicked, this, &WelcomePage::newServerRequested);
    auto* open = new QPushButton(tr("Open Workspace..."), content);
    open->setObjectName(QStringLiteral("welcomeOpen"));
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    buttons->addWidget(newServer);
    buttons->addWidget(open);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    recentTitle_->setText(tr("<b>Recent workspaces</b>"));
    recentTitle_->hide();
    layout->addWidget(recentTitle_);
    layout->addLayout(recentBox_);

    auto* labsTitle = new QLabel(tr("<h3>The course's labs</h3>"), content);
    layout->addWidget(labsTitle);
    auto* labsText = new QLabel(
        tr("Each lab opens ready to run, asks you to predict what will happen, then shows it."),
        content);
    labsText->setWordWrap(true);
    layout->addWidget(labsText);
    auto* grid = new QGridLayout;
    grid->setObjectName(QStringLiteral("labCards"));
    layout->addLayout(grid);
    layout->addStretch(1);

    ids_ = builtinLabIds();
    int i = 0;
    for (const QString& id : ids_) {
        const WorkspaceReadResult lab = builtinLab(id);
        QString heading = id;
        QString line;
        if (lab.workspace) {
            heading = lab.workspace->lab.title.text(language_);
            line = firstSentence(lab.workspace->lab.explanation.text(language_));
        }
        auto* card = new QCommandLinkButton(heading, line, content);
        card->setObjectName(QStringLiteral("labCard-") + id);
        connect(card, &QCommandLinkButton::clicked, this, [this, id] { emit labChosen(id); });
        grid->addWidget(card, i / 2, i % 2);
        cards_.append(card);
        ++i;
    }

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

void WelcomePage::setRecentFiles(const QStringList& paths) {
    if (paths == recent_) return;
    recent_ = paths;
    while (QLayoutItem* item = recentBox_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString& path : paths) {
        auto* button = new QPushButton(QFileInfo(path).fileName());
        button->setObjectName(QStringLiteral("welcomeRecent"));
        button->setFlat(true);
        button->setToolTip(path);
        button->setStyleSheet(QStringLiteral("text-align: left"));
        connect(button, &QPushButton::clicked, this, [this, path] { emit recentFileChosen(path); });
        recentBox_->addWidget(button);
    }
    recentTitle_->setVisible(!paths.isEmpty());
}

QCommandLinkButton* WelcomePage::labCard(const QString& id) const {
    return findChild<QCommandLinkButton*>(QStringLiteral("labCard-") + id);
}

QString WelcomePage::firstSentence(const QString& text) {
    const qsizetype end = text.indexOf(QLatin1String(". "));
    return end < 0 ? text.trimmed() : text.left(end + 1).trimmed();
}

}  // namespace sockwb
