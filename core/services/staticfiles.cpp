#include "core/services/staticfiles.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <vector>

#include "core/http/percentencoding.h"

namespace sockwb {

namespace {

// realpath(3) into a std::string; empty when the path does not resolve.
std::string realPath(const std::string& path) {
    char buf[PATH_MAX];
    if (::realpath(path.c_str(), buf) == nullptr) return {};
    return std::string(buf);
}

bool isUnder(const std::string& path, const std::string& root) {
    if (path == root) return true;
    const std::string prefix = root == "/" ? root : root + "/";
    return path.compare(0, prefix.size(), prefix) == 0;
}

StaticFiles::Lookup refuse(int status, std::string reason) {
    StaticFiles::Lookup l;
    l.status = status;
    l.reason = std::move(reason);
    return l;
}

}  // namespace

StaticFiles::Lookup StaticFiles::resolve(std::string_view root, std::string_view path) {
    if (path.empty() || path.front() != '/') return refuse(400, "path does not start with /");
    // Decode segment by segment: decoding the whole path first would turn
    // "%2F" into a separator and "%2e%2e" into a traversal after the check.
    std::vector<std::string> segments;
    size_t start = 1;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const auto decoded = http::percent::decode(path.substr(start, end - start));
        if (!decoded) return refuse(400, "malformed percent-encoding");
        const std::string& seg = *decoded;
        if (seg.find('/') != std::string::npos || seg.find('\\') != std::string::npos ||
            seg.find('\0') != std::string::npos)
            return refuse(403, "encoded separator or NUL in the path");
        if (seg == "..") return refuse(403, "\"..\" segment: outside the root");
        if (!seg.empty() && seg != ".") segments.push_back(seg);
        start = end + 1;
    }
    const bool trailingSlash = path.back() == '/';

    const std::string realRoot = realPath(std::string(root));
    if (realRoot.empty()) return refuse(404, "the root folder does not exist");
    std::string candidate = realRoot;
    for (const auto& s : segments) candidate += "/" + s;

    std::string real = realPath(candidate);
    if (real.empty()) return refuse(404, "no such file");
    if (!isUnder(real, realRoot)) return refuse(403, "resolves outside the root");

    struct stat st {};
    if (::stat(real.c_str(), &st) != 0) return refuse(404, "no such file");
    if (S_ISDIR(st.st_mode)) {
        if (!trailingSlash) {
            Lookup l;
            l.status = 301;
            l.location = std::string(path) + "/";
            l.reason = "a folder: add a /";
            return l;
        }
        real = realPath(real + "/index.html");
        if (real.empty()) return refuse(404, "folder without index.html");
        if (!isUnder(real, realRoot)) return refuse(403, "index.html resolves outside the root");
        if (::stat(real.c_str(), &st) != 0) return refuse(404, "no such file");
    }
    if (!S_ISREG(st.st_mode)) return refuse(403, "not a regular file");
    Lookup l;
    l.status = 200;
    l.file = real;
    l.size = static_cast<uint64_t>(st.st_size);
    return l;
}

std::string_view StaticFiles::contentType(std::string_view path) {
    const size_t slash = path.rfind('/');
    const size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return "application/octet-stream";
    std::string ext;
    for (char c : path.substr(dot + 1))
        ext += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    struct Entry {
        std::string_view ext, type;
    };
    static constexpr Entry table[] = {
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"json", "application/json"},
        {"txt", "text/plain; charset=utf-8"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"svg", "image/svg+xml"},
        {"ico", "image/x-icon"},
        {"wasm", "application/wasm"},
        {"pdf", "application/pdf"},
    };
    for (const auto& e : table)
        if (e.ext == ext) return e.type;
    return "application/octet-stream";
}

}  // namespace sockwb
