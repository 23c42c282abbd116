#include "widgets/composer/composertext.h"

#include <QCoreApplication>

#include "widgets/common/byteformat.h"

namespace sockwb {

QString composerVisibleBytes(const QByteArray& bytes, qsizetype limit, bool markCrLf) {
    const QByteArray part = bytes.left(limit);
    QString out;
    qsizetype pos = 0;
    if (!markCrLf) {
        out = ByteFormat::toText(part);
        pos = part.size();
    }
    while (pos < part.size()) {
        qsizetype eol = part.indexOf("\r\n", pos);
        if (eol < 0) {
            out += ByteFormat::toText(part.mid(pos));
            break;
        }
        out += ByteFormat::toText(part.mid(pos, eol - pos)) + QStringLiteral("\\r\\n\n");
        pos = eol + 2;
    }
    if (bytes.size() > limit)
        out += QCoreApplication::translate("sockwb::Composer", "\n[... %1 more not shown]")
                   .arg(composerSize(quint64(bytes.size() - limit)));
    return out;
}

QString composerSize(quint64 bytes) {
    if (bytes < 1024) return QCoreApplication::translate("sockwb::Composer", "%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QCoreApplication::translate("sockwb::Composer", "%1 KiB")
            .arg(double(bytes) / 1024, 0, 'f', 1);
    return QCoreApplication::translate("sockwb::Composer", "%1 MiB")
        .arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

}  // namespace sockwb
