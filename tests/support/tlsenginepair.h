#pragma once
// Two TLS Engines, a client and a server, wired back to back in memory:
// pump() moves each one's output into the other and decrypts until both
// are quiet, so a test sees a whole handshake (and its records) without a
// socket. A failure on either side is kept (clientError / serverError)
// and its alert still delivered to the other side, so a test can check
// both ends of a refused handshake. Header-only, test code only. Not
// thread-safe: one test thread drives a pair.

#include <memory>
#include <optional>
#include <string>

#include "core/net/error.h"
#include "core/tls/tlscontext.h"
#include "core/tls/tlsengine.h"

namespace sockwb::test {

struct TlsEnginePair {
    std::shared_ptr<const tls::Context> clientContext;
    std::shared_ptr<const tls::Context> serverContext;
    std::unique_ptr<tls::Engine> client;
    std::unique_ptr<tls::Engine> server;
    std::string clientPlain;  // plaintext the client received
    std::string serverPlain;  // plaintext the server received
    std::optional<Error> clientError;
    std::optional<Error> serverError;
    std::size_t flights = 0;  // deliveries of ciphertext, both ways

    // New engines over the two contexts (kept: reuse them for resumption).
    // serverName is the client's SNI and the name it verifies, sessionKey
    // its resumption cache key.
    TlsEnginePair(std::shared_ptr<const tls::Context> c, std::shared_ptr<const tls::Context> s,
                  const std::string& serverName = "localhost",
                  const std::string& sessionKey = "localhost:443")
        : clientContext(std::move(c)), serverContext(std::move(s)) {
        client = std::make_unique<tls::Engine>(clientContext, serverName, sessionKey);
        server = std::make_unique<tls::Engine>(serverContext);
        client->keepRecords(true);
        server->keepRecords(true);
    }

    // Starts the client and pumps. True when both handshakes are done
    // and neither side failed.
    bool handshake() {
        try {
            client->start();
        } catch (const Error& e) {
            clientError = e;
        }
        pump();
        return ok() && client->handshakeDone() && server->handshakeDone();
    }

    bool ok() const { return !clientError && !serverError; }

    // Moves ciphertext both ways until neither side has any to send. A
    // side that failed still sends what it has (its alert) but reads no
    // more.
    void pump() {
        for (int round = 0; round < 1000; ++round) {
            bool moved = deliver(*client, *server, serverPlain, serverError);
            moved = deliver(*server, *client, clientPlain, clientError) || moved;
            if (!moved) return;
        }
    }

private:
    // from's output → to.receive → to.read. True when bytes moved.
    bool deliver(tls::Engine& from, tls::Engine& to, std::string& plain,
                 std::optional<Error>& toError) {
        std::string wire;
        if (!from.takeOutput(wire)) return false;
        ++flights;
        if (toError) return true;  // a failed engine reads no more
        to.receive(wire);
        try {
            to.read(plain);
        } catch (const Error& e) {
            toError = e;
        }
        return true;
    }
};

}  // namespace sockwb::test
