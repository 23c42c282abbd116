#include "widgets/composer/composerbodyview.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include "widgets/common/presentationhooks.h"
#include "widgets/composer/composertext.h"

namespace sockwb {

namespace {
// Pretty-printing parses the whole body: past this size, show it as text.
constexpr qsizetype kPrettyLimit = 2 * 1024 * 1024;
}  // namespace

ComposerBodyView::ComposerBodyView(QWidget* parent) : QWidget(parent) {
    info_ = new QLabel(this);
    info_->setObjectName(QStringLiteral("bodyInfo"));
    showAll_ = new QPushButton(tr("Show all"), this);
    showAll_->setObjectName(QStringLiteral("showAll"));
    save_ = new QPushButton(tr("Save to file..."), this);
    save_->setObjectName(QStringLiteral("saveBody"));
    auto* top = new QHBoxLayout;
    top->addWidget(info_, 1);
    top->addWidget(showAll_);
    top->addWidget(save_);

    stack_ = new QStackedWidget(this);
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("bodyText"));
    text_->setReadOnly(true);
    PresentationHooks::useFixedFont(text_);
    html_ = new QTextBrowser(this);
    html_->setOpenLinks(false);
    image_ = new QLabel(this);
    image_->setAlignment(Qt::AlignCenter);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(image_);
    scroll->setWidgetResizable(true);
    stack_->addWidget(text_);
    stack_->addWidget(html_);
    stack_->addWidget(scroll);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(stack_, 1);
    connect(showAll_, &QPushButton::clicked, this, &ComposerBodyView::showAll);
    connect(save_, &QPushButton::clicked, this, &ComposerBodyView::chooseSaveFile);
    clear();
}

ComposerBodyView::Kind ComposerBodyView::detect(const QByteArray& body,
                                                const QString& contentType) {
    if (body.isEmpty()) return Kind::Empty;
    const QString type = contentType.toLower();
    if (type.startsWith(QLatin1String("image/"))) return Kind::Image;
    if (type.contains(QLatin1String("json"))) return Kind::Json;
    if (type.contains(QLatin1String("html"))) return Kind::Html;
    if (type.contains(QLatin1String("xml"))) return Kind::Xml;
    const QByteArray head = body.left(64).trimmed();
    if (head.startsWith("<?xml")) return Kind::Xml;
    if (head.startsWith("<!DOCTYPE html") || head.startsWith("<!doctype html") ||
        head.startsWith("<html"))
        return Kind::Html;
    if ((head.startsWith('{') || head.startsWith('[')) && body.size() <= kPrettyLimit &&
        !QJsonDocument::fromJson(body).isNull())
        return Kind::Json;
    if (head.startsWith("\x89PNG") || head.startsWith("\xff\xd8") || head.startsWith("GIF8"))
        return Kind::Image;
    return Kind::Text;
}

QString ComposerBodyView::prettyJson(const QByteArray& body) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isNull() ? QString() : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QString ComposerBodyView::prettyXml(const QByteArray& body) {
    QString out;
    QXmlStreamReader reader(body);
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isWhitespace()) continue;
        writer.writeCurrentToken(reader);
    }
    return reader.hasError() ? QString() : out;
}

void ComposerBodyView::clear() {
    body_.clear();
    kind_ = Kind::Empty;
    text_->clear();
    html_->clear();
    image_->clear();
    info_->setText(tr("No body."));
    showAll_->hide();
    save_->setEnabled(false);
    stack_->setCurrentIndex(0);
}

void ComposerBodyView::setBody(const QByteArray& body, const QString& contentType) {
    clear();
    body_ = body;
    kind_ = detect(body, contentType);
    if (kind_ == Kind::Empty) return;
    save_->setEnabled(true);
    const bool cut = body.size() > kPreviewBytes;
    QString what;
    switch (kind_) {
        case Kind::Image: {
            QImage img;
            if (img.loadFromData(body)) {
                image_->setPixmap(QPixmap::fromImage(img));
                stack_->setCurrentIndex(2);
                info_->setText(tr("Image %1 x %2, %3")
                                   .arg(img.width())
                                   .arg(img.height())
                                   .arg(composerSize(quint64(body.size()))));
                return;
            }
            kind_ = Kind::Text;  // not decodable: show the bytes
            what = tr("text");
            text_->setPlainText(composerVisibleBytes(body, kPreviewBytes, false));
            break;
        }
        case Kind::Json:
        case Kind::Xml: {
            const QString pretty = body.size() <= kPrettyLimit
                                       ? (kind_ == Kind::Json ? prettyJson(body) : prettyXml(body))
                                       : QString();
            what = kind_ == Kind::Json ? tr("JSON") : tr("XML");
            if (!pretty.isEmpty()) {
                what += tr(", pretty-printed");
                text_->setPlainText(pretty.left(kPreviewBytes));
            } else {
                text_->setPlainText(composerVisibleBytes(body, kPreviewBytes, false));
            }
            break;
        }
        case Kind::Html:
            what = tr("HTML, rendered");
            html_->setHtml(QString::fromUtf8(body.left(kPreviewBytes)));
            text_->setPlainText(QString::fromUtf8(body.left(kPreviewBytes)));
            stack_->setCurrentIndex(1);
            break;
        default:
            what = tr("text");
            text_->setPlainText(composerVisibleBytes(body, kPreviewBytes, false));
            break;
    }
    showAll_->setVisible(cut);
    info_->setText(
        cut ? tr("%1 - showing the first %2 of %3")
                  .arg(what, composerSize(kPreviewBytes), composerSize(quint64(body.size())))
            : tr("%1 - %2").arg(what, composerSize(quint64(body.size()))));
}

void ComposerBodyView::showAll() {
    stack_->setCurrentIndex(0);
    text_->setPlainText(composerVisibleBytes(body_, body_.size(), false));
    showAll_->hide();
    info_->setText(tr("All %1 shown").arg(composerSize(quint64(body_.size()))));
}

QString ComposerBodyView::shownText() const { return text_->toPlainText(); }

bool ComposerBodyView::saveTo(const QString& path, QString* error) const {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(body_) != body_.size()) {
        if (error) *error = f.errorString();
        return false;
    }
    return true;
}

void ComposerBodyView::chooseSaveFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the response body"));
    QString error;
    if (!path.isEmpty() && !saveTo(path, &error))
        info_->setText(tr("Could not save: %1").arg(error));
}

}  // namespace sockwb
