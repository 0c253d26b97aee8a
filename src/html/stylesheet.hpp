// The embedded style sheet: the PDF's house style (document/palette.hpp) for
// the screen and for print.
#pragma once

#include <string>

#include "document/document.hpp"

namespace zs::html {

// Printing uses the document's paper size.
std::string house_stylesheet(doc::Paper paper = doc::Paper::a4);

} // namespace zs::html
