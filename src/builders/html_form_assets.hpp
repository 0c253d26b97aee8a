// The HTML form's style sheet and script, kept apart from the markup so each
// reads as what it is. Both are inlined into the page; their hashes go into
// its Content-Security-Policy.
#pragma once

#include <string>

namespace zs {

std::string html_form_stylesheet();
std::string html_form_script();

} // namespace zs
