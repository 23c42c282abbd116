#pragma once
// SequenceView: the exchange drawn as a sequence diagram, built from trace
// events by seq::SequenceBuilder (core/sequence/sequence.h): lifelines per
// socket endpoint grouped by process, arrows for the handshake, data, FIN,
// RST and datagrams. Feed it like a TraceView: attach one or more
// TraceAdapters (an experiment: a server and its clients) or call
// appendEvents(). GUI thread only.

#include <QVector>
#include <QWidget>
#include <memory>

#include "core/net/trace.h"

namespace sockwb {

namespace seq {
class SequenceBuilder;
}
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

    // Writes the whole diagram; false with errorString set.
    bool exportSvg(const QString& path, QString* errorString = nullptr) const;
    bool exportPng(const QString& path, QString* errorString = nullptr) const;

private:
    std::unique_ptr<seq::SequenceBuilder> builder_;
};

}  // namespace sockwb
