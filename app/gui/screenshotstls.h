#pragma once
// The TLS picture of `sockwb --screenshots`: the composer after an https://
// request to the workbench's own http server over TLS (its self-signed
// localhost certificate, made in a temporary config folder), on its
// Certificate tab. GUI thread; the server is stopped before it returns.

class QDir;

namespace sockwb::app {

// Saves composer-certificate.png into dir; true when it was written.
bool shootComposerTls(const QDir& dir);

}  // namespace sockwb::app
