// Layout: a Document in, pages of positioned items out. This is the stage
// builders call to learn where things landed (form fields, headings), and
// the input of the PDF backend (pdf/render.hpp). It knows fonts and
// geometry but nothing of PDF syntax.
//
// Coordinates in a LayoutResult are PDF user space: points, origin at the
// bottom-left corner of the page, y upwards. A rectangle (x, y, w, h) has
// its lower-left corner at (x, y).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "document/document.hpp"
#include "layout/fonts.hpp"
#include "util/diagnostics.hpp"

namespace zs::layout {

struct PageSize {
    double width = 595.276, height = 841.89; // A4
};
PageSize page_size(doc::Paper paper);

struct Margins {
    double top = 76, bottom = 76, left = 70, right = 70;
};

struct LayoutOptions {
    // Fonts; nullptr = load_fonts("") (built-in or ZELFSCAN_FONTS).
    std::shared_ptr<const FontSet> fonts;
    std::optional<doc::Paper> paper; // overrides Document::info.paper
    Margins margins;
    double body_size = 10; // points; other sizes scale from it
    // A character no font has: a warning (default) or an error; either way
    // the page shows a placeholder (U+FFFD) in its place. Respondents type
    // what they like (emoji, any script): their text never stops a document.
    bool missing_glyph_is_error = false;
};

// ------------------------------------------------------ positioned items --

struct TextItem {
    double x = 0, y = 0; // start of the baseline
    int font = 0;        // face id in LayoutResult::fonts
    double size = 10;
    doc::Color color;
    std::string text; // UTF-8, every character present in the face
    double width = 0; // advance width as measured
};
struct RectItem {
    double x = 0, y = 0, w = 0, h = 0;
    doc::ShapeStyle style;
};
struct LineItem {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    doc::Stroke stroke;
};
struct PathItem {
    std::vector<doc::Point> points;
    bool closed = false;
    doc::ShapeStyle style;
};
struct ImageItem {
    double x = 0, y = 0, w = 0, h = 0;
    std::string path;
};
// A clickable area: target "#anchor" (a heading) or a URI.
struct LinkItem {
    double x = 0, y = 0, w = 0, h = 0;
    std::string target;
};
// A QR code: `modules` x `modules` cells, row-major from the top, dark = 1.
struct QrItem {
    double x = 0, y = 0, size = 0;
    int modules = 0;
    std::vector<std::uint8_t> dark;
};
using Item = std::variant<TextItem, RectItem, LineItem, PathItem, ImageItem, LinkItem, QrItem>;

struct Page {
    std::vector<Item> items; // in drawing order
    // Parallel to `items`: the structure node (LayoutResult::structure) an
    // item's content belongs to, or -1 for an artifact (running header and
    // footer, rules, tints, repeated table headers). Tagged PDF comes from it.
    std::vector<int> tags;
};

// Where a form-like block put its writable areas, for AcroForm widgets.
enum class FieldKind {
    choice,     // one tick box of a one-choice AnswerRow (radio button)
    check,      // one tick box of a multiple-choice AnswerRow (check box)
    notes,      // the ruled area of NoteLines (multi-line text)
    text,       // the box of a FieldBox (single-line text)
};
struct FieldRect {
    std::string name;   // the block's field name
    std::string option; // option id for choice/check; else ""
    FieldKind kind = FieldKind::text;
    int page = 0; // 0-based
    double x = 0, y = 0, w = 0, h = 0;
    int node = -1; // its "Form" node in LayoutResult::structure
};

// A heading: PDF bookmark and link target.
struct OutlineEntry {
    int level = 1;
    std::string title;
    std::string anchor;
    int page = 0;
    double y = 0;         // top of the heading
    bool bookmark = true; // false: a link target only, not in the outline
};

// One element of the document's logical structure (tagged PDF, PDF/UA):
// standard structure types ("Document", "H1".."H4", "P", "L", "LI", "Lbl",
// "LBody", "Table", "TR", "TH", "TD", "Figure", "Link", "Form", "Div").
// Node 0 is the "Document"; a node's children are the nodes naming it as
// parent, in the order the content appears.
struct StructNode {
    std::string role;
    int parent = -1;
    std::string alt;   // Figure: alternative text; Link and Form: a description
    std::string scope; // TH: "Column" or "Row"
};

struct LayoutResult {
    PageSize size;
    std::vector<Page> pages;
    std::vector<FieldRect> fields;
    std::vector<OutlineEntry> outline;
    std::vector<StructNode> structure;
    std::shared_ptr<const FontSet> fonts;
};

// Lays out the document. Problems (missing images, characters no font has)
// go to `diags` with the block's source location; layout still returns
// pages for everything else.
LayoutResult layout_document(const doc::Document& document, const LayoutOptions& options,
                             Diagnostics& diags);

// The width of the text column for this document and these options, so a
// builder can size charts to fit.
double text_width(const doc::Document& document, const LayoutOptions& options);

// Registration marks (DocumentInfo::registration_marks): squares of this
// side, this far from the page edges, in points.
inline constexpr double registration_mark_side = 5 * 72 / 25.4;
inline constexpr double registration_mark_inset = 7 * 72 / 25.4;

// A short checksum (4 hex digits) of where the fields of one page are
// (PDF space), for the {check} page mark: a scan can tell that it lays out
// a page exactly as it was printed.
std::string field_checksum(const std::vector<FieldRect>& fields, int page);

// A readable dump of the pages (one item per line), for golden tests.
std::string dump(const LayoutResult& result);

// Loads what layout_document needs for a document in `lang` with the
// default fonts (the font set, the hyphenation dictionary) into the shared
// caches, so a command can do it on another thread while it reads input.
// Returns the font set (nullptr on a problem, which is left for
// layout_document to report).
std::shared_ptr<const FontSet> preload(const std::string& lang);

} // namespace zs::layout
