#include "core/http/shellwords.h"

#include <cctype>

#include "core/net/error.h"

namespace sockwb::http {

std::vector<std::string> splitShellWords(std::string_view text) {
    std::vector<std::string> words;
    std::string cur;
    bool inWord = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            if (text[i + 1] == '\n') {  // line continuation
                ++i;
                continue;
            }
            if (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n') {
                i += 2;
                continue;
            }
            cur += text[++i];
            inWord = true;
        } else if (c == '\'') {
            auto end = text.find('\'', i + 1);
            if (end == std::string_view::npos)
                throw Error::invalid("unterminated ' quote in the curl command");
            cur.append(text.substr(i + 1, end - i - 1));
            i = end;
            inWord = true;
        } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '\'') {
            // $'...' ANSI-C quoting: \n \r \t \\ \' \xHH
            size_t j = i + 2;
            for (; j < text.size() && text[j] != '\''; ++j) {
                if (text[j] == '\\' && j + 1 < text.size()) {
                    char e = text[++j];
                    if (e == 'n')
                        cur += '\n';
                    else if (e == 'r')
                        cur += '\r';
                    else if (e == 't')
                        cur += '\t';
                    else if (e == 'x' && j + 2 < text.size()) {
                        cur += static_cast<char>(
                            std::stoi(std::string(text.substr(j + 1, 2)), nullptr, 16));
                        j += 2;
                    } else
                        cur += e;
                } else {
                    cur += text[j];
                }
            }
            if (j >= text.size()) throw Error::invalid("unterminated $' quote in the curl command");
            i = j;
            inWord = true;
        } else if (c == '"') {
            size_t j = i + 1;
            for (; j < text.size() && text[j] != '"'; ++j) {
                if (text[j] == '\\' && j + 1 < text.size() &&
                    (text[j + 1] == '"' || text[j + 1] == '\\' || text[j + 1] == '$' ||
                     text[j + 1] == '`')) {
                    cur += text[++j];
                } else if (text[j] == '\\' && j + 1 < text.size() && text[j + 1] == '\n') {
                    ++j;
                } else {
                    cur += text[j];
                }
            }
            if (j >= text.size()) throw Error::invalid("unterminated \" quote in the curl command");
            i = j;
            inWord = true;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (inWord) words.push_back(std::move(cur));
            cur.clear();
            inWord = false;
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (inWord) words.push_back(std::move(cur));
    return words;
}

std::string shellQuote(std::string_view word) {
    bool plain = !word.empty();
    for (char c : word)
        if (!(std::isalnum(static_cast<unsigned char>(c)) ||
              std::string_view("-_./:=@%+,").find(c) != std::string_view::npos))
            plain = false;
    if (plain) return std::string(word);
    std::string out = "'";
    for (char c : word) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

}  // namespace sockwb::http
