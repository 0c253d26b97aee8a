// Block layout: each document block becomes slices of the vertical flow.
#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "document/palette.hpp"
#include "document/style.hpp"
#include "layout/flow.hpp"
#include "util/files.hpp"

namespace zs::layout {

// Every size from the style sheet (document/style.hpp), scaled to the body.
Theme::Theme(double b) {
    const style::Sheet& st = style::sheet();
    const style::TypeScale& ty = st.type;
    body = b;
    leading = b * ty.leading;
    para_gap = b * st.space.para_gap;
    h[0] = {b * ty.h1, b * 2.5, b * 2.4, b * 1.0, Style::heading, palette::accent};
    h[1] = {b * ty.h2, b * 1.95, b * 2.0, b * 0.7, Style::heading, palette::accent};
    h[2] = {b * ty.h3, b * 1.6, b * 1.5, b * 0.45, Style::bold, palette::text};
    h[3] = {b * ty.h4, b * 1.45, b * 1.1, b * 0.25, Style::bold, palette::text};
    table_size = b * ty.table;
    table_leading = b * ty.table_leading;
    cell_pad_x = b * st.space.cell_pad_x;
    cell_pad_y = b * st.space.cell_pad_y;
    code_size = b * ty.code;
    code_leading = b * ty.table_leading;
    list_indent = b * st.space.list_indent;
}

void translate(Item& item, double dx, double dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, LineItem>) {
                it.x1 += dx, it.x2 += dx, it.y1 += dy, it.y2 += dy;
            } else if constexpr (std::is_same_v<T, PathItem>) {
                for (auto& p : it.points) p.x += dx, p.y += dy;
            } else {
                it.x += dx, it.y += dy;
            }
        },
        item);
}

namespace {

Style style_of(unsigned s, Style base) {
    if ((s & doc::code) || base == Style::mono || base == Style::mono_bold)
        return (s & doc::bold) || base == Style::mono_bold ? Style::mono_bold : Style::mono;
    bool b = (s & doc::bold) || base == Style::bold || base == Style::heading;
    bool i = (s & doc::italic) || base == Style::italic;
    if (base == Style::heading && !(s & doc::italic)) return Style::heading;
    return b && i ? Style::bold_italic : b ? Style::bold : i ? Style::italic : Style::regular;
}

std::string describe(char32_t c) {
    std::string s;
    append_utf8(s, c);
    return fmt::format("U+{:04X}{}", static_cast<std::uint32_t>(c),
                       c >= 0x20 ? " '" + s + "'" : std::string());
}

} // namespace

FlowBuilder::FlowBuilder(const LayoutOptions& options, const FontSet& fonts,
                         const Hyphenator* hyphenator, double page_body_height,
                         Diagnostics& diags)
    : options_(options), fonts_(fonts), hyphenator_(hyphenator),
      page_body_height_(page_body_height), diags_(diags), theme_(options.body_size) {}

int FlowBuilder::open(std::string role, std::string alt) {
    nodes_.push_back(StructNode{std::move(role), current_ < 0 ? 0 : current_, std::move(alt), {}});
    return static_cast<int>(nodes_.size() - 1);
}

namespace {
constexpr int untagged = -2;
}

void FlowBuilder::tag(Slice& s) {
    s.tags.resize(s.items.size(), untagged);
    int link = -1;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        if (s.tags[i] != untagged) continue;
        const Item& it = s.items[i];
        if (const auto* l = std::get_if<LinkItem>(&it); l && current_ >= 0) {
            // A link broken over lines stays one Link element.
            bool same = last_link_ >= 0 && last_link_target_ == l->target &&
                        nodes_[static_cast<std::size_t>(last_link_)].parent == current_;
            if (!same) {
                nodes_.push_back(StructNode{"Link", current_, l->target, {}});
                last_link_ = static_cast<int>(nodes_.size() - 1);
                last_link_target_ = l->target;
            }
            link = last_link_;
            s.tags[i] = link;
        } else if (std::holds_alternative<TextItem>(it)) {
            s.tags[i] = link >= 0 ? link : current_;
            link = -1;
        } else if (std::holds_alternative<ImageItem>(it)) {
            s.tags[i] = current_;
        } else {
            s.tags[i] = -1;
        }
    }
}

Slice& FlowBuilder::push(Slice s, double gap) {
    tag(s);
    s.space_before = std::max(s.space_before, std::max(pending_gap_, gap));
    pending_gap_ = 0;
    s.keep_with_prev = s.keep_with_prev || keep_next_;
    s.break_before = s.break_before || next_break_;
    keep_next_ = next_break_ = false;
    slices_.push_back(std::move(s));
    return slices_.back();
}

ShapedText FlowBuilder::shape(const doc::Inlines& runs, const RunStyle& base,
                              const SourceLocation& where, bool preserve_spaces) {
    Shaper shaper(fonts_, [&](char32_t c) {
        if (!reported_.insert({where.file + ":" + std::to_string(where.line), c}).second) return;
        Message what = msg("character {} is in none of the configured fonts", describe(c));
        Message hint = msg("use another character, or configure a font that has it (fonts/fonts.toml, option --fonts)");
        if (options_.missing_glyph_is_error)
            diags_.error(where, std::move(what), std::move(hint));
        else
            diags_.warning(where, std::move(what), std::move(hint));
    });
    for (const auto& r : runs) {
        RunStyle s = base;
        s.style = style_of(r.style, base.style);
        if (r.size > 0) s.size = r.size;
        if (r.style & doc::code) s.size = s.size * 0.92;
        if (r.color) s.color = *r.color;
        if (!r.link.empty()) {
            s.link = r.link;
            if (!r.color) s.color = palette::accent;
        }
        s.strike = (r.style & doc::strike) != 0;
        s.code = (r.style & doc::code) != 0 && !preserve_spaces;
        shaper.add(r.text, s, preserve_spaces);
    }
    return shaper.finish();
}

void FlowBuilder::emit_line(const ShapedText& t, const Line& line, double x, double baseline,
                            std::vector<Item>& items) const {
    TextItem* merge_into = nullptr;
    // Words are separated by gaps, not space characters; the text item
    // before a gap gets a trailing space, so text extraction and tagged-PDF
    // readers (which join marked content as it is) see the word boundary.
    std::size_t last_text = items.size();
    bool gap_before = false;
    auto end_word = [&] {
        if (last_text >= items.size()) return;
        auto& prev = std::get<TextItem>(items[last_text]);
        if (!prev.text.empty() && prev.text.back() != ' ' && prev.text.back() != '-' && fonts_.face(prev.font).has(' '))
            prev.text += ' ';
    };
    for (const LineSegment& seg : line.segments) {
        double gx = x + seg.x;
        std::uint32_t i = seg.begin;
        gap_before = &seg != &line.segments.front();
        while (i < seg.end) {
            std::uint32_t j = i;
            const Glyph& g = t.glyphs[i];
            TextItem item;
            item.x = gx;
            item.y = baseline;
            item.font = g.face;
            const RunStyle& r = t.runs[g.run];
            item.size = r.size;
            item.color = r.color;
            while (j < seg.end && t.glyphs[j].run == g.run && t.glyphs[j].face == g.face)
                append_utf8(item.text, t.glyphs[j++].c);
            item.width = t.width(i, j);
            if (j == seg.end && seg.hyphen) {
                item.text += '-';
                item.width += hyphen_width(t, j - 1, fonts_);
            }
            if (r.code) {
                items.push_back(RectItem{gx - 1.5, baseline - r.size * 0.82, item.width + 3,
                                         r.size * 1.12, {doc::Color{0xee, 0xf1, 0xf5}, {}}});
            }
            if (!r.link.empty()) {
                items.push_back(LinkItem{gx, baseline - r.size * 0.85, item.width, r.size * 1.15,
                                         r.link});
            }
            if (r.strike) {
                double sy = baseline - r.size * 0.27;
                items.push_back(LineItem{gx, sy, gx + item.width, sy, {r.color, r.size * 0.06, 0}});
            }
            gx += item.width;
            // Words of one style on a line become one text item joined by
            // a space (the same advance the PDF viewer uses): far fewer
            // drawing calls and cleaner text extraction.
            if (merge_into && !r.code && r.link.empty() && !r.strike &&
                merge_into->font == item.font && merge_into->size == item.size &&
                merge_into->color == item.color) {
                double space = fonts_.face(item.font).advance(' ') * item.size / 1000;
                double gap = item.x - (merge_into->x + merge_into->width);
                if (std::abs(gap - space) < 0.01 && fonts_.face(item.font).has(' ')) {
                    if (merge_into->text.empty() || merge_into->text.back() != ' ') merge_into->text += ' ';
                    merge_into->text += item.text;
                    merge_into->width = item.x + item.width - merge_into->x;
                    gap_before = false;
                    i = j;
                    continue;
                }
            }
            if (gap_before) end_word();
            gap_before = false;
            items.push_back(std::move(item));
            last_text = items.size() - 1;
            merge_into = (r.code || !r.link.empty() || r.strike) ? nullptr : &std::get<TextItem>(items.back());
            i = j;
        }
    }
    // A line that ends inside the text (not hyphenated, not after a slash)
    // ends a word too.
    if (!line.segments.empty() && !line.segments.back().hyphen && line.segments.back().end < t.glyphs.size() &&
        t.glyphs[line.segments.back().end - 1].c != '/')
        end_word();
}

double FlowBuilder::text_item(std::string_view text, const RunStyle& style, double x,
                              double baseline, doc::Align align, std::vector<Item>& items,
                              const SourceLocation& where) {
    ShapedText t = shape({doc::text(std::string(text))}, style, where);
    Line line;
    double pos = 0;
    for (const Word& w : t.words) {
        if (w.end > w.begin) {
            line.segments.push_back({w.begin, w.end, pos, false});
            pos += t.width(w.begin, w.end);
        }
        pos += w.space;
    }
    line.width = line.segments.empty() ? 0 : line.segments.back().x +
                                                 t.width(line.segments.back().begin,
                                                         line.segments.back().end);
    double start = align == doc::Align::left     ? x
                   : align == doc::Align::center ? x - line.width / 2
                                                 : x - line.width;
    emit_line(t, line, start, baseline, items);
    return line.width;
}

void FlowBuilder::blocks(const doc::Blocks& blocks, double x, double width) {
    for (const auto& b : blocks) block(b, x, width);
}

void FlowBuilder::block(const doc::Block& b, double x, double width) {
    const SourceLocation& where = b.where;
    // Keeps (style::Keeps): a heading stays with its intro paragraph and the
    // first block after it (a whole chart, the first table rows); so does a
    // lead-in paragraph that ends with a colon.
    int chain = chain_;
    chain_ = 0;
    std::size_t first = slices_.size();
    block_content(b, x, width, where);
    if (chain > 0 && slices_.size() == first) {
        chain_ = std::max(chain_, chain); // nothing laid out (a spacer): still owed
    } else if (chain > 0 && !std::holds_alternative<doc::Heading>(b.content)) {
        std::size_t end = slices_.size();
        if (!std::holds_alternative<doc::Paragraph>(b.content))
            end = std::min(end, first + static_cast<std::size_t>(style::sheet().keeps.table_rows_after_heading) + 1);
        for (std::size_t i = first; i < end; ++i) slices_[i].keep_with_prev = true;
        if (std::holds_alternative<doc::Paragraph>(b.content)) chain_ = std::max(chain_, chain - 1);
    }
    if (const auto* p = std::get_if<doc::Paragraph>(&b.content)) {
        std::string text = doc::plain_text(p->runs);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
        if (!text.empty() && text.back() == ':') {
            chain_ = std::max(chain_, 1);
            keep_next_ = true;
        }
    }
}

void FlowBuilder::block_content(const doc::Block& b, double x, double width, const SourceLocation& where) {
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, doc::Heading>) {
                heading(c, x, width, where);
            } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
                RunStyle base;
                base.size = c.size > 0 ? c.size : theme_.body;
                base.color = c.color.value_or(palette::text);
                double leading = theme_.leading * base.size / theme_.body;
                double after = tight_ ? theme_.body * 0.25 : theme_.para_gap;
                int saved = current_;
                current_ = open("P");
                paragraph(c.runs, base, c.align, leading, tight_ ? 0 : theme_.para_gap, after, x,
                          width, where);
                current_ = saved;
            } else if constexpr (std::is_same_v<T, doc::List>) {
                list(c, x, width, where);
            } else if constexpr (std::is_same_v<T, doc::Callout>) {
                callout(c, x, width);
            } else if constexpr (std::is_same_v<T, doc::Table>) {
                table(c, x, width, where);
            } else if constexpr (std::is_same_v<T, doc::ThematicBreak>) {
                rule(x, width);
            } else if constexpr (std::is_same_v<T, doc::CodeBlock>) {
                code_block(c, x, width, where);
            } else if constexpr (std::is_same_v<T, doc::Image>) {
                image(c, x, width, where);
            } else if constexpr (std::is_same_v<T, doc::Spacer>) {
                pending_gap_ += std::max(0.0, c.height);
            } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
                next_break_ = true;
            } else if constexpr (std::is_same_v<T, doc::Group>) {
                group(c, x, width);
            } else if constexpr (std::is_same_v<T, doc::AnswerRow>) {
                answer_row(c, x, width, where);
            } else if constexpr (std::is_same_v<T, doc::NoteLines>) {
                note_lines(c, x, width);
            } else if constexpr (std::is_same_v<T, doc::FieldBox>) {
                field_box(c, x, width, where);
            } else if constexpr (std::is_same_v<T, doc::Columns>) {
                columns(c, x, width);
            } else if constexpr (std::is_same_v<T, doc::Chart>) {
                chart(c, x, width, where);
            }
        },
        b.content);
}

void FlowBuilder::paragraph(const doc::Inlines& runs, const RunStyle& base, doc::Align align,
                            double leading, double before, double after, double x, double width,
                            const SourceLocation& where, const std::vector<Item>& first_line_extra) {
    ShapedText t = shape(runs, base, where);
    // Display sizes (titles, headings) are never hyphenated.
    std::vector<Line> lines = break_lines(t, width, fonts_, base.size >= 14 ? nullptr : hyphenator_);
    std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Line& line = lines[i];
        // A line with larger inline text grows; the rhythm of others stays.
        double size = base.size;
        for (const auto& seg : line.segments)
            for (std::uint32_t g = seg.begin; g < seg.end; ++g)
                size = std::max(size, t.runs[t.glyphs[g].run].size);
        Slice s;
        s.height = leading * size / base.size;
        double offset = align == doc::Align::left     ? 0
                        : align == doc::Align::center ? (width - line.width) / 2
                                                      : width - line.width;
        emit_line(t, line, x + offset, baseline_in(s.height, size), s.items);
        if (i == 0)
            s.items.insert(s.items.begin(), first_line_extra.begin(), first_line_extra.end());
        // Widows and orphans: never one line alone at the foot or head of a page.
        s.keep_with_prev = i > 0 && (n <= 3 || i == 1 || i == n - 1);
        push(std::move(s), i == 0 ? before : 0);
    }
    pending_gap_ = after;
}

void FlowBuilder::heading(const doc::Heading& h, double x, double width,
                          const SourceLocation& where) {
    const auto& hs = theme_.h[std::clamp(h.level, 1, 4) - 1];
    RunStyle base;
    base.style = hs.style;
    base.size = hs.size;
    base.color = hs.color;
    std::size_t first = slices_.size();
    bool was_tight = tight_;
    tight_ = false;
    int saved = current_;
    current_ = open("H" + std::to_string(std::clamp(h.level, 1, 4)));
    paragraph(h.text, base, doc::Align::left, hs.leading, hs.before, hs.after, x, width, where);
    current_ = saved;
    tight_ = was_tight;
    if (slices_.size() > first) {
        slices_[first].marks.push_back(
            {h.level, doc::plain_text(h.text), h.anchor, h.in_outline});
        for (std::size_t i = first + 1; i < slices_.size(); ++i) slices_[i].keep_with_prev = true;
    }
    keep_next_ = true;
    chain_ = 2;
}

void FlowBuilder::list(const doc::List& l, double x, double width, const SourceLocation& where) {
    bool was_tight = tight_;
    double indent = theme_.list_indent;
    if (list_depth_ == 0 || !was_tight) pending_gap_ = std::max(pending_gap_, theme_.para_gap);
    ++list_depth_;
    int saved = current_;
    const int list_node = open("L");
    for (std::size_t i = 0; i < l.items.size(); ++i) {
        const auto& item = l.items[i];
        tight_ = l.tight;
        std::size_t first = slices_.size();
        if (i > 0) pending_gap_ = l.tight ? theme_.body * 0.25 : theme_.para_gap;
        current_ = list_node;
        current_ = open("LI");
        const int label = open("Lbl");
        current_ = open("LBody");
        blocks(item.blocks, x + indent, width - indent);
        if (slices_.size() == first) { // an empty item still shows its marker
            Slice s;
            s.height = theme_.leading;
            push(std::move(s), 0);
        }
        Slice& s = slices_[first];
        double baseline = baseline_in(theme_.leading, theme_.body);
        for (const auto& it : s.items)
            if (auto* t = std::get_if<TextItem>(&it)) {
                baseline = t->y;
                break;
            }
        std::vector<Item> marker;
        RunStyle ms;
        ms.size = theme_.body;
        ms.color = palette::accent;
        if (item.task) {
            double side = theme_.body * 0.8, bx = x + indent - side - theme_.body * 0.5,
                   by = baseline - side * 0.9;
            marker.push_back(RectItem{bx, by, side, side, {palette::white, doc::Stroke{palette::accent, 0.7, 0}}});
            if (*item.task) {
                marker.push_back(PathItem{{{bx + side * 0.2, by + side * 0.55},
                                           {bx + side * 0.42, by + side * 0.78},
                                           {bx + side * 0.82, by + side * 0.22}},
                                          false,
                                          {std::nullopt, doc::Stroke{palette::accent, 1.1, 0}}});
            }
        } else if (l.ordered) {
            text_item(std::to_string(l.start + static_cast<int>(i)) + ".", ms,
                      x + indent - theme_.body * 0.45, baseline, doc::Align::right, marker, where);
        } else {
            ms.style = Style::bold;
            text_item(list_depth_ % 2 == 1 ? "\u2022" : "\u2013", ms,
                      x + indent - theme_.body * 0.55, baseline, doc::Align::right, marker, where);
        }
        // The marker comes first in reading order, as in the structure.
        s.items.insert(s.items.begin(), marker.begin(), marker.end());
        s.tags.insert(s.tags.begin(), marker.size(), label);
    }
    current_ = saved;
    --list_depth_;
    tight_ = was_tight;
    pending_gap_ = std::max(pending_gap_, list_depth_ == 0 || !was_tight ? theme_.para_gap : 0.0);
}

void FlowBuilder::boxify(std::size_t first, double x, double width, double pad_top,
                         double pad_bottom, doc::Color fill, std::optional<doc::Color> bar) {
    if (first >= slices_.size()) return;
    for (std::size_t i = first; i < slices_.size(); ++i) {
        Slice& s = slices_[i];
        double shift = i == first ? pad_top : s.space_before;
        if (i > first) s.space_before = 0;
        for (auto& it : s.items) translate(it, 0, shift);
        for (auto& f : s.fields) f.y += shift;
        s.height += shift;
        if (i + 1 == slices_.size()) s.height += pad_bottom;
        std::vector<Item> bg{RectItem{x, 0, width, s.height, {fill, {}}}};
        if (bar) bg.push_back(RectItem{x, 0, 2.5, s.height, {*bar, {}}});
        s.items.insert(s.items.begin(), bg.begin(), bg.end());
        s.tags.insert(s.tags.begin(), bg.size(), -1);
    }
}

void FlowBuilder::callout(const doc::Callout& c, double x, double width) {
    double pad = theme_.body * 0.9, pad_left = theme_.body * 1.4;
    double gap = std::max(pending_gap_, theme_.para_gap * 1.4);
    pending_gap_ = 0;
    std::size_t first = slices_.size();
    bool was_tight = tight_;
    tight_ = false;
    bool keep = keep_next_;
    int saved = current_;
    current_ = open("Div");
    blocks(c.blocks, x + pad_left, width - pad_left - pad);
    current_ = saved;
    tight_ = was_tight;
    if (slices_.size() == first) return;
    slices_[first].space_before = gap;
    slices_[first].keep_with_prev = keep;
    // A callout in the alarm tint (red flags) gets the alarm bar.
    bool alarm = c.tint && *c.tint == palette::alarm_tint;
    boxify(first, x, width, pad, pad - theme_.body * 0.2, c.tint.value_or(palette::accent_tint),
           alarm ? palette::alarm : palette::accent);
    pending_gap_ = theme_.para_gap * 1.4;
    keep_next_ = false;
}

void FlowBuilder::code_block(const doc::CodeBlock& c, double x, double width,
                             const SourceLocation& where) {
    double pad = theme_.body * 0.8;
    RunStyle base;
    base.style = Style::mono;
    base.size = theme_.code_size;
    base.color = palette::text;
    std::size_t first = slices_.size();
    double gap = std::max(pending_gap_, theme_.para_gap);
    pending_gap_ = 0;
    std::string_view rest = c.text;
    bool first_line = true;
    int saved = current_;
    current_ = open("P");
    while (true) {
        std::size_t nl = rest.find('\n');
        std::string_view src = rest.substr(0, nl);
        std::string expanded;
        for (char ch : src) expanded += ch == '\t' ? std::string("    ") : std::string(1, ch);
        ShapedText t = shape({doc::text(expanded)}, base, where, true);
        for (const Line& line : break_lines(t, width - 2 * pad, fonts_, nullptr)) {
            Slice s;
            s.height = theme_.code_leading;
            emit_line(t, line, x + pad, baseline_in(s.height, base.size), s.items);
            s.keep_with_prev = !first_line;
            push(std::move(s), first_line ? gap : 0);
            first_line = false;
        }
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
    }
    current_ = saved;
    // Two lines at either end stay together, like a paragraph's.
    std::size_t n = slices_.size() - first;
    for (std::size_t i = 1; i < n; ++i)
        slices_[first + i].keep_with_prev = n <= 3 || i == 1 || i == n - 1;
    boxify(first, x, width, pad * 0.8, pad * 0.8, doc::Color{0xf3, 0xf5, 0xf8}, std::nullopt);
    pending_gap_ = theme_.para_gap;
}

void FlowBuilder::rule(double x, double width) {
    Slice s;
    s.height = 1;
    s.items.push_back(LineItem{x, 0.5, x + width, 0.5, {palette::rule, 0.75, 0}});
    push(std::move(s), theme_.leading);
    pending_gap_ = theme_.leading;
}

void FlowBuilder::image(const doc::Image& img, double x, double width,
                        const SourceLocation& where) {
    ReadResult r = read_file(img.path, limits::image_file);
    int pw = 0, ph = 0;
    std::string error = r.error;
    if (!r.ok() || !image_size(r.data, pw, ph, error)) {
        diags_.error(where, msg("cannot use image '{}': {}", img.path, error),
                     msg("images must be PNG or JPEG files"));
        return;
    }
    double w = img.width > 0 ? img.width : pw;
    w = std::min(w, width);
    double h = w * ph / pw;
    if (h > page_body_height_ * 0.9) {
        h = page_body_height_ * 0.9;
        w = h * pw / ph;
    }
    double ix = img.align == doc::Align::left     ? x
                : img.align == doc::Align::center ? x + (width - w) / 2
                                                  : x + width - w;
    Slice s;
    s.height = h;
    s.items.push_back(ImageItem{ix, 0, w, h, img.path});
    // An image without a description is decoration (an artifact).
    s.tags.push_back(img.alt.empty() ? -1 : open("Figure", img.alt));
    push(std::move(s), theme_.para_gap);
    pending_gap_ = theme_.para_gap;
}

void FlowBuilder::group(const doc::Group& g, double x, double width) {
    std::size_t first = slices_.size();
    blocks(g.blocks, x, width);
    double total = 0;
    for (std::size_t i = first; i < slices_.size(); ++i)
        total += slices_[i].height + (i > first ? slices_[i].space_before : 0);
    // A group taller than a page cannot stay together; it breaks normally.
    if (total <= page_body_height_)
        for (std::size_t i = first + 1; i < slices_.size(); ++i) slices_[i].keep_with_prev = true;
}

void FlowBuilder::answer_row(const doc::AnswerRow& a, double x, double width,
                             const SourceLocation& where) {
    const double box = theme_.box, gap = theme_.body * 0.6, between = theme_.body * 2.0;
    RunStyle base;
    base.size = theme_.body;
    base.color = palette::text;
    FieldKind kind = a.multiple ? FieldKind::check : FieldKind::choice;
    std::vector<ShapedText> labels;
    double total = 0;
    for (const auto& o : a.options) {
        labels.push_back(shape(o.label, base, where));
        const ShapedText& t = labels.back();
        double w = 0;
        for (const Word& wd : t.words) w += t.width(wd.begin, wd.end) + wd.space;
        if (!t.words.empty()) w -= t.words.back().space;
        total += box + gap + w + (total > 0 ? between : 0);
    }
    // Too many for one row: a grid filled row by row (so the reading order
    // stays the option order), each column as wide as its widest label,
    // with as many columns as fit; two at least, else the options stack.
    std::vector<double> widths;
    for (const ShapedText& t : labels) {
        double w = 0;
        for (const Word& wd : t.words) w += t.width(wd.begin, wd.end) + wd.space;
        if (!t.words.empty()) w -= t.words.back().space;
        widths.push_back(w);
    }
    std::size_t cols = a.options.size();
    std::vector<double> col_w;
    if (total > width) {
        cols = 0;
        for (std::size_t n = a.options.size() - 1; n >= 2; --n) {
            std::vector<double> cw(n, 0);
            for (std::size_t i = 0; i < widths.size(); ++i) cw[i % n] = std::max(cw[i % n], box + gap + widths[i]);
            double sum = between * static_cast<double>(n - 1);
            for (double w : cw) sum += w;
            if (sum <= width) {
                cols = n;
                col_w = std::move(cw);
                break;
            }
        }
    }
    double row_h = std::max(box + 4, theme_.leading);
    // Each tick box is a Form element (the widget goes there), its label a
    // paragraph after it.
    auto draw_box = [&](Slice& s, double bx, double top, std::size_t i) {
        int form = open("Form", doc::plain_text(a.options[i].label));
        s.tags.resize(s.items.size(), untagged);
        s.items.push_back(
            RectItem{bx, top, box, box, {palette::white, doc::Stroke{palette::ink, 0.8, 0}}});
        s.tags.push_back(form);
        s.fields.push_back(FieldRect{a.field, a.options[i].id, kind, 0, bx, top, box, box, form});
        return open("P");
    };
    auto tag_label = [&](Slice& s, int node) { s.tags.resize(s.items.size(), node); };
    if (total <= width) { // side by side
        Slice s;
        s.height = row_h;
        double top = (row_h - box) / 2, cx = x;
        double baseline = top + box / 2 + base.size * 0.34;
        for (std::size_t i = 0; i < a.options.size(); ++i) {
            int label = draw_box(s, cx, top, i);
            const ShapedText& t = labels[i];
            auto lines = break_lines(t, width, fonts_, nullptr);
            emit_line(t, lines.front(), cx + box + gap, baseline, s.items);
            tag_label(s, label);
            cx += box + gap + lines.front().width + between;
        }
        push(std::move(s), theme_.para_gap * 0.6);
    } else if (cols >= 2) { // a grid
        const std::size_t rows = (a.options.size() + cols - 1) / cols;
        for (std::size_t r = 0; r < rows; ++r) {
            Slice s;
            s.height = row_h + theme_.body * 0.3;
            double top = (row_h - box) / 2;
            double baseline = top + box / 2 + base.size * 0.34;
            double cx = x;
            for (std::size_t c = 0; c < cols && r * cols + c < a.options.size(); ++c) {
                std::size_t i = r * cols + c;
                int label = draw_box(s, cx, top, i);
                const ShapedText& t = labels[i];
                auto lines = break_lines(t, col_w[c], fonts_, nullptr);
                emit_line(t, lines.front(), cx + box + gap, baseline, s.items);
                tag_label(s, label);
                cx += col_w[c] + between;
            }
            s.keep_with_prev = r > 0;
            push(std::move(s), r == 0 ? theme_.para_gap * 0.6 : 0);
        }
    } else { // stacked
        for (std::size_t i = 0; i < a.options.size(); ++i) {
            const ShapedText& t = labels[i];
            auto lines = break_lines(t, width - box - gap, fonts_, hyphenator_);
            Slice s;
            double text_h = static_cast<double>(lines.size()) * theme_.leading;
            s.height = std::max(row_h, text_h) + theme_.body * 0.3;
            double top = (row_h - box) / 2;
            int label = draw_box(s, x, top, i);
            double baseline = top + box / 2 + base.size * 0.34;
            for (const Line& line : lines) {
                emit_line(t, line, x + box + gap, baseline, s.items);
                baseline += theme_.leading;
            }
            tag_label(s, label);
            s.keep_with_prev = i > 0;
            push(std::move(s), i == 0 ? theme_.para_gap * 0.6 : 0);
        }
    }
    pending_gap_ = theme_.para_gap;
}

void FlowBuilder::note_lines(const doc::NoteLines& n, double x, double width) {
    double step = n.spacing > 0 ? n.spacing : 8 * 72 / 25.4;
    int count = std::max(1, n.lines);
    Slice s;
    s.height = step * count;
    for (int i = 1; i <= count; ++i) {
        double y = step * i;
        s.items.push_back(LineItem{x, y, x + width, y, {palette::writing_line, 0.75, 0}});
    }
    int form = open("Form");
    s.tags.assign(s.items.size(), form);
    s.fields.push_back(FieldRect{n.field, "", FieldKind::notes, 0, x, 0, width, s.height, form});
    push(std::move(s), theme_.para_gap * 0.4);
    pending_gap_ = theme_.para_gap;
}

void FlowBuilder::field_box(const doc::FieldBox& f, double x, double width,
                            const SourceLocation& where) {
    double h = f.height > 0 ? f.height : 8 * 72 / 25.4;
    RunStyle base;
    base.size = theme_.body;
    base.color = palette::text;
    Slice s;
    s.height = h;
    double baseline = h / 2 + base.size * 0.34;
    ShapedText t = shape(f.label, base, where);
    auto lines = break_lines(t, f.label_width > 0 ? f.label_width : width * 0.4, fonts_, hyphenator_);
    double label_w = 0;
    if (!t.glyphs.empty()) {
        emit_line(t, lines.front(), x, baseline, s.items);
        s.tags.resize(s.items.size(), open("P"));
        // Short labels share one column, so boxes in a row of fields align.
        label_w = f.label_width > 0 ? f.label_width
                                    : std::max(lines.front().width + theme_.body * 0.8, width * 0.18);
    }
    double bw = f.width > 0 ? std::min(f.width, width - label_w) : width - label_w;
    // Black, so the box survives a copier's 1-bit threshold.
    s.items.push_back(RectItem{x + label_w, 0, bw, h, {palette::white, doc::Stroke{palette::ink, 0.75, 0}}});
    int form = open("Form", doc::plain_text(f.label));
    s.tags.resize(s.items.size(), form);
    s.fields.push_back(FieldRect{f.field, "", FieldKind::text, 0, x + label_w, 0, bw, h, form});
    if (!f.after.empty()) {
        ShapedText a = shape(f.after, base, where);
        double ax = x + label_w + bw + theme_.body * 0.6;
        auto alines = break_lines(a, std::max(10.0, x + width - ax), fonts_, nullptr);
        emit_line(a, alines.front(), ax, baseline, s.items);
        s.tags.resize(s.items.size(), open("P"));
    }
    push(std::move(s), theme_.para_gap * 0.6);
    pending_gap_ = theme_.para_gap;
}

void FlowBuilder::columns(const doc::Columns& c, double x, double width) {
    const std::size_t n = c.columns.size();
    if (n == 0) return;
    const double gap = c.gap > 0 ? c.gap : theme_.body * 1.5;
    const double col_w = (width - gap * static_cast<double>(n - 1)) / static_cast<double>(n);
    // Each column is laid out on its own, then its slices are stacked into
    // one slice, so the columns stay together and side by side.
    const double owed = pending_gap_;
    const bool keep = keep_next_, brk = next_break_;
    Slice merged;
    for (std::size_t k = 0; k < n; ++k) {
        std::vector<Slice> outer = std::move(slices_);
        slices_.clear();
        pending_gap_ = 0;
        keep_next_ = next_break_ = false;
        double cx = x + static_cast<double>(k) * (col_w + gap);
        blocks(c.columns[k], cx, col_w);
        double y = 0;
        for (std::size_t i = 0; i < slices_.size(); ++i) {
            Slice& sl = slices_[i];
            if (i > 0) y += sl.space_before;
            // the inner slices are tagged when pushed; their tags come along
            sl.tags.resize(sl.items.size(), untagged);
            merged.tags.insert(merged.tags.end(), sl.tags.begin(), sl.tags.end());
            for (Item it : sl.items) {
                translate(it, 0, y);
                merged.items.push_back(std::move(it));
            }
            for (FieldRect f : sl.fields) {
                f.y += y;
                merged.fields.push_back(std::move(f));
            }
            y += sl.height;
        }
        merged.height = std::max(merged.height, y);
        slices_ = std::move(outer);
    }
    pending_gap_ = owed;
    keep_next_ = keep;
    next_break_ = brk;
    push(std::move(merged), theme_.para_gap * 0.6);
    pending_gap_ = theme_.para_gap;
}

void FlowBuilder::chart(const doc::Chart& c, double x, double width, const SourceLocation& where) {
    double scale = c.width > width && c.width > 0 ? width / c.width : 1.0;
    auto P = [&](doc::Point p) { return doc::Point{x + p.x * scale, p.y * scale}; };
    Slice s;
    s.height = c.height * scale;
    for (const auto& shape : c.shapes) {
        std::visit(
            [&](const auto& sh) {
                using T = std::decay_t<decltype(sh)>;
                if constexpr (std::is_same_v<T, doc::RectShape>) {
                    s.items.push_back(RectItem{x + sh.x * scale, sh.y * scale, sh.w * scale,
                                               sh.h * scale, sh.style});
                } else if constexpr (std::is_same_v<T, doc::LineShape>) {
                    doc::Point a = P(sh.from), b = P(sh.to);
                    s.items.push_back(LineItem{a.x, a.y, b.x, b.y, sh.stroke});
                } else if constexpr (std::is_same_v<T, doc::PathShape>) {
                    PathItem p{{}, sh.closed, sh.style};
                    for (auto pt : sh.points) p.points.push_back(P(pt));
                    s.items.push_back(std::move(p));
                } else if constexpr (std::is_same_v<T, doc::ArcShape>) {
                    // Flattened to short chords: smooth at print resolution.
                    PathItem p{{}, sh.wedge, sh.style};
                    doc::Point centre = P(sh.centre);
                    double r = sh.radius * scale, span = sh.to_deg - sh.from_deg;
                    int steps = std::max(8, static_cast<int>(std::ceil(std::abs(span) / 2.0)));
                    if (sh.wedge) p.points.push_back(centre);
                    for (int k = 0; k <= steps; ++k) {
                        double a = (sh.from_deg + span * k / steps) * std::numbers::pi / 180;
                        p.points.push_back({centre.x + r * std::sin(a), centre.y - r * std::cos(a)});
                    }
                    if (std::abs(span) >= 360) p.closed = true;
                    s.items.push_back(std::move(p));
                } else if constexpr (std::is_same_v<T, doc::TextShape>) {
                    RunStyle st;
                    st.style = sh.bold ? Style::bold : Style::regular;
                    st.size = sh.size * scale;
                    st.color = sh.color;
                    doc::Point at = P(sh.at);
                    std::size_t before = s.items.size();
                    text_item(sh.text, st, at.x, at.y, sh.align, s.items, where);
                    // Each label ends a word, so extracted figure text reads
                    // "D6 Blootstelling", not "D6Blootstelling".
                    for (std::size_t k = s.items.size(); k-- > before;)
                        if (auto* t = std::get_if<TextItem>(&s.items[k])) {
                            if (!t->text.empty() && t->text.back() != ' ' && fonts_.face(t->font).has(' ')) t->text += ' ';
                            break;
                        }
                }
            },
            shape);
    }
    // The whole drawing is one Figure, its description the alternative
    // text; a chart without one is decoration.
    s.tags.assign(s.items.size(), c.alt.empty() ? -1 : open("Figure", c.alt));
    push(std::move(s), theme_.para_gap * 1.4);
    pending_gap_ = theme_.para_gap * 1.4;
}

} // namespace zs::layout
