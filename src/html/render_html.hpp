// The HTML backend: a Document as one self-contained, accessible HTML file,
// for publication on the web and for screen-reader users. The sibling of
// pdf::render_pdf; it reads the same Document and needs no layout.
//
//   zs::Diagnostics diags;
//   std::string page = zs::html::render_html(document, {}, diags);
//   if (!diags.has_errors()) zs::write_file_atomic(path, page);
//
// The file has no external references: the style sheet is embedded, images
// are data: URIs and charts are inline SVG with <title> and <desc>. All
// document text is escaped (respondents' notes come out literally); links
// other than http(s), mailto, tel, relative and "#anchor" are dropped with a
// warning. The markup is also well-formed XML (void elements closed, boolean
// attributes with values), so XML tools can check it. Same Document, same
// bytes.
#pragma once

#include <string>
#include <string_view>

#include "document/document.hpp"
#include "util/diagnostics.hpp"

namespace zs::html {

struct HtmlOptions {
    // false: no <style>, for a site that brings its own style sheet (the
    // class names are listed in docs/html-output.md).
    bool stylesheet = true;
};

// Returns the HTML file. Problems (an image that cannot be read, an unsafe
// link) go to `diags`; the page is still returned, without the failed part.
std::string render_html(const doc::Document& document, const HtmlOptions& options,
                        Diagnostics& diags);

// Blocks as an HTML fragment (no head, no body) in the same markup, for
// pages built elsewhere: the HTML form's help texts and introduction.
std::string render_html_fragment(const doc::Blocks& blocks, std::string_view lang, Diagnostics& diags);

} // namespace zs::html
