#pragma once
// ByteFormat: bytes <-> text for the client windows. Parses what the user
// types (text with C escapes, or hex digits) into bytes, and shows bytes as
// readable text or as a hex dump. Pure functions: thread-safe.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace sockwb {

class ByteFormat {
    Q_DECLARE_TR_FUNCTIONS(sockwb::ByteFormat)
public:
    // "Bonjour\n", "\x00\xff", "tab\there": the text as UTF-8 with the escapes
    // \n \r \t \0 \\ \xHH resolved. nullopt and *error set on a bad escape.
    static std::optional<QByteArray> parseEscaped(const QString& text, QString* error = nullptr);
    // "42 6f 6e", "426f6e", "0x42,0x6f": pairs of hex digits; spaces, commas
    // and 0x prefixes are ignored. nullopt and *error set otherwise.
    static std::optional<QByteArray> parseHex(const QString& text, QString* error = nullptr);
    // Readable text: UTF-8 where valid; "\r\n" kept as a line break, other
    // control bytes and invalid bytes as \xHH escapes.
    static QString toText(const QByteArray& bytes);
    // Hex dump, 16 bytes a line: "0000  42 6f 6e 6a ...  Bonj...".
    static QString toHexDump(const QByteArray& bytes);
    // The bytes as escaped text on one line ("Bonjour\n"), for the history.
    static QString toEscaped(const QByteArray& bytes);
};

}  // namespace sockwb
