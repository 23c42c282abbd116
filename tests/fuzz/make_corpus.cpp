// Writes the seed corpus of both fuzz targets from the unit-test tables, so
// the fuzzer starts from every interesting case we already know about.
// Usage: make_corpus OUTDIR   (creates OUTDIR/response_parser, OUTDIR/request_parser)

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "chunked_cases.h"
#include "request_cases.h"
#include "response_cases.h"

namespace {
void write(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
    std::ofstream f(dir / name, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    const std::filesystem::path root = argv[1];
    const auto resp = root / "response_parser";
    const auto req = root / "request_parser";
    std::filesystem::create_directories(resp);
    std::filesystem::create_directories(req);
    int n = 0;
    for (const auto& c : sockwb::http::cases::responseCases()) {
        const char flags =
            static_cast<char>((c.head ? 1 : 0) | (c.statusOnly ? 2 : 0) | (c.eof ? 4 : 0));
        write(resp, std::string("seed_") + c.name, std::string(1, flags) + '\x80' + c.input);
        ++n;
    }
    for (const auto& c : sockwb::http::cases::requestCases()) {
        write(req, std::string("seed_") + c.name,
              std::string(1, c.eof ? '\1' : '\0') + '\x80' + c.input);
        ++n;
    }
    // Every chunked body behind a request head and a response head.
    for (const auto& c : sockwb::http::cases::chunkedCases()) {
        const std::string name = std::string("seed_body_chunked_") + c.name;
        write(req, name,
              std::string("\0\x80", 2) +
                  "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + c.body);
        write(resp, name,
              std::string("\0\x80", 2) + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                  c.body);
        n += 2;
    }
    std::printf("wrote %d seed files under %s\n", n, argv[1]);
    return 0;
}
