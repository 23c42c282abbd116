#pragma once
// CodeHighlighter: the Export dialog's colouring of a C or Python program,
// kept cheap on purpose: comments (C's /* */ across lines and //, Python's
// #), string literals ("..." and '...'), and Python's triple-quoted
// docstrings across lines. GUI thread only, as its document.

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include "core/codegen/codeexport.h"

namespace sockwb {

class CodeHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit CodeHighlighter(QTextDocument* document);
    // Which language's rules apply; rehighlights.
    void setLanguage(codegen::Language language);

protected:
    void highlightBlock(const QString& text) override;

private:
    // The block comment (C) or docstring (Python) from `from`; returns where it ends (-1: it goes
    // on).
    int continueBlock(const QString& text, int from, int searchFrom);

    codegen::Language language_ = codegen::Language::C;
    QTextCharFormat comment_;
    QTextCharFormat string_;
    QTextCharFormat keyword_;
    QRegularExpression keywords_;
};

}  // namespace sockwb
