// Encodings for the HTML backend: the one escaping function every piece of
// text and every attribute value goes through, the link filter, base64 for
// embedded images and locale-independent numbers for SVG and CSS.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zs::html {

// Appends `text` as HTML text or attribute content: & < > " ' become
// references; tab and newline are kept; other control characters and
// noncharacters are dropped; bytes that are not valid UTF-8 become U+FFFD.
// The output is also well-formed XML text, so the file parses as XHTML.
void append_escaped(std::string& out, std::string_view text);
std::string escape(std::string_view text);

// A link target that may go in href: the URI with the characters browsers
// ignore (tab, newline, surrounding spaces) removed, or nullopt when its
// scheme is not http, https, mailto or tel (javascript:, data:, vbscript:,
// file: ...). Targets without a scheme (relative, "#anchor") are allowed.
std::optional<std::string> safe_href(std::string_view target);

std::string base64(std::string_view bytes);

// At most two decimals, no trailing zeros, "." as decimal point whatever the
// C locale; NaN and infinities as 0.
std::string num(double v);

} // namespace zs::html
