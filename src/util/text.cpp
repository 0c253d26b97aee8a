#include "util/text.hpp"

#include <cstdint>
#include <cstring>

namespace zs {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The run of digits (or of other characters) of `s` that starts at `i`.
std::string_view take_run(std::string_view s, std::size_t& i, bool digits) {
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i]) == digits) ++i;
    return s.substr(start, i - start);
}

// Two runs of digits by their value, however long they are.
int compare_numbers(std::string_view a, std::string_view b) {
    auto strip = [](std::string_view d) {
        std::size_t z = d.find_first_not_of('0');
        return z == std::string_view::npos ? std::string_view{} : d.substr(z);
    };
    a = strip(a), b = strip(b);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

// True when a quote after `before` opens: at the start, after white space,
// an opening bracket, a slash, a dash or another opening quote.
bool opens_after(std::string_view before) {
    if (before.empty()) return true;
    char c = before.back();
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '{' || c == '-' || c == '/') return true;
    for (std::string_view open : {"“", "‘", "–", "—", "\u00A0" /* no-break space */})
        if (before.ends_with(open)) return true;
    return false;
}

// 's, 't, 'n as a word of their own (Dutch: 's avonds, 't Hooft, 's-Hertogenbosch).
bool dutch_elision(std::string_view s, std::size_t quote) {
    if (quote + 1 >= s.size()) return false;
    char l = s[quote + 1];
    if (l != 's' && l != 't' && l != 'n') return false;
    if (quote + 2 == s.size()) return true;
    char after = s[quote + 2];
    return !is_ascii_letter(after) && !is_digit(after) && after != '\'' && static_cast<unsigned char>(after) < 0x80;
}

} // namespace

std::string normalise_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// Eight bytes at a time: a word with no byte below 0x20 and no DEL is
// skipped whole.
bool has_control_characters(std::string_view data) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::size_t i = 0;
    auto bad = [](unsigned char u) { return (u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F; };
    for (; i + 8 <= data.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, data.data() + i, 8);
        std::uint64_t del = w ^ (ones * 0x7F);
        bool maybe = ((w - ones * 0x20) & ~w & highs) || ((del - ones) & ~del & highs);
        if (!maybe) continue;
        for (std::size_t k = i; k < i + 8; ++k)
            if (bad(static_cast<unsigned char>(data[k]))) return true;
    }
    for (; i < data.size(); ++i)
        if (bad(static_cast<unsigned char>(data[i]))) return true;
    return false;
}

bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    // Both ids alternate text, digits, text, ...: compare run by run.
    for (bool digits = false;; digits = !digits) {
        std::string_view ra = take_run(a, i, digits), rb = take_run(b, j, digits);
        if (digits) {
            if (ra.empty() != rb.empty()) return ra.empty(); // the id that ends first
            if (int c = compare_numbers(ra, rb)) return c < 0;
        } else if (ra != rb) {
            return ra < rb;
        }
        if (i == a.size() && j == b.size()) return a < b;
    }
}

std::string typographic_quotes(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c != '\'' && c != '"') {
            out += c;
            continue;
        }
        bool opens = opens_after(out) && i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '\n';
        if (c == '\'' && opens && dutch_elision(s, i)) opens = false;
        if (c == '"') out += opens ? "“" : "”";
        else out += opens ? "‘" : "’";
    }
    return out;
}

} // namespace zs
