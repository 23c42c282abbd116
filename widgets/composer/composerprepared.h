#pragma once
// ComposerPrepared: the composer's form made ready once per edit. From a
// ComposerRequest it reads the body (a body file once), parses the URL once
// and builds, without going through curl text, the http::Request in curl's
// header order (Host, Authorization, User-Agent, Accept, Accept-Encoding,
// the -H headers, Content-Length, Content-Type), the client options and the
// wire bytes (http::PreparedRequest), plus the equivalent curl command for
// "Copy as cURL". The raw pane shows `ready->wire`, Copy as cURL exports
// `curl`, and Send hands `*ready` to ComposerWorker, which writes exactly
// those bytes. The request equals what CurlCommand::toRequest() makes of
// `curl` byte for byte (tests/widgets/composer/tst_composer_prepared.cpp).
// A value type; prepare() is pure apart from reading the body file, and
// thread-safe.

#include <atomic>
#include <optional>
#include <string>

#include "core/http/curlcommand.h"
#include "core/http/preparedrequest.h"
#include "core/http/url.h"
#include "core/net/error.h"
#include "widgets/composer/composerrequest.h"

namespace sockwb {

struct ComposerPrepared {
    // Why the form cannot be sent (the method is checked by the editor).
    enum class Problem { None, Url, BodyFile, Header, Resolve };

    Problem problem = Problem::None;
    http::UrlError urlError;                     // Problem::Url
    std::optional<Error> bodyError;              // Problem::BodyFile: reading the file failed
    std::string headerError;                     // Problem::Header: http::invalidFieldReason()
    std::string resolveError;                    // Problem::Resolve: a bad HOST:PORT:ADDR
    std::optional<http::PreparedRequest> ready;  // set when problem is None
    http::CurlCommand curl;                      // the same request as curl options

    // Prepares the form (see above). Never throws for a bad URL or file.
    static ComposerPrepared prepare(const ComposerRequest& form);

    bool ok() const { return problem == Problem::None; }
    // The value the client would send for an automatic header ("" if none:
    // Host without a valid URL, Content-Length without a body).
    std::string autoDefault(const std::string& header) const;

    // How often the costly steps ran, process-wide: the tests check that one
    // edit parses the URL once and reads a body file once. Any thread.
    struct Counters {
        std::atomic<unsigned long> preparations{0};
        std::atomic<unsigned long> urlParses{0};
        std::atomic<unsigned long> bodyFileReads{0};
    };
    static Counters& counters();

private:
    bool hasBody_ = false;
    std::string body_;
    std::optional<http::Url> url_;
};

}  // namespace sockwb
