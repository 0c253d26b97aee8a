#include "report/format.hpp"

#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "util/i18n.hpp"

namespace zs::report {

std::string percent(double pct, std::string_view) { return fmt::format("{}%", static_cast<long>(std::lround(pct))); }

std::string decimal(double v, int places, std::string_view lang) {
    std::string s = fmt::format("{:.{}f}", v, places);
    if (!is_english(lang))
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string amount(double v, std::string_view lang) {
    double tenths = std::round(v * 10);
    if (tenths == 0) return "0"; // never "-0"
    if (std::fmod(tenths, 10) == 0) return fmt::format("{:.0f}", tenths / 10);
    return decimal(tenths / 10, 1, lang);
}

std::string band_label(const Instrument& ins, const std::string& band, std::string_view lang) {
    if (const RiskBand* b = ins.risk.find_band(band)) return b->label.get(lang);
    return band;
}

std::string unscored_label(const DomainResult& d, std::string_view lang, std::string_view otherwise) {
    if (d.not_applicable) return tr(lang, "niet van toepassing", "not applicable");
    if (d.withheld) return tr(lang, "te weinig antwoorden om te tonen", "too few answers to show");
    return std::string(otherwise);
}

std::string role_label(const Instrument& ins, const std::string& role, std::string_view lang) {
    if (role.empty()) return tr(lang, "Zonder rol", "No role given");
    if (const Role* r = ins.find_role(role)) return r->label.get(lang);
    for (const auto& p : ins.risk.pools)
        if (p.id == role) return p.label.get(lang);
    return role;
}

std::string level_label(Level l, std::string_view lang) {
    switch (l) {
    case Level::low: return tr(lang, "laag", "low");
    case Level::medium: return tr(lang, "middel", "medium");
    case Level::high: return tr(lang, "hoog", "high");
    }
    return "";
}

std::string timeframe_label(Timeframe t, std::string_view lang) {
    switch (t) {
    case Timeframe::now: return tr(lang, "nu", "now");
    case Timeframe::months3: return tr(lang, "binnen 3 maanden", "within 3 months");
    case Timeframe::months12: return tr(lang, "binnen 12 maanden", "within 12 months");
    }
    return "";
}

std::string long_date(const std::string& iso, std::string_view lang) {
    static const char* nl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"};
    static const char* en[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
    int y = 0, m = 0, d = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) return iso;
    return fmt::format("{} {} {}", d, is_english(lang) ? en[m - 1] : nl[m - 1], y);
}

std::string escape_markdown(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']': case '<': case '>':
        case '(': case ')': case '#': case '+': case '-': case '.': case '!': case '|': case '~': case '&':
            out += '\\';
            out += c;
            break;
        case '\n': out += ' '; break;
        default: out += c;
        }
    }
    return out;
}

std::string and_list(const std::vector<std::string>& items, std::string_view lang) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? tr(lang, " en ", " and ") : ", ") + items[i];
    return out;
}

} // namespace zs::report
