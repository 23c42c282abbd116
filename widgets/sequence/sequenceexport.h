#pragma once
// SequenceExport: a sequence diagram written to a file, as SVG (vector,
// through QSvgGenerator) or PNG, with its headers and time ruler: the whole
// diagram or a range of rows. A PNG taller than kMaxPngHeight is cut there
// and the caller is told, rather than allocating gigabytes. Uses the same
// SequencePainter as the screen. GUI thread only (fonts).

#include <QCoreApplication>
#include <QPalette>
#include <QString>
#include <cstddef>

#include "core/sequence/sequence.h"
#include "core/sequence/sequencelayout.h"

namespace sockwb {

class SequenceExport final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::SequenceExport)
public:
    static constexpr int kMaxPngHeight = 30000;
    static constexpr int kMaxPngWidth = 12000;

    // Rows [first, last) of timeOrder; first = last = kNone for everything.
    // scale: the painter's line widths and marks, as on screen
    // (SequencePainter::setScale).
    SequenceExport(const seq::SequenceBuilder& builder, const seq::SequenceLayout& layout,
                   const QPalette& palette, size_t first = seq::kNone, size_t last = seq::kNone,
                   double scale = 1.0);

    // False with *error set when nothing could be written.
    bool svg(const QString& path, QString* error) const;
    // As svg(); when the picture was cut at the size cap it is still
    // written, true is returned and *note says what was left out.
    bool png(const QString& path, QString* error, QString* note = nullptr) const;

private:
    struct Frame {
        double sceneTop = 0;  // scene y shown just under the headers
        double sceneBottom = 0;
        double width = 0;
        double height = 0;  // headers + body
    };
    Frame frame() const;
    void render(class QPainter& p, const Frame& f, double maxHeight) const;

    const seq::SequenceBuilder& builder_;
    const seq::SequenceLayout& layout_;
    QPalette palette_;
    size_t first_, last_;
    double scale_;
};

}  // namespace sockwb
