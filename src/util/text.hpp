// Small text helpers shared by the readers of answer files and forms.
#pragma once

#include <string>
#include <string_view>

namespace zs {

// "\r\n" and lone "\r" become "\n", so notes read the same from any system.
std::string normalise_newlines(std::string_view s);

// Without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view s);

// True when `s` holds nothing but spaces, tabs and line breaks.
inline bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// True when `s` holds a control character other than tab, CR and LF (TOML
// allows no other anywhere, comments included).
bool has_control_characters(std::string_view s);

} // namespace zs
