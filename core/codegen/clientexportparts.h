#pragma once
// The parts of the client and request exports (clientexport.cpp checks the
// window's settings and names the file; clientexportc.cpp and
// clientexportpython.cpp write the client's program in each language;
// requestexport.cpp the composer's request). Internal to core/codegen.
// Pure functions; thread-safe.

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/codegen/codeexport.h"

namespace sockwb::codegen::detail {

// What the client program is asked to do, checked (clientexport.cpp).
struct ClientPlan {
    ClientConfig config;
    Framing framing = Framing::Raw;
    // The script to play; with none, the course's client: "Bonjour" sent,
    // then everything printed until the server closes (UDP: until
    // "Au Revoir" or 5 s of silence).
    std::vector<ScriptStep> steps;
    bool defaultScript = false;
    bool ipv4Literal = true;  // host is a dotted IPv4 address: inet_pton, else getaddrinfo
    bool bind = false;        // config.bind exported (IPv4 only)
    std::vector<std::string> omissions;
};

// The program's source (its header comment lists plan.omissions).
std::string clientSourceC(const ClientPlan& plan, const std::string& fileName);
std::string clientSourcePython(const ClientPlan& plan, const std::string& fileName);

// text with each @KEY@ of the pairs replaced by its value.
std::string fill(std::string text,
                 std::initializer_list<std::pair<const char*, std::string>> values);
// The omissions as comment lines, each prefixed with `prefix` (" *   - ").
std::string omissionLines(const std::vector<std::string>& omissions, const std::string& prefix);

}  // namespace sockwb::codegen::detail
