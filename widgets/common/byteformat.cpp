#include "widgets/common/byteformat.h"

#include <QStringDecoder>

#include "core/net/escapes.h"

namespace sockwb {

namespace {
QString escapeByte(unsigned char b) {
    return QStringLiteral("\\x%1").arg(b, 2, 16, QLatin1Char('0'));
}

bool printableAscii(unsigned char b) { return b >= 0x20 && b < 0x7f; }
}  // namespace

std::optional<QByteArray> ByteFormat::parseEscaped(const QString& text, QString* error) {
    // Escapes are ASCII and UTF-8 never puts a '\\' byte inside a character,
    // so decoding the UTF-8 form gives the same bytes as decoding the text.
    const QByteArray utf8 = text.toUtf8();
    EscapeError e;
    const auto bytes = decodeEscapes(std::string_view(utf8.constData(), size_t(utf8.size())), &e);
    if (bytes) return QByteArray(bytes->data(), qsizetype(bytes->size()));
    if (error) {
        switch (e.code) {
            case EscapeError::Code::LoneBackslash:
                *error = tr("A backslash ends the text: write \\\\ for a backslash.");
                break;
            case EscapeError::Code::BadHex: {
                // The position of the 'x', counted in characters as typed.
                const qsizetype at =
                    QString::fromUtf8(utf8.constData(), qsizetype(e.offset) + 1).size();
                *error = tr("\\x needs two hex digits, as in \\x0a (position %1).").arg(at);
                break;
            }
            case EscapeError::Code::UnknownEscape:
                *error = tr("Unknown escape \\%1: use \\n \\r \\t \\0 \\\\ or \\xHH.")
                             .arg(QString::fromUtf8(utf8.constData() + e.offset + 1).left(1));
                break;
        }
    }
    return std::nullopt;
}

std::optional<QByteArray> ByteFormat::parseHex(const QString& input, QString* error) {
    QString text = input;
    text.replace(QLatin1String("0x"), QString(), Qt::CaseInsensitive);
    QByteArray out;
    int pendingNibble = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':')) continue;
        int v = hexDigitValue(c.toLatin1());
        if (v < 0) {
            if (error) *error = tr("'%1' is not a hex digit.").arg(c);
            return std::nullopt;
        }
        if (pendingNibble < 0) {
            pendingNibble = v;
        } else {
            out += static_cast<char>(pendingNibble * 16 + v);
            pendingNibble = -1;
        }
    }
    if (pendingNibble >= 0) {
        if (error) *error = tr("Odd number of hex digits: each byte takes two.");
        return std::nullopt;
    }
    return out;
}

QString ByteFormat::toText(const QByteArray& bytes) {
    QString out;
    out.reserve(bytes.size());
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto b = static_cast<unsigned char>(bytes.at(i));
        if (b == '\r' && i + 1 < bytes.size() && bytes.at(i + 1) == '\n') {
            ++i;  // a CRLF reads as one line break
            continue;
        }
        if (b == '\n' || b == '\t') {
            out += QChar(b);
            ++i;
            continue;
        }
        if (b < 0x20 || b == 0x7f) {
            out += escapeByte(b);
            ++i;
            continue;
        }
        if (b < 0x80) {
            out += QChar(b);
            ++i;
            continue;
        }
        // A UTF-8 sequence: decode it if it is complete and valid.
        int len = (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : (b & 0xf8) == 0xf0 ? 4 : 0;
        bool valid = len > 0 && i + len <= bytes.size();
        for (int k = 1; valid && k < len; ++k)
            valid = (static_cast<unsigned char>(bytes.at(i + k)) & 0xc0) == 0x80;
        if (valid) {
            QString s = QString::fromUtf8(bytes.constData() + i, len);
            valid = !s.contains(QChar::ReplacementCharacter);
            if (valid) {
                out += s;
                i += len;
                continue;
            }
        }
        out += escapeByte(b);
        ++i;
    }
    return out;
}

QString ByteFormat::toHexDump(const QByteArray& bytes) {
    QString out;
    for (qsizetype off = 0; off < bytes.size(); off += 16) {
        if (off) out += QLatin1Char('\n');
        out += QStringLiteral("%1  ").arg(off, 4, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype k = 0; k < 16; ++k) {
            if (off + k < bytes.size()) {
                const auto b = static_cast<unsigned char>(bytes.at(off + k));
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += printableAscii(b) ? QChar(b) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (k == 7) out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii;
    }
    return out;
}

QString ByteFormat::toEscaped(const QByteArray& bytes) {
    QString out;
    for (char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        switch (b) {
            case '\n':
                out += QLatin1String("\\n");
                break;
            case '\r':
                out += QLatin1String("\\r");
                break;
            case '\t':
                out += QLatin1String("\\t");
                break;
            case '\\':
                out += QLatin1String("\\\\");
                break;
            default:
                out += printableAscii(b) ? QString(QChar(b)) : escapeByte(b);
        }
    }
    return out;
}

}  // namespace sockwb
