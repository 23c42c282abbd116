#pragma once
// ServerPanelText: the server panel's words made from the core's codes and
// numbers: the log line of each server event, the memory counter, and how
// a listener is named where addresses are shown ("echo tls 127.0.0.1:5000",
// "http https://127.0.0.1:8443/" when the server speaks TLS). Kept out of
// ServerPanel so the panel only composes. The strings keep the panel's
// translation context. Pure functions, GUI thread (translations).

#include <QCoreApplication>
#include <QString>

#include "core/server/server.h"
#include "widgets/common/logview.h"
#include "widgets/server/serverobserveradapter.h"

namespace sockwb {

class ServerPanelText final {
    // The panel's context: these lines were the panel's and keep their translations.
    Q_DECLARE_TR_FUNCTIONS(sockwb::ServerPanel)
public:
    // The log line for one event (not Stopped).
    static LogView::Line eventLine(const ServerEvent& event);
    // "memory 12.3 MiB of 256.0 MiB (peak 40.1 MiB)".
    static QString memoryText(const ServerStats& stats);
    // True when listener `index` of config speaks TLS (a TCP one, tls on).
    static bool speaksTls(const ServerConfig& config, size_t index);
    // "tls" for a listener that speaks TLS, else protocolName() ("tcp"...).
    static QString protocolWord(const ServerConfig& config, size_t index);
    // The address as a client would use it: "https://127.0.0.1:8443/" for
    // http over TLS, else Address::toString().
    static QString addressText(const ServerConfig& config, size_t index, const Address& address);
};

}  // namespace sockwb
