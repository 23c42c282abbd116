#pragma once
// The Socket API cheat sheet: for each call of the course, what it does in
// one line and the errors it commonly returns. The trace view uses it for
// its tooltips, the Help menu shows it in CheatSheetDialog. Plain data,
// translated through tr() each time it is asked for (so a language change
// is picked up).

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace sockwb {

struct CheatSheetEntry {
    QString call;     // "accept"
    QString summary;  // one line: what it does
    QString errors;   // common errno names with a few words each
};

class CheatSheet final {
    Q_DECLARE_TR_FUNCTIONS(sockwb::CheatSheet)
public:
    // Every entry in the course's order. Thread-safe (builds a new list).
    static QVector<CheatSheetEntry> entries();
    // The entry for a traced call name: "accept4" -> accept, "epoll_wait" ->
    // epoll, "recvfrom" -> sendto/recvfrom. Empty entry (call "") if none.
    static CheatSheetEntry lookup(const QString& call);
    // Rich-text tooltip for a traced call, "" when the sheet does not know it.
    static QString tooltip(const QString& call);
    // Whole sheet as HTML (the dialog's content). Thread-safe.
    static QString html();
};

}  // namespace sockwb
