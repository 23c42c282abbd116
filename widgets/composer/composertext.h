#pragma once
// Text helpers of the HTTP composer: bytes shown as they are on the wire
// (CR LF made visible), bounded so a 10 MiB message never reaches a text
// widget whole. Pure functions: thread-safe.

#include <QByteArray>
#include <QString>

namespace sockwb {

// The first `limit` bytes as text: with markCrLf each CR LF is written
// "\r\n" before the line break (the wire made visible), else it is only a
// line break; other control and invalid bytes as \xHH; a note says what was cut.
QString composerVisibleBytes(const QByteArray& bytes, qsizetype limit, bool markCrLf = true);
// "532 B", "12.4 KiB", "10.0 MiB".
QString composerSize(quint64 bytes);

}  // namespace sockwb
