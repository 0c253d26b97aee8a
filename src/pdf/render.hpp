// The one call builders need: Document in, finished PDF bytes out.
//
//   zs::Diagnostics diags;
//   zs::pdf::RenderOptions options;            // A4, built-in fonts
//   std::string bytes = zs::pdf::render_pdf(document, options, diags);
//   if (!diags.has_errors()) zs::write_file_atomic(path, bytes);
//
// or in steps, to use the layout (form-field rectangles) as well:
//   auto laid = zs::layout::layout_document(document, options.layout, diags);
//   auto raw = zs::pdf::draw_pdf(laid, diags);
//   auto bytes = zs::pdf::finish_pdf(raw, document.info, laid, steps, diags);
#pragma once

#include <memory>
#include <future>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "layout/layout.hpp"
#include "pdf/finish.hpp"
#include "util/diagnostics.hpp"

namespace zs::pdf {

// A libharu document begun ahead of drawing, with some faces of a font set
// already loaded: building a TrueType face's glyph map is the slowest step
// of drawing, and this lets a command do it on another thread while it
// reads its input. draw_pdf takes it over when the layout uses the same
// font set. Faces loaded but never used do not reach the file: the
// finishing pass keeps only what the pages refer to.
class DrawingStart;
std::shared_ptr<DrawingStart> start_drawing(std::shared_ptr<const layout::FontSet> fonts, const std::vector<int>& faces);

// The usual start of a command that writes a PDF with the standard fonts:
// on another thread, the font set, the hyphenation patterns of `lang` and
// the text faces (regular, bold, italic, heading) loaded into a document
// begun ahead, while the command reads and builds its input. get() waits.
std::future<std::shared_ptr<DrawingStart>> preload_drawing(const std::string& lang);

struct RenderOptions {
    layout::LayoutOptions layout;
    std::vector<FinishStep> finish;      // run by the finishing pass, in order
    std::shared_ptr<DrawingStart> start; // optional, from start_drawing
};

// Lays out, draws and finishes. Returns "" when there were errors (all of
// them are in `diags`); same inputs give the same bytes.
std::string render_pdf(const doc::Document& document, const RenderOptions& options,
                       Diagnostics& diags);

// Draws laid-out pages with libharu (text, vector graphics, images, links).
// The result still needs finish_pdf.
std::string draw_pdf(const layout::LayoutResult& layout, Diagnostics& diags,
                     std::shared_ptr<DrawingStart> start = {});

} // namespace zs::pdf
