#include "widgets/sequence/sequenceexport.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

#include "widgets/sequence/sequencepainter.h"

namespace sockwb {

SequenceExport::SequenceExport(const seq::SequenceBuilder& builder,
                               const seq::SequenceLayout& layout, const QPalette& palette,
                               size_t first, size_t last, double scale)
    : builder_(builder),
      layout_(layout),
      palette_(palette),
      first_(first),
      last_(last),
      scale_(scale) {}

SequenceExport::Frame SequenceExport::frame() const {
    const seq::LayoutOptions& o = layout_.options();
    Frame f;
    f.width = std::ceil(layout_.width());
    const size_t rows = builder_.timeOrder().size();
    if (first_ == seq::kNone || rows == 0 || layout_.laidCalls() != builder_.calls().size()) {
        f.sceneTop = o.top;
        f.sceneBottom = layout_.height();
    } else {
        const size_t first = std::min(first_, rows - 1);
        const size_t last = std::clamp(last_, first + 1, rows);
        f.sceneTop = layout_.rowY(first) - 20.0;
        f.sceneBottom = layout_.rowY(last - 1) + o.bottomMargin;
    }
    f.height = std::ceil(o.top + f.sceneBottom - f.sceneTop);
    return f;
}

void SequenceExport::render(QPainter& p, const Frame& f, double maxHeight) const {
    const seq::LayoutOptions& o = layout_.options();
    const double height = std::min(f.height, maxHeight);
    const double bodyBottom = f.sceneTop + height - o.top;
    SequencePainter sp(builder_, layout_, palette_);
    sp.setScale(scale_);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRectF(0, 0, f.width, height), palette_.color(QPalette::Base));
    p.save();
    p.setClipRect(QRectF(o.left, o.top, f.width - o.left, height - o.top));
    p.translate(0, o.top - f.sceneTop);
    sp.paintBody(p, QRectF(o.left, f.sceneTop, f.width - o.left, bodyBottom - f.sceneTop));
    p.restore();
    p.save();
    p.setClipRect(QRectF(0, o.top, o.left, height - o.top));
    p.translate(0, o.top - f.sceneTop);
    sp.paintRuler(p, f.sceneTop, bodyBottom);
    p.restore();
    sp.paintHeaders(p, 0, f.width);
    p.fillRect(QRectF(0, 0, o.left, o.top), palette_.color(QPalette::Window));
}

bool SequenceExport::svg(const QString& path, QString* error) const {
    const Frame f = frame();
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, probe.errorString());
        return false;
    }
    probe.close();
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(QSize(int(f.width), int(f.height)));
    gen.setViewBox(QRectF(0, 0, f.width, f.height));
    gen.setTitle(tr("Sequence diagram"));
    gen.setDescription(tr("Socket calls and the exchanges between them, by Socket Workbench"));
    QPainter p;
    if (!p.begin(&gen)) {
        if (error) *error = tr("Cannot write %1").arg(path);
        return false;
    }
    render(p, f, f.height);
    p.end();
    return true;
}

bool SequenceExport::png(const QString& path, QString* error, QString* note) const {
    const Frame f = frame();
    const int w = std::min(int(f.width), kMaxPngWidth);
    const int h = std::min(int(f.height), kMaxPngHeight);
    QImage image(std::max(w, 1), std::max(h, 1), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error) *error = tr("Not enough memory for a %1 × %2 picture").arg(w).arg(h);
        return false;
    }
    {
        QPainter p(&image);
        render(p, f, h);
    }
    if (!image.save(path, "PNG")) {
        if (error) *error = tr("Cannot write %1").arg(path);
        return false;
    }
    if (note) {
        note->clear();
        if (f.height > h || f.width > w)
            *note = tr("The picture was cut at %1 × %2 pixels (the diagram is %3 × %4): export a "
                       "range of rows (Shift+click a second call) or SVG for the rest.")
                        .arg(w)
                        .arg(h)
                        .arg(qint64(f.width))
                        .arg(qint64(f.height));
    }
    return true;
}

}  // namespace sockwb
