// SHA-256 through qpdf's crypto provider (qpdf lives in pdf/), for the
// Content-Security-Policy hashes of the HTML form's inline script and style.
#pragma once

#include <string>
#include <string_view>

namespace zs::pdf {

// The 32-byte raw digest.
std::string sha256(std::string_view bytes);

} // namespace zs::pdf
