// The program's own user-visible strings exist in Dutch and English; Dutch
// is the default. Each call site holds both texts side by side, so a
// translation can never go missing.
#pragma once

#include <string_view>

namespace zs {

inline bool is_english(std::string_view lang) { return lang == "en"; }

inline const char* tr(std::string_view lang, const char* nl, const char* en) {
    return is_english(lang) ? en : nl;
}

} // namespace zs
