// The document model: the intermediate representation between content
// (Markdown, the paper-scan, form and report builders) and layout. It knows
// nothing of pages, fonts or PDF: a Document is an ordered list of Blocks
// plus metadata, and every later stage (layout, pdf) only reads it.
//
// Builders create Blocks with the helpers at the end of this file, e.g.
//
//   zs::doc::Document d;
//   d.info.title = "Zelfscan privacy";
//   d.blocks.push_back(zs::doc::heading(1, "Inleiding"));
//   d.blocks.push_back(zs::doc::paragraph("Lees elke vraag goed."));
//
// Units: lengths are PDF points (1/72 inch; 1 mm = 2.8346 pt). Text is UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/diagnostics.hpp"

namespace zs::doc {

// ---------------------------------------------------------------- colour --

// An sRGB colour. Instruments give band colours as "#rrggbb".
struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};
// Parses "#rrggbb" or "rrggbb" (case-insensitive); nullopt when malformed.
std::optional<Color> parse_color(std::string_view hex);
std::string to_hex(Color c); // "#rrggbb"

// ---------------------------------------------------------------- inline --

enum InlineStyle : unsigned {
    plain = 0,
    bold = 1u << 0,
    italic = 1u << 1,
    code = 1u << 2,   // monospace
    strike = 1u << 3, // strikethrough line
};

// A run of text that shares one style. Line breaks inside `text` ("\n") are
// hard line breaks; tabs are set as a space; other control characters are
// dropped by layout.
struct Inline {
    std::string text;
    unsigned style = plain;     // InlineStyle bits
    std::string link;           // "" none; "#anchor" internal; else a URI
    std::optional<Color> color; // overrides the block's text colour
    double size = 0;            // points; 0 = the block's size
};
using Inlines = std::vector<Inline>;

enum class Align { left, center, right };

// ---------------------------------------------------------------- blocks --

struct Block;
using Blocks = std::vector<Block>;

// Level 1..4. Headings become PDF bookmarks and link targets (`anchor`,
// filled from the text by the Markdown front when empty) and are always kept
// on the same page as what follows them.
struct Heading {
    int level = 1;
    Inlines text;
    std::string anchor;
    bool in_outline = true; // false: no PDF bookmark (e.g. a cover title)
};

struct Paragraph {
    Inlines runs;
    Align align = Align::left;
    double size = 0;            // points; 0 = body size
    std::optional<Color> color; // default text colour of the runs
};

struct ListItem {
    Blocks blocks;
    std::optional<bool> task; // GFM task list: checked or not
};
struct List {
    bool ordered = false;
    int start = 1;
    bool tight = true; // tight lists have no paragraph spacing between items
    std::vector<ListItem> items;
};

// A block quote, set as a call-out box: tinted background, accent bar.
struct Callout {
    Blocks blocks;
    std::optional<Color> tint; // background; default a light accent tint
};

struct TableColumn {
    Align align = Align::left;
    double width = 0; // hint in points; 0 = from content
};
struct TableCell {
    Inlines text;
};
struct TableRow {
    std::vector<TableCell> cells;
};
// The first `header_rows` rows are the header, repeated on every page the
// table continues on. Rows are never split across pages unless a single row
// is taller than a page. With `row_headers`, the first cell of each other
// row names that row (a key-value table): the HTML marks it as a row header
// for screen readers.
struct Table {
    std::vector<TableColumn> columns;
    std::vector<TableRow> rows;
    int header_rows = 1;
    bool row_headers = false;
    // Rows with less room above and below the text (a contents page that
    // should fit on one page).
    bool compact = false;
};

struct ThematicBreak {};

// Preformatted text (a fenced code block): monospace, lines kept as written,
// a line wider than the column wraps at the character that overflows.
struct CodeBlock {
    std::string text;
};

// A PNG or JPEG file. width 0 = natural size (72 dpi), capped at the text
// width; the height follows the aspect ratio.
struct Image {
    std::string path;
    double width = 0;
    Align align = Align::left;
    std::string alt;
};

struct Spacer {
    double height = 0;
};
struct PageBreak {};

// Keep-together: the children are never split across pages (unless they are
// taller than a whole page). E.g. a question with its answer boxes.
struct Group {
    Blocks blocks;
};

// ------------------------------------------------------- form-like blocks --
// Each of these reports where it landed (LayoutResult::fields), so a fillable
// form can put an AcroForm widget exactly over the printed box.

struct AnswerOption {
    std::string id; // option id, reported with the box rectangle
    Inlines label;
};
// A row of tick boxes (at least 5 mm) with labels: side by side when they
// fit on one line, else stacked.
struct AnswerRow {
    std::string field; // field name shared by the options
    std::vector<AnswerOption> options;
    bool multiple = false; // true: check boxes, false: one choice (radio)
};

// N ruled lines for handwriting.
struct NoteLines {
    std::string field;
    int lines = 3;
    double spacing = 0; // points between lines; 0 = about 8 mm
};

// A labelled box to write in: "Datum: [          ]".
struct FieldBox {
    std::string field;
    Inlines label;
    double width = 0;  // of the box in points; 0 = to the right margin
    double height = 0; // 0 = one handwriting line (about 8 mm)
    // Width of the label column in points; 0 = from the label. Fields that
    // set the same value share one left edge.
    double label_width = 0;
    Inlines after; // short text right of the box, e.g. a range
};

// Blocks side by side in columns of equal width, as one unbreakable unit
// (evidence and note lines next to each other on paper).
struct Columns {
    std::vector<Blocks> columns;
    double gap = 0; // points between columns; 0 = the house gap
};

// ------------------------------------------------------------- drawing --
// Chart: a fixed-size vector drawing. Coordinates are block-local points,
// origin top-left, y downwards. A chart wider than the text column is scaled
// down to fit.

struct Stroke {
    Color color;
    double width = 0.75;
    double dash = 0; // 0 = solid; else dash and gap length
};
struct ShapeStyle {
    std::optional<Color> fill;
    std::optional<Stroke> stroke;
};
struct Point {
    double x = 0, y = 0;
};
struct RectShape {
    double x = 0, y = 0, w = 0, h = 0;
    ShapeStyle style;
};
struct LineShape {
    Point from, to;
    Stroke stroke;
};
// Open or closed polyline; a closed one with a fill is a filled path.
struct PathShape {
    std::vector<Point> points;
    bool closed = false;
    ShapeStyle style;
};
// Circle arc, angles in degrees, 0 = 12 o'clock, clockwise (as on a dial).
// `wedge` closes it through the centre (a pie slice). 0..360 is a circle.
struct ArcShape {
    Point centre;
    double radius = 0;
    double from_deg = 0, to_deg = 360;
    bool wedge = false;
    ShapeStyle style;
};
// A one-line label; `at` is the baseline point at the left, centre or right
// of the text according to `align`.
struct TextShape {
    Point at;
    std::string text;
    double size = 8;
    bool bold = false;
    Color color{0x1f, 0x23, 0x28};
    Align align = Align::left;
};
using Shape = std::variant<RectShape, LineShape, PathShape, ArcShape, TextShape>;

struct Chart {
    double width = 0, height = 0;
    std::vector<Shape> shapes;
    std::string alt; // description for the reader (not drawn)
    // An ornament (the cover's rule): no description, an artifact in the
    // PDF, hidden from screen readers in HTML.
    bool decorative = false;
};

using BlockContent =
    std::variant<Heading, Paragraph, List, Callout, Table, ThematicBreak, CodeBlock, Image, Spacer,
                 PageBreak, Group, AnswerRow, NoteLines, FieldBox, Columns, Chart>;

struct Block {
    BlockContent content;
    SourceLocation where; // where it came from, for diagnostics (may be empty)
};

// ------------------------------------------------------------- document --

enum class Paper { a4, letter };

struct DocumentInfo {
    std::string title, author, subject, keywords;
    std::string lang = "nl"; // "nl" or "en": hyphenation, "pagina X van Y"
    std::string header;      // running header text; "" = the title
    std::string footer;      // footer text left of the page number
    std::string instrument_id, instrument_version;
    std::string instrument_label; // the running head's name for the instrument; "" = instrument_id
    Paper paper = Paper::a4;
    // Drawn as a small QR code in the footer of every page when not empty.
    // Placeholders: {id} {version} {page} {pages}.
    // Placeholders also {sheet} (the copy's sheet id) and {check} (a short
    // checksum of where the page's fields are, layout::field_checksum).
    std::string page_mark;
    double page_mark_module = 0; // QR module size in points; 0 = a 30 pt code
    bool cover = false; // true: no running header on page 1
    // Printed copies: the document is laid out once and its pages repeated
    // for every sheet id, which appears in the footer and in {sheet}.
    std::vector<std::string> sheets;
    std::string sheet_label; // footer text before the id, e.g. "vel"
    bool registration_marks = false; // a black square in every page corner
};

struct Document {
    DocumentInfo info;
    Blocks blocks;
};

// --------------------------------------------------------- construction --

Inline text(std::string s, unsigned style = plain);
Inline link(std::string s, std::string target);
Block heading(int level, std::string text);
Block paragraph(std::string text);
Block paragraph(Inlines runs);
Block group(Blocks blocks);
Block spacer(double height);
Block page_break();
template <class T> Block block(T content, SourceLocation where = {}) {
    return Block{BlockContent{std::move(content)}, std::move(where)};
}

// The concatenated text of runs (for bookmarks, alt text, anchors).
std::string plain_text(const Inlines& runs);
// A link anchor from heading text: lower case, spaces to '-', ASCII letters,
// digits and '-' kept ("Één vraag" -> "één-vraag" keeps letters as UTF-8).
std::string slugify(std::string_view text);

} // namespace zs::doc
