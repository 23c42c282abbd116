#pragma once
// SequenceTab: the "Sequence" tab of a server panel, a client window and a
// run window. Its SequenceView is made the first time the tab is shown (or
// view() is asked for): a window whose sequence nobody looks at builds
// none. The new view starts from the events the window's TraceView keeps
// (so the handshake made before is there), then follows the adapter live.
// A row above the view holds buttons the owner adds (the server panel's
// "With clients"). GUI thread only.

#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QVBoxLayout;

namespace sockwb {

class SequenceView;
class TraceAdapter;
class TraceView;

class SequenceTab final : public QWidget {
    Q_OBJECT
public:
    // adapter: the live events; seed: the trace view fed by the same adapter.
    // Neither is owned; either may be destroyed first.
    SequenceTab(TraceAdapter* adapter, TraceView* seed, QWidget* parent = nullptr);
    ~SequenceTab() override;

    // The view, made (seeded, attached) on the first call.
    SequenceView* view();
    bool hasView() const { return view_ != nullptr; }
    // Forgets the events shown (a new run of the program).
    void clear();
    // The row above the view, for the owner's buttons (add them: they go right).
    QHBoxLayout* toolBar() const { return toolBar_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    QPointer<TraceAdapter> adapter_;
    QPointer<TraceView> seed_;
    QVBoxLayout* layout_;
    QHBoxLayout* toolBar_;
    SequenceView* view_ = nullptr;
};

}  // namespace sockwb
