#pragma once
// Table of response-parser cases, shared by tests/core/http/tst_http_response.cpp
// (which checks the expectations) and tests/fuzz/make_corpus.cpp (which turns
// the inputs into the fuzzing seed corpus). Plain C++: no Qt here.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sockwb::http::cases {

struct ResponseCase {
    const char *name = "";
    std::string input = {};
    bool head = false;             // the request was HEAD
    bool eof = false;              // the peer closes after the input
    bool statusOnly = false;       // parser in status-only mode
    std::size_t maxHeaderBytes = 0; // 0: default limit
    std::uint64_t maxBodyBytes = 0; // 0: default limit
    // Expected result
    std::string error = {};             // ErrorCode name, empty when a response is expected
    int status = 0;
    bool keepAlive = false;
    std::string body = {};
    std::string header = {};            // "Name=value" that headers.get(Name) must return
    std::string trailer = {};           // "Name=value" that trailers.get(Name) must return
    int interim = 0;               // number of 1xx responses before the final one
    std::string leftover = {};          // bytes left for the next message
};

inline std::string manyHeaders(int n)
{
    std::string s = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < n; ++i)
        s += "X-H" + std::to_string(i) + ": v\r\n";
    return s + "Content-Length: 0\r\n\r\n";
}

inline const std::vector<ResponseCase> &responseCases()
{
    using namespace std::string_literals;
    static const std::vector<ResponseCase> cases = {
        // ---- valid: Content-Length
        {.name = "cl_basic", .input = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
         .status = 200, .keepAlive = true, .body = "hello", .header = "content-length=5"},
        {.name = "cl_zero", .input = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", .status = 200, .keepAlive = true},
        {.name = "cl_binary", .input = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\na\0b\r\n\0"s,
         .status = 200, .keepAlive = true, .body = "a\0b\r\n\0"s},
        {.name = "cl_leading_zeros", .input = "HTTP/1.1 200 OK\r\nContent-Length: 005\r\n\r\nabcde",
         .status = 200, .keepAlive = true, .body = "abcde"},
        {.name = "cl_duplicate_same", .input = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
         .status = 200, .keepAlive = true, .body = "abc"},
        {.name = "cl_list_same", .input = "HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc",
         .status = 200, .keepAlive = true, .body = "abc"},
        {.name = "http10_default_close", .input = "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi",
         .status = 200, .keepAlive = false, .body = "hi"},
        {.name = "http10_keep_alive", .input = "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nhi",
         .status = 200, .keepAlive = true, .body = "hi"},
        {.name = "http11_close", .input = "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx",
         .status = 404, .keepAlive = false, .body = "x"},
        {.name = "connection_list_close", .input = "HTTP/1.1 200 OK\r\nConnection: Upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n",
         .status = 200, .keepAlive = false},
        {.name = "http12_minor", .input = "HTTP/1.2 200 OK\r\nContent-Length: 1\r\n\r\nz",
         .status = 200, .keepAlive = true, .body = "z"},
        {.name = "lf_only", .input = "HTTP/1.1 200 OK\nContent-Length: 3\n\nabc", .status = 200, .keepAlive = true, .body = "abc"},
        {.name = "no_reason", .input = "HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", .status = 404, .keepAlive = true},
        {.name = "value_trimmed", .input = "HTTP/1.1 200 OK\r\nX-A:   spaced value \t\r\nContent-Length: 0\r\n\r\n",
         .status = 200, .keepAlive = true, .header = "x-a=spaced value"},
        {.name = "pipelined_leftover", .input = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n",
         .status = 200, .keepAlive = true, .body = "ok", .leftover = "HTTP/1.1 200 OK\r\n"},
        {.name = "status_only", .input = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloX", .statusOnly = true,
         .status = 200, .keepAlive = true, .body = "", .leftover = "X"},
        // ---- valid: chunked
        {.name = "chunked_basic",
         .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
         .status = 200, .keepAlive = true, .body = "hello world"},
        {.name = "chunked_ext_trailers",
         .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;name=val\r\nWiki\r\n5 ; ext\r\npedia\r\n"
                  "E\r\n in\r\n\r\nchunks.\r\n0;last\r\nExpires: never\r\nX-Check: 1\r\n\r\n",
         .status = 200, .keepAlive = true, .body = "Wikipedia in\r\n\r\nchunks.", .trailer = "x-check=1"},
        {.name = "chunked_upper_hex", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
         .status = 200, .keepAlive = true, .body = "0123456789"},
        {.name = "chunked_leading_zeros", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0005\r\nhello\r\n000\r\n\r\nnext",
         .status = 200, .keepAlive = true, .body = "hello", .leftover = "next"},
        {.name = "chunked_after_gzip", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
         .status = 200, .keepAlive = true, .body = "abc", .header = "transfer-encoding=gzip, chunked"},
        {.name = "te_and_cl_chunked_wins",
         .input = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
         .status = 200, .keepAlive = false, .body = "abc"},
        {.name = "te_not_chunked_until_close", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxyz", .eof = true,
         .status = 200, .keepAlive = false, .body = "xyz"},
        // ---- valid: no body
        {.name = "head_with_cl", .input = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", .head = true,
         .status = 200, .keepAlive = true, .header = "content-length=1000"},
        {.name = "head_with_chunked", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nHTTP", .head = true,
         .status = 200, .keepAlive = true, .leftover = "HTTP"},
        {.name = "status_204", .input = "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", .status = 204, .keepAlive = true},
        {.name = "status_304_leftover", .input = "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\nHTTP/1.1 200",
         .status = 304, .keepAlive = true, .header = "etag=\"x\"", .leftover = "HTTP/1.1 200"},
        {.name = "continue_then_200",
         .input = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
         .status = 200, .keepAlive = true, .body = "ok", .interim = 1},
        {.name = "two_interim",
         .input = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                  "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
         .status = 201, .keepAlive = true, .interim = 2},
        {.name = "switching_protocols",
         .input = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nraw\0bytes"s,
         .status = 101, .keepAlive = false, .header = "upgrade=websocket", .leftover = "raw\0bytes"s},
        // ---- valid: close-delimited
        {.name = "close_delimited", .input = "HTTP/1.1 200 OK\r\nServer: t\r\n\r\nuntil close", .eof = true,
         .status = 200, .keepAlive = false, .body = "until close"},
        {.name = "close_delimited_http10", .input = "HTTP/1.0 200 OK\r\n\r\nabc\r\n\r\n", .eof = true,
         .status = 200, .keepAlive = false, .body = "abc\r\n\r\n"},
        {.name = "close_delimited_empty", .input = "HTTP/1.1 200 OK\r\n\r\n", .eof = true, .status = 200, .keepAlive = false},
        // ---- valid: obs-fold
        {.name = "obs_fold", .input = "HTTP/1.1 200 OK\r\nX-Long: first\r\n  second\r\n\tthird\r\nContent-Length: 0\r\n\r\n",
         .status = 200, .keepAlive = true, .header = "x-long=first second third"},
        // ---- errors: Content-Length
        {.name = "err_cl_conflict", .input = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
         .error = "ConflictingContentLength"},
        {.name = "err_cl_list_conflict", .input = "HTTP/1.1 200 OK\r\nContent-Length: 3, 4\r\n\r\nabcd",
         .error = "ConflictingContentLength"},
        {.name = "err_cl_not_digits", .input = "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n", .error = "BadContentLength"},
        {.name = "err_cl_plus", .input = "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello", .error = "BadContentLength"},
        {.name = "err_cl_negative", .input = "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", .error = "BadContentLength"},
        {.name = "err_cl_overflow", .input = "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n",
         .error = "BadContentLength"},
        {.name = "err_cl_empty", .input = "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n", .error = "BadContentLength"},
        {.name = "err_cl_truncated_eof", .input = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", .eof = true,
         .error = "TruncatedBody"},
        // ---- errors: chunked
        {.name = "err_chunk_not_hex", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
         .error = "BadChunkSize"},
        {.name = "err_chunk_overflow",
         .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\nx\r\n", .error = "BadChunkSize"},
        {.name = "err_chunk_garbage_after_size", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n",
         .error = "BadChunkSize"},
        {.name = "err_chunk_missing_crlf",
         .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", .error = "BadChunkData"},
        {.name = "err_chunk_cr_without_lf",
         .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\rX0\r\n\r\n", .error = "BadChunkData"},
        {.name = "err_chunk_truncated_eof", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
         .eof = true, .error = "TruncatedBody"},
        {.name = "err_chunk_no_last_chunk_eof", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
         .eof = true, .error = "TruncatedBody"},
        {.name = "err_chunked_twice", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
         .error = "BadTransferEncoding"},
        {.name = "err_bad_trailer", .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nNoColon\r\n\r\n",
         .error = "BadTrailer"},
        // ---- errors: status line
        {.name = "err_version_2", .input = "HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", .error = "BadStatusLine"},
        {.name = "err_version_letters", .input = "HTTX/1.1 200 OK\r\n\r\n", .error = "BadStatusLine"},
        {.name = "err_version_no_minor", .input = "HTTP/1 200 OK\r\n\r\n", .error = "BadStatusLine"},
        {.name = "err_status_two_digits", .input = "HTTP/1.1 20 OK\r\n\r\n", .error = "BadStatusLine"},
        {.name = "err_status_letters", .input = "HTTP/1.1 2x0 OK\r\n\r\n", .error = "BadStatusLine"},
        {.name = "err_status_four_digits", .input = "HTTP/1.1 2000 OK\r\n\r\n", .error = "BadStatusLine"},
        {.name = "err_status_600", .input = "HTTP/1.1 600 Odd\r\n\r\n", .error = "BadStatusLine"},
        // ---- errors: header section
        {.name = "err_header_no_colon", .input = "HTTP/1.1 200 OK\r\nX-Bad header\r\nContent-Length: 0\r\n\r\n",
         .error = "BadHeader"},
        {.name = "err_space_before_colon", .input = "HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello", .error = "BadHeader"},
        {.name = "err_control_in_value", .input = "HTTP/1.1 200 OK\r\nX-A: a\x01z\r\n\r\n", .error = "BadHeader"},
        {.name = "err_nul_in_value", .input = "HTTP/1.1 200 OK\r\nX-A: a\0z\r\n\r\n"s, .error = "BadHeader"},
        {.name = "err_fold_first", .input = "HTTP/1.1 200 OK\r\n folded: x\r\n\r\n", .error = "BadHeader"},
        {.name = "err_header_too_large", .input = "HTTP/1.1 200 OK\r\nX-Long: " + std::string(100, 'a') + "\r\n\r\n",
         .maxHeaderBytes = 64, .error = "HeaderTooLarge"},
        {.name = "err_too_many_headers", .input = manyHeaders(101), .error = "TooManyHeaders"},
        {.name = "err_truncated_headers_eof", .input = "HTTP/1.1 200 OK\r\nContent-Len", .eof = true,
         .error = "TruncatedHeaders"},
        // ---- errors: body limit
        {.name = "err_body_limit_cl", .input = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", .maxBodyBytes = 4,
         .error = "BodyTooLarge"},
        {.name = "err_body_limit_chunked",
         .input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", .maxBodyBytes = 4,
         .error = "BodyTooLarge"},
        {.name = "err_body_limit_close", .input = "HTTP/1.1 200 OK\r\n\r\n0123456789", .eof = true, .maxBodyBytes = 4,
         .error = "BodyTooLarge"},
    };
    return cases;
}

} // namespace sockwb::http::cases
