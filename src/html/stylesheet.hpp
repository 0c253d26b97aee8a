// The embedded style sheet: the PDF's house style (document/palette.hpp) for
// the screen and for print.
#pragma once

#include <string>

namespace zs::html {

std::string house_stylesheet();

} // namespace zs::html
