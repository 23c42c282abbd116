#pragma once
// SequenceView: the exchange drawn as a sequence diagram, built from trace
// events by seq::SequenceBuilder (core/sequence/sequence.h): lifelines per
// socket endpoint grouped by process, arrows for the handshake, data, FIN,
// RST and datagrams. Feed it like a TraceView: attach one or more
// TraceAdapters (an experiment: a server and its clients) or call
// appendEvents(). A toolbar chooses the time axis (compressed or real, with
// a zoom), steps and plays the exchange call by call, and exports SVG/PNG;
// the pane under the diagram shows the clicked call's or arrow's bytes.
// GUI thread only.

#include <QVector>
#include <QWidget>
#include <cstddef>
#include <memory>

#include "core/net/trace.h"
#include "core/sequence/sequencelayout.h"

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace sockwb {

namespace seq {
class SequenceBuilder;
}
class SequenceCanvas;
class SequenceDetails;
class TraceAdapter;

class SequenceView final : public QWidget {
    Q_OBJECT
public:
    explicit SequenceView(QWidget* parent = nullptr);
    ~SequenceView() override;

    // Shows the adapter's batches; several adapters may be attached. Not
    // owned; detached when it is destroyed.
    void attach(TraceAdapter* adapter);
    void appendEvents(const QVector<sockwb::TraceEvent>& events);
    void clear();

    const seq::SequenceBuilder& builder() const;
    const seq::SequenceLayout& layout() const { return layout_; }
    SequenceCanvas* canvas() const { return canvas_; }
    SequenceDetails* details() const { return details_; }

    void setAxis(seq::LayoutOptions::Axis axis);
    // Real axis zoom, pixels per millisecond.
    void setZoom(double pxPerMs);

    // Selects a call or an arrow (kNone for none) and shows it below.
    void select(size_t call, size_t arrow = static_cast<size_t>(-1));
    // Export only the rows between two calls (positions in timeOrder), or
    // everything again with clearRange().
    void setRange(size_t fromCall, size_t toCall);
    void clearRange();

    // Replay: the playhead is a position in timeOrder (kNone: all shown).
    void step();
    void stepBack();
    void play();
    void pause();
    void stop();  // back to showing everything
    void rewind();
    bool isPlaying() const;
    size_t playhead() const;
    // Calls per second while playing.
    void setSpeed(int callsPerSecond);

    // Writes the whole diagram (or the range); false with errorString set.
    // exportPng() cuts a huge picture at SequenceExport's cap: it still
    // returns true and says so in errorString (and in the status line).
    bool exportSvg(const QString& path, QString* errorString = nullptr) const;
    bool exportPng(const QString& path, QString* errorString = nullptr) const;

    // Calls and arrows the last paint drew (a test hook).
    int paintedItems() const;

private:
    QWidget* buildToolBar();
    void onSelection(size_t call, size_t arrow);
    void relayout();
    void scaleToPresentation();
    void updateStatus();
    void exportWithDialog(bool svg);

    std::unique_ptr<seq::SequenceBuilder> builder_;
    seq::SequenceLayout layout_;
    SequenceCanvas* canvas_ = nullptr;
    SequenceDetails* details_ = nullptr;
    QComboBox* axis_ = nullptr;
    QSlider* zoom_ = nullptr;
    QComboBox* speed_ = nullptr;
    QToolButton* play_ = nullptr;
    QLabel* status_ = nullptr;
    QTimer* timer_ = nullptr;
    size_t rangeFirst_ = static_cast<size_t>(-1);
    size_t rangeLast_ = static_cast<size_t>(-1);
    QString note_;
};

}  // namespace sockwb
