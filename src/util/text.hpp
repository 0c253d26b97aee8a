// Small text helpers shared by the readers of answer files and forms, the
// plan and the paper scan.
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

// Natural order of ids: runs of digits compare as numbers, the text between
// them as text, so D6.1 < D10.1, M7 < M43 and D1.2 < D1.10. Ids that differ
// only in leading zeros (D01, D1) fall back to plain text order, so the
// order stays strict.
bool natural_less(std::string_view a, std::string_view b);

// Straight quotes as typographic ones, the way the Markdown front sets them
// (CommonMark "smart" punctuation): an opening ' or " after a space, an
// opening bracket or dash, or at the start; a closing one otherwise, so an
// apostrophe in a word (collega's) is ’. Dutch elisions ('s, 't, 'n) take the
// apostrophe too. For plain texts that do not go through Markdown.
std::string typographic_quotes(std::string_view s);

} // namespace zs
