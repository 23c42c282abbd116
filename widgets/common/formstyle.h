#pragma once
// The few visual cues every form and window shares, so that an error looks
// the same everywhere: one red, and one way to mark a field as invalid.
// GUI thread only.

#include <QColor>

class QLineEdit;
class QWidget;

namespace sockwb::formstyle {

// The red of errors (status lines, failed rows, the invalid-field border).
QColor errorColor();
// Red border on an edit while its text is invalid. Cheap to call on every
// keystroke: the style sheet is only set when the state really changes (a
// style is built per widget; 100 client windows must open fast).
void markInvalid(QLineEdit* edit, bool invalid);
// A label's text in the error red (or back to the normal text colour).
void setErrorText(QWidget* label, bool isError);

}  // namespace sockwb::formstyle
