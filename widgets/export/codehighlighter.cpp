#include "widgets/export/codehighlighter.h"

namespace sockwb {

namespace {

const QString kCKeywords = QStringLiteral(
    "\\b(if|else|for|while|do|return|static|const|struct|int|char|long|size_t|ssize_t|void|"
    "unsigned|continue|break|sizeof|#include|#define)\\b");
const QString kPythonKeywords = QStringLiteral(
    "\\b(import|def|if|elif|else|for|while|return|try|except|as|not|and|or|in|is|global|"
    "True|False|None|pass|break)\\b");

}  // namespace

CodeHighlighter::CodeHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    comment_.setForeground(QColor(0x6a, 0x73, 0x7d));
    comment_.setFontItalic(true);
    string_.setForeground(QColor(0x03, 0x2f, 0x62));
    string_.setBackground(QColor(0xf1, 0xf8, 0xff));
    keyword_.setForeground(QColor(0xa3, 0x15, 0x15));
    keywords_.setPattern(kCKeywords);
}

void CodeHighlighter::setLanguage(codegen::Language language) {
    language_ = language;
    keywords_.setPattern(language == codegen::Language::C ? kCKeywords : kPythonKeywords);
    rehighlight();
}

int CodeHighlighter::continueBlock(const QString& text, int from, int searchFrom) {
    const QString close =
        language_ == codegen::Language::C ? QStringLiteral("*/") : QStringLiteral("\"\"\"");
    const int end = text.indexOf(close, searchFrom);
    if (end < 0) {
        setFormat(from, text.size() - from, language_ == codegen::Language::C ? comment_ : string_);
        setCurrentBlockState(1);
        return -1;
    }
    const int stop = end + close.size();
    setFormat(from, stop - from, language_ == codegen::Language::C ? comment_ : string_);
    return stop;
}

// One pass left to right: a comment or a string starts where it is first
// met, so a "//" inside a string stays a string.
void CodeHighlighter::highlightBlock(const QString& text) {
    setCurrentBlockState(0);
    for (auto it = keywords_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), keyword_);
    }
    int i = 0;
    if (previousBlockState() == 1) {
        i = continueBlock(text, 0, 0);
        if (i < 0) return;
    }
    const bool c = language_ == codegen::Language::C;
    while (i < text.size()) {
        const QChar ch = text.at(i);
        if (c && text.mid(i, 2) == QLatin1String("/*")) {
            i = continueBlock(text, i, i + 2);
            if (i < 0) return;
            continue;
        }
        if (!c && text.mid(i, 3) == QLatin1String("\"\"\"")) {
            i = continueBlock(text, i, i + 3);
            if (i < 0) return;
            continue;
        }
        if ((c && text.mid(i, 2) == QLatin1String("//")) || (!c && ch == QLatin1Char('#'))) {
            setFormat(i, text.size() - i, comment_);
            return;
        }
        if (ch == QLatin1Char('"') || ch == QLatin1Char('\'')) {
            int j = i + 1;
            while (j < text.size() && text.at(j) != ch)
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            const int stop = qMin(j + 1, int(text.size()));
            setFormat(i, stop - i, string_);
            i = stop;
            continue;
        }
        ++i;
    }
}

}  // namespace sockwb
