// The program's own user-visible strings exist in Dutch and English; Dutch
// is the default. Each call site holds both texts side by side, so a
// translation can never go missing.
#pragma once

#include <string>
#include <string_view>

namespace zs {

inline bool is_english(std::string_view lang) { return lang == "en"; }

inline const char* tr(std::string_view lang, const char* nl, const char* en) {
    return is_english(lang) ? en : nl;
}

// A noun in its two forms, for counted().
struct Noun {
    const char* one;
    const char* many;
};

// A count with its noun: the singular for exactly 1, as in both languages
// ("1 vraag", "0 vragen", "3 vragen"; "1 question", "3 questions").
inline std::string counted(std::string_view lang, long long n, Noun nl, Noun en) {
    const Noun& noun = is_english(lang) ? en : nl;
    return std::to_string(n) + " " + (n == 1 ? noun.one : noun.many);
}

} // namespace zs
