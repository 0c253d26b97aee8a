// Internal to layout: the vertical flow between block layout and
// pagination. Blocks become slices (a line of text, a table row, a whole
// chart); pagination puts slices on pages, breaking only where allowed.
// Items in a slice use top-down coordinates: x from the page's left edge,
// y from the slice's top (text: the baseline).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "layout/hyphenation.hpp"
#include "layout/layout.hpp"
#include "layout/linebreak.hpp"

namespace zs::layout {

struct SliceMark { // a heading's position, for bookmarks and link targets
    int level = 1;
    std::string title, anchor;
    bool in_outline = true;
};

struct Slice {
    double height = 0;
    double space_before = 0;     // dropped at the top of a page
    bool keep_with_prev = false; // no page break between the previous slice and this
    bool break_before = false;   // forced page break before this slice
    int table = -1;              // the table it belongs to, for repeated headers
    bool table_header = false;
    std::vector<Item> items;
    // Parallel to items once the slice is pushed (see Page::tags); a slice
    // may tag some items itself before, the rest follow FlowBuilder's rules.
    std::vector<int> tags;
    std::vector<FieldRect> fields; // page = 0, y top-down like items
    std::vector<SliceMark> marks;  // at the slice's top
};

// The baseline of a line of `size` text centred in a line of `leading`
// (Lato's x-height sits in the middle).
inline double baseline_in(double leading, double size) { return leading / 2 + size * 0.34; }

// Vertical metrics of the house style, derived from the body size.
struct Theme {
    double body = 10, leading = 14.5, para_gap = 7;
    struct HeadingStyle {
        double size, leading, before, after;
        Style style;
        doc::Color color;
    };
    HeadingStyle h[4];
    double list_indent = 17;
    double table_size = 9, table_leading = 12.5, cell_pad_x = 6, cell_pad_y = 4.5;
    double code_size = 8.5, code_leading = 12.5;
    double box = 14.5; // tick box side, 5.1 mm
    explicit Theme(double body_size);
};

// Lays out blocks into slices; one per document.
class FlowBuilder {
  public:
    FlowBuilder(const LayoutOptions& options, const FontSet& fonts, const Hyphenator* hyphenator,
                double page_body_height, Diagnostics& diags);

    void blocks(const doc::Blocks& blocks, double x, double width);
    std::vector<Slice> take() { return std::move(slices_); }
    std::vector<StructNode> take_structure() { return std::move(nodes_); }
    [[nodiscard]] const Theme& theme() const { return theme_; }

    // Shapes runs with a base style; reports missing characters at `where`.
    ShapedText shape(const doc::Inlines& runs, const RunStyle& base, const SourceLocation& where,
                     bool preserve_spaces = false);
    // Appends the items of one laid-out line, baseline at `baseline`.
    void emit_line(const ShapedText& t, const Line& line, double x, double baseline,
                   std::vector<Item>& items) const;
    // A single line of plain text in one style (labels, header, footer).
    double text_item(std::string_view text, const RunStyle& style, double x, double baseline,
                     doc::Align align, std::vector<Item>& items, const SourceLocation& where);

  private:
    const LayoutOptions& options_;
    const FontSet& fonts_;
    const Hyphenator* hyphenator_;
    double page_body_height_;
    Diagnostics& diags_;
    Theme theme_;
    std::vector<Slice> slices_;
    double pending_gap_ = 0;  // space owed after the last block
    bool keep_next_ = false;  // the next slice stays with the previous one
    bool next_break_ = false; // the next slice starts a page
    int tables_ = 0;
    bool tight_ = false; // inside a tight list: no paragraph spacing
    int list_depth_ = 0;
    std::set<std::pair<std::string, char32_t>> reported_;
    // The logical structure (tagged PDF): nodes made so far and the one new
    // content belongs to. Node 0 is the document.
    std::vector<StructNode> nodes_{StructNode{"Document", -1, {}, {}}};
    int current_ = 0;
    int chain_ = 0; // blocks still to keep with the heading or lead-in before them
    int last_link_ = -1; // the Link node of the previous link run
    std::string last_link_target_;

    int open(std::string role, std::string alt = {});
    // Tags the slice's untagged items: text and images belong to the current
    // node, a link run gets a Link node, drawing is an artifact.
    void tag(Slice& s);

    // Adds a slice; `gap` is the space the block wants before it.
    Slice& push(Slice s, double gap);
    void block(const doc::Block& b, double x, double width);
    void block_content(const doc::Block& b, double x, double width, const SourceLocation& where);
    void paragraph(const doc::Inlines& runs, const RunStyle& base, doc::Align align,
                   double leading, double before, double after, double x, double width,
                   const SourceLocation& where, const std::vector<Item>& first_line_extra = {});
    void heading(const doc::Heading& h, double x, double width, const SourceLocation& where);
    void list(const doc::List& l, double x, double width, const SourceLocation& where);
    // Turns slices [first, end) into a tinted box: spacing between them is
    // absorbed so the background is continuous, padding added at both ends.
    void boxify(std::size_t first, double x, double width, double pad_top, double pad_bottom,
                doc::Color fill, std::optional<doc::Color> bar);
    void callout(const doc::Callout& c, double x, double width);
    void code_block(const doc::CodeBlock& c, double x, double width, const SourceLocation& where);
    void rule(double x, double width);
    void image(const doc::Image& img, double x, double width, const SourceLocation& where);
    void group(const doc::Group& g, double x, double width);
    void answer_row(const doc::AnswerRow& a, double x, double width, const SourceLocation& where);
    void note_lines(const doc::NoteLines& n, double x, double width);
    void field_box(const doc::FieldBox& f, double x, double width, const SourceLocation& where);
    void columns(const doc::Columns& c, double x, double width);
    void chart(const doc::Chart& c, double x, double width, const SourceLocation& where);
    void table(const doc::Table& t, double x, double width, const SourceLocation& where);
};

// Puts slices on pages (top-down coordinates, y from the page top).
struct PlacedPages {
    std::vector<Page> pages;
    std::vector<FieldRect> fields;
    std::vector<OutlineEntry> outline;
};
PlacedPages paginate(const std::vector<Slice>& slices, double body_top, double body_height);

// Image size in pixels from a PNG or JPEG header; false when unreadable.
// Also checks the limits (docs/limits.md) and, for PNG, that the image
// decodes (check_png): an image it accepts is safe to embed.
bool image_size(std::string_view data, int& width, int& height, std::string& error);
bool check_png(std::string_view data, std::string& error);

// QR code of `payload` (libqrencode), for page marks.
QrItem qr_code(const std::string& payload, double x, double y, double size);

// Moves items by (dx, dy).
void translate(Item& item, double dx, double dy);

} // namespace zs::layout
