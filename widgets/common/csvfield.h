#pragma once
// csvField: one field of a CSV line (RFC 4180): quoted, with inner quotes
// doubled, only when it holds a comma, a quote or a line break. Pure.

#include <QString>

namespace sockwb {

inline QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

}  // namespace sockwb
