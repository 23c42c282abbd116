#pragma once
// Table of request-parser cases, shared by tests/core/http/tst_http_request.cpp
// and tests/fuzz/make_corpus.cpp. Plain C++: no Qt here.
//
// Expected results are lines, one per request taken from the parser:
//   "METHOD target version ka=0|1 [100c ]body=<escaped>"
// followed, when parsing stops on an error, by "error=<Code> status=<NNN>".

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sockwb::http::cases {

struct RequestCase {
    const char* name = "";
    std::string input = {};
    bool eof = false;
    std::size_t maxHeaderBytes = 0;  // 0: default limit
    std::uint64_t maxBodyBytes = 0;  // 0: default limit
    std::vector<std::string> expected = {};
};

inline std::string manyRequestHeaders(int n) {
    std::string s = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < n; ++i) s += "X-H" + std::to_string(i) + ": v\r\n";
    return s + "\r\n";
}

inline const std::vector<RequestCase>& requestCases() {
    using namespace std::string_literals;
    static const std::vector<RequestCase> cases = {
        // ---- valid
        {.name = "get_simple",
         .input = "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"GET / HTTP/1.1 ka=1 body="}},
        {.name = "get_headers_query",
         .input = "GET /search?q=x&y=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: t/1\r\nAccept: "
                  "*/*\r\n\r\n",
         .expected = {"GET /search?q=x&y=1 HTTP/1.1 ka=1 body="}},
        {.name = "post_cl",
         .input = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
         .expected = {"POST /echo HTTP/1.1 ka=1 body=hello"}},
        {.name = "post_binary",
         .input = "PUT /f HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\n\0\r\n\xff"s,
         .expected = {"PUT /f HTTP/1.1 ka=1 body=\\0\\r\\n\\xff"}},
        {.name = "post_chunked_trailer",
         .input = "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                  "chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n"
                  "0\r\nX-Sum: 1\r\n\r\n",
         .expected = {"POST /u HTTP/1.1 ka=1 body=hello world"}},
        {.name = "http10_no_host",
         .input = "GET / HTTP/1.0\r\n\r\n",
         .expected = {"GET / HTTP/1.0 ka=0 body="}},
        {.name = "http10_keep_alive",
         .input = "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
         .expected = {"GET / HTTP/1.0 ka=1 body="}},
        {.name = "http11_close",
         .input = "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
         .expected = {"GET / HTTP/1.1 ka=0 body="}},
        {.name = "http11_connection_list",
         .input = "GET / HTTP/1.1\r\nHost: a\r\nConnection: TE, Close\r\n\r\n",
         .expected = {"GET / HTTP/1.1 ka=0 body="}},
        {.name = "http12_as_11",
         .input = "GET / HTTP/1.2\r\nHost: a\r\n\r\n",
         .expected = {"GET / HTTP/1.2 ka=1 body="}},
        {.name = "options_star",
         .input = "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"OPTIONS * HTTP/1.1 ka=1 body="}},
        {.name = "absolute_form",
         .input = "GET http://example.com/x HTTP/1.1\r\nHost: example.com\r\n\r\n",
         .expected = {"GET http://example.com/x HTTP/1.1 ka=1 body="}},
        {.name = "connect_authority",
         .input = "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
         .expected = {"CONNECT example.com:443 HTTP/1.1 ka=1 body="}},
        {.name = "leading_crlf",
         .input = "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"GET / HTTP/1.1 ka=1 body="}},
        {.name = "expect_continue",
         .input =
             "POST /up HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi",
         .expected = {"POST /up HTTP/1.1 ka=1 100c body=hi"}},
        {.name = "pipelined_three",
         .input = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: "
                  "a\r\nContent-Length: 3\r\n\r\nabc"
                  "GET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
         .expected = {"GET /1 HTTP/1.1 ka=1 body=", "POST /2 HTTP/1.1 ka=1 body=abc",
                      "GET /3 HTTP/1.1 ka=0 body="}},
        {.name = "pipelined_partial",
         .input = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\nGET /3 "
                  "HTTP/1.1\r\nHo",
         .expected = {"GET /1 HTTP/1.1 ka=1 body=", "GET /2 HTTP/1.1 ka=1 body="}},
        {.name = "clean_eof_after_request",
         .input = "GET / HTTP/1.1\r\nHost: a\r\n\r\n\r\n",
         .eof = true,
         .expected = {"GET / HTTP/1.1 ka=1 body="}},
        // ---- errors: 400
        {.name = "err_missing_host",
         .input = "GET / HTTP/1.1\r\n\r\n",
         .expected = {"error=MissingHost status=400"}},
        {.name = "err_duplicate_host",
         .input = "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
         .expected = {"error=DuplicateHost status=400"}},
        {.name = "err_bad_method",
         .input = "G@T / HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BadMethod status=400"}},
        {.name = "err_relative_target",
         .input = "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BadTarget status=400"}},
        {.name = "err_star_not_options",
         .input = "GET * HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BadTarget status=400"}},
        {.name = "err_bad_version",
         .input = "GET / HTTP/1\r\nHost: a\r\n\r\n",
         .expected = {"error=BadVersion status=400"}},
        {.name = "err_lowercase_version",
         .input = "GET / http/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BadVersion status=400"}},
        {.name = "err_double_space",
         .input = "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BadRequestLine status=400"}},
        {.name = "err_no_version",
         .input = "GET /\r\nHost: a\r\n\r\n",
         .expected = {"error=BadRequestLine status=400"}},
        {.name = "err_header_no_colon",
         .input = "GET / HTTP/1.1\r\nHost: a\r\nBroken\r\n\r\n",
         .expected = {"error=BadHeader status=400"}},
        {.name = "err_space_before_colon",
         .input = "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
         .expected = {"error=BadHeader status=400"}},
        {.name = "err_obs_fold",
         .input = "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n",
         .expected = {"error=BadHeader status=400"}},
        {.name = "err_cl_conflict",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
         .expected = {"error=ConflictingContentLength status=400"}},
        {.name = "err_cl_invalid",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\nab",
         .expected = {"error=BadContentLength status=400"}},
        {.name = "err_te_and_cl",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: "
                  "chunked\r\n\r\n0\r\n\r\n",
         .expected = {"error=ConflictingFraming status=400"}},
        {.name = "err_chunked_twice",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n",
         .expected = {"error=BadTransferEncoding status=400"}},
        {.name = "err_bad_chunk",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n",
         .expected = {"error=BadChunkSize status=400"}},
        {.name = "err_truncated_body_eof",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\nabc",
         .eof = true,
         .expected = {"error=TruncatedBody status=400"}},
        // ---- errors: 431 / 413 / 505 / 501
        {.name = "err_header_too_large",
         .input = "GET / HTTP/1.1\r\nHost: a\r\nCookie: " + std::string(200, 'c') + "\r\n\r\n",
         .maxHeaderBytes = 128,
         .expected = {"error=HeaderTooLarge status=431"}},
        {.name = "err_too_many_headers",
         .input = manyRequestHeaders(100),
         .expected = {"error=TooManyHeaders status=431"}},
        {.name = "err_body_too_large_cl",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
         .maxBodyBytes = 4,
         .expected = {"error=BodyTooLarge status=413"}},
        {.name = "err_body_too_large_chunked",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                  "chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n",
         .maxBodyBytes = 4,
         .expected = {"error=BodyTooLarge status=413"}},
        {.name = "err_http2",
         .input = "GET / HTTP/2.0\r\nHost: a\r\n\r\n",
         .expected = {"error=UnsupportedVersion status=505"}},
        {.name = "err_http3",
         .input = "GET / HTTP/3.0\r\nHost: a\r\n\r\n",
         .expected = {"error=UnsupportedVersion status=505"}},
        {.name = "err_te_gzip",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
         .expected = {"error=UnsupportedTransferEncoding status=501"}},
        {.name = "err_te_gzip_chunked",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
         .expected = {"error=UnsupportedTransferEncoding status=501"}},
        // ---- bare LF in the head: 400 (CVE-2022-32214), never a hidden request
        {.name = "err_lf_only",
         .input = "GET /lf HTTP/1.1\nHost: a\n\n",
         .expected = {"error=BareLf status=400"}},
        {.name = "err_lf_hidden_content_length",
         .input = "GET / HTTP/1.1\r\nDummy: x\nContent-Length: 23\r\n\r\n"
                  "GET / HTTP/1.1\r\nDummy: GET /admin HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BareLf status=400"}},
        {.name = "err_lf_after_host",
         .input = "GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n",
         .expected = {"error=BareLf status=400"}},
        {.name = "err_lf_end_of_head",
         .input = "GET / HTTP/1.1\r\nHost: a\r\n\n",
         .expected = {"error=BareLf status=400"}},
        {.name = "err_lf_leading_empty_line",
         .input = "\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BareLf status=400"}},
        {.name = "err_lf_after_request",
         .input = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\nHost: a\r\n\r\n",
         .expected = {"GET /1 HTTP/1.1 ka=1 body=", "error=BareLf status=400"}},
        {.name = "err_bare_cr_in_value",
         .input = "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n",
         .expected = {"error=BadHeader status=400"}},
        {.name = "err_bare_cr_request_line",
         .input = "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"error=BadTarget status=400"}},
        // ---- chunked framing, strict (more in chunked_cases.h)
        {.name = "err_chunk_lf_after_size",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "3\nabc\r\n0\r\n\r\n",
         .expected = {"error=BareLf status=400"}},
        {.name = "err_chunk_empty_extension",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "3;\r\nabc\r\n0\r\n\r\n",
         .expected = {"error=BadChunkExtension status=400"}},
        {.name = "err_chunk_line_too_long",
         .input = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "1;x=" +
                  std::string(5000, 'y') + "\r\na\r\n0\r\n\r\n",
         .expected = {"error=BadChunkSize status=400"}},
        // ---- pipelining stops at the first bad request
        {.name = "pipelined_then_error",
         .input = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.0\r\n\r\nBAD\r\n\r\nGET /4 "
                  "HTTP/1.1\r\nHost: a\r\n\r\n",
         .expected = {"GET /1 HTTP/1.1 ka=1 body=", "GET /2 HTTP/1.0 ka=0 body=",
                      "error=BadRequestLine status=400"}},
    };
    return cases;
}

}  // namespace sockwb::http::cases
