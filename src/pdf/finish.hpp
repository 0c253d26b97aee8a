// The finishing pass with qpdf: turns libharu's output into the file we
// ship. It repairs the ToUnicode maps (libharu 2.3 writes an invalid
// `begincidrange` there), adds bookmarks, document metadata and /Lang,
// dates from SOURCE_DATE_EPOCH, a deterministic /ID and PDF 1.7.
//
// Extensible: later stages (the fillable form) pass FinishSteps that run on
// the parsed document before it is written, e.g. to add AcroForm widgets at
// LayoutResult::fields. Only pdf/ includes qpdf headers, so steps live here.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "layout/layout.hpp"
#include "util/diagnostics.hpp"

class QPDF;

namespace zs::pdf {

using FinishStep =
    std::function<void(QPDF& pdf, const layout::LayoutResult& layout, Diagnostics& diags)>;

// Returns the finished PDF, or "" with an error in `diags`.
std::string finish_pdf(std::string_view raw, const doc::DocumentInfo& info,
                       const layout::LayoutResult& layout, const std::vector<FinishStep>& steps,
                       Diagnostics& diags);

// The ToUnicode CMap for libharu's UTF-8 fonts, whose character codes are
// the UTF-16 code units of the BMP: an identity map written as bfrange.
std::string identity_to_unicode_cmap();

} // namespace zs::pdf
