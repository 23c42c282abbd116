#pragma once
// SockoptRow: one named socket option's line in a SockoptsBox: a "set"
// check box named after the option, an editor of its kind (on/off; a size
// in KiB; seconds; milliseconds; a count; SO_LINGER off / on with N s),
// where a server sets it (listener or connections), and what the kernel
// read back. The editors only offer values the option accepts, so a bad
// value cannot be typed. The widgets are children of the box's body and
// sit in its grid; this object only ties them together. GUI thread only.

#include <QObject>

#include "core/net/sockopt.h"

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QSpinBox;
class QWidget;

namespace sockwb {

class SockoptRow final : public QObject {
    Q_OBJECT
public:
    // Adds the row's widgets to grid at row `row` of `body`; showWhere adds
    // the "set on" column (servers).
    SockoptRow(const SockoptSpec& spec, QWidget* body, QGridLayout* grid, int row, bool showWhere);

    const SockoptSpec& spec() const { return spec_; }
    QString name() const;
    bool isChecked() const;
    void setChecked(bool on);
    // The value in the setting's unit (bytes, ms, -1 for SO_LINGER off).
    int value() const;
    // Clamped to what the editor offers (bytes round to whole KiB).
    void setValue(int value);
    SockoptSetting setting() const { return {spec_.name, value()}; }

    // Shown or hidden with the protocol; a hidden row is not in settings().
    void setShown(bool shown);
    bool isShown() const { return shown_; }
    // The check box and the editor (not the read-back) while editable.
    void setEditable(bool editable);
    // What getsockopt returned (an error in red); nullptr clears it.
    void setReadback(const SockoptReadback* readback);
    QString readbackText() const;

signals:
    void changed();

private:
    void buildEditor(QWidget* body);
    void refreshEnabled();

    SockoptSpec spec_;
    QCheckBox* check_;
    QWidget* editor_;             // the cell: one of the editors below, or the linger pair
    QComboBox* onOff_ = nullptr;  // Flag, Linger
    QSpinBox* number_ = nullptr;  // Count, Bytes (KiB), Seconds, Millis, Linger's seconds
    QLabel* where_ = nullptr;     // servers: listener / connections
    QLabel* readback_;
    bool shown_ = true;
    bool editable_ = true;
};

}  // namespace sockwb
