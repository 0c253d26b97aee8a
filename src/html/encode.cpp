#include "html/encode.hpp"

#include <charconv>
#include <cmath>

namespace zs::html {

namespace {

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

constexpr char32_t replacement = 0xFFFD;

// Decodes one code point at `at`, advancing it; malformed sequences
// (overlong, surrogates, truncated, > U+10FFFF) give U+FFFD for one byte.
char32_t decode(std::string_view s, std::size_t& at) {
    auto b = static_cast<unsigned char>(s[at]);
    if (b < 0x80) {
        ++at;
        return b;
    }
    int len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    if (b >= 0xF5) len = 0;
    if (len == 0 || at + static_cast<std::size_t>(len) > s.size()) {
        ++at;
        return replacement;
    }
    char32_t c = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int k = 1; k < len; ++k) {
        auto cb = static_cast<unsigned char>(s[at + static_cast<std::size_t>(k)]);
        if ((cb & 0xC0) != 0x80) {
            ++at;
            return replacement;
        }
        c = c << 6 | (cb & 0x3F);
    }
    bool overlong = (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
    if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        ++at;
        return replacement;
    }
    at += static_cast<std::size_t>(len);
    return c;
}

// Characters HTML calls parse errors and XML forbids, and the bidi
// embedding, override and isolate controls: a respondent's U+202E would
// turn the rest of a line around (and could make text read as something
// else), so no output keeps them (the PDF's shaper drops them too).
bool dropped(char32_t c) {
    if (c == '\t' || c == '\n') return false;
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C)
        return true;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
    if (c >= 0xFDD0 && c <= 0xFDEF) return true;
    return (c & 0xFFFE) == 0xFFFE;
}

} // namespace

void append_escaped(std::string& out, std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        char32_t c = decode(text, at);
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            if (!dropped(c)) append_utf8(out, c);
        }
    }
}

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text);
    return out;
}

std::optional<std::string> safe_href(std::string_view target) {
    // Browsers strip leading and trailing C0 controls and spaces, and remove
    // tabs and newlines anywhere: "java\tscript:" is javascript:.
    std::string t;
    for (char ch : target)
        if (ch != '\t' && ch != '\n' && ch != '\r') t += ch;
    std::size_t b = 0, e = t.size();
    while (b < e && static_cast<unsigned char>(t[b]) <= 0x20) ++b;
    while (e > b && static_cast<unsigned char>(t[e - 1]) <= 0x20) --e;
    t = t.substr(b, e - b);
    if (t.empty()) return std::nullopt;
    std::size_t colon = t.find_first_of(":/?#");
    if (colon == std::string::npos || t[colon] != ':') return t; // no scheme
    std::string scheme;
    for (char ch : t.substr(0, colon))
        scheme += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") return t;
    return std::nullopt;
}

std::string base64(std::string_view bytes) {
    static constexpr char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k])); };
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        for (int s = 18; s >= 0; s -= 6) out += digits[(v >> s) & 63];
    }
    std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t v = byte(i) << 16 | (rest == 2 ? byte(i + 1) << 8 : 0);
        out += digits[(v >> 18) & 63];
        out += digits[(v >> 12) & 63];
        out += rest == 2 ? digits[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string num(double v) {
    if (!std::isfinite(v)) return "0";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    if (ec != std::errc{}) return "0";
    std::string s(buf, end);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

} // namespace zs::html
