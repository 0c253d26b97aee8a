#include "util/dates.hpp"

#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace zs {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::optional<Date> make(int y, int m, int d) {
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return std::nullopt;
    return Date{y, m, d};
}

// Month names and their usual abbreviations, Dutch and English, lower case.
int month_number(std::string word) {
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!word.empty() && word.back() == '.') word.pop_back();
    struct Name {
        const char* name;
        int month;
    };
    static constexpr std::array<Name, 34> names{{
        {"januari", 1}, {"februari", 2}, {"maart", 3}, {"april", 4}, {"mei", 5}, {"juni", 6},
        {"juli", 7}, {"augustus", 8}, {"september", 9}, {"oktober", 10}, {"november", 11}, {"december", 12},
        {"january", 1}, {"february", 2}, {"march", 3}, {"may", 5}, {"june", 6}, {"july", 7},
        {"august", 8}, {"october", 10}, {"jan", 1}, {"feb", 2}, {"mrt", 3}, {"mar", 3},
        {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9},
        {"okt", 10}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    }};
    for (const auto& n : names)
        if (word == n.name) return n.month;
    return 0;
}

// Splits into runs of digits and runs of letters; separators (space, -, /,
// ., comma) end a run. Returns false on any other character.
struct Part {
    std::string text;
    bool digits;
};

bool split(std::string_view s, std::vector<Part>& parts, std::vector<char>& seps) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c) || std::isalpha(c)) {
            bool digits = std::isdigit(c) != 0;
            std::size_t j = i;
            while (j < s.size() && (digits ? std::isdigit(static_cast<unsigned char>(s[j])) != 0
                                           : std::isalpha(static_cast<unsigned char>(s[j])) != 0))
                ++j;
            parts.push_back({std::string(s.substr(i, j - i)), digits});
            i = j;
        } else if (c == ' ' || c == '-' || c == '/' || c == '.' || c == ',' || c == '\t') {
            if (seps.size() < parts.size()) seps.push_back(static_cast<char>(c));
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

int number(const std::string& s) { return s.size() > 4 ? -1 : std::stoi(s); }

} // namespace

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::optional<Date> parse_date(std::string_view text) {
    std::vector<Part> p;
    std::vector<char> seps;
    if (text.size() > 40 || !split(text, p, seps) || p.size() != 3) return std::nullopt;
    if (p[0].digits && p[1].digits && p[2].digits) {
        // The same separator twice, so 1-10.2026 is not taken.
        if (seps.size() < 2 || seps[0] != seps[1] || seps[0] == ',' || seps[0] == ' ') return std::nullopt;
        if (p[0].text.size() == 4 && p[1].text.size() <= 2 && p[2].text.size() <= 2)
            return make(number(p[0].text), number(p[1].text), number(p[2].text));
        if (p[0].text.size() <= 2 && p[1].text.size() <= 2 && p[2].text.size() == 4)
            return make(number(p[2].text), number(p[1].text), number(p[0].text));
        return std::nullopt;
    }
    // "1 oktober 2026" and "October 1, 2026".
    if (p[0].digits && !p[1].digits && p[2].digits && p[0].text.size() <= 2 && p[2].text.size() == 4)
        if (int m = month_number(p[1].text)) return make(number(p[2].text), m, number(p[0].text));
    if (!p[0].digits && p[1].digits && p[2].digits && p[1].text.size() <= 2 && p[2].text.size() == 4)
        if (int m = month_number(p[0].text)) return make(number(p[2].text), m, number(p[1].text));
    return std::nullopt;
}

std::optional<std::string> iso_date(std::string_view text) {
    auto d = parse_date(text);
    if (!d) return std::nullopt;
    return d->iso();
}


} // namespace zs
