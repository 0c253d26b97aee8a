// Text that users see, in one or more languages.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace zs {

// A user-visible string per language code ("nl", "en"). A single-language
// instrument may write a plain string; it is stored under its one language.
struct LocalizedText {
    std::map<std::string, std::string, std::less<>> by_lang;

    [[nodiscard]] bool empty() const { return by_lang.empty(); }
    [[nodiscard]] bool has(std::string_view lang) const { return by_lang.contains(lang); }

    // The text in `lang`, else in the first language that has one, else "".
    [[nodiscard]] const std::string& get(std::string_view lang) const;
};

LocalizedText localized(std::string nl, std::string en);

} // namespace zs
