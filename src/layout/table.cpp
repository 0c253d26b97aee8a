// Tables: column widths from content, wrapped cells, one slice per row so
// pages break only between rows, and the header row repeated on each page.
#include <algorithm>
#include <numeric>

#include "document/palette.hpp"
#include "document/style.hpp"
#include "layout/flow.hpp"

namespace zs::layout {

namespace {

struct CellText {
    ShapedText text;
    double min_w = 0;  // the widest word
    double pref_w = 0; // all on one line
};

void measure(CellText& c) {
    const ShapedText& t = c.text;
    double line = 0;
    for (const Word& w : t.words) {
        double ww = t.width(w.begin, w.end);
        c.min_w = std::max(c.min_w, ww);
        line += ww;
        if (w.hard_break) {
            c.pref_w = std::max(c.pref_w, line);
            line = 0;
        } else {
            line += w.space;
        }
    }
    if (!t.words.empty()) line -= t.words.back().space;
    c.pref_w = std::max(c.pref_w, line);
}

// Column widths that fill `width`: every column gets at least its widest
// word when possible, and the rest is shared in proportion to how much
// more each column would like. Hints in points are honoured, but a hint
// never makes a column narrower than its widest word (an id such as
// "D10.1b" is not broken to keep a hint).
std::vector<double> column_widths(const std::vector<double>& min_w,
                                  const std::vector<double>& pref_w,
                                  const std::vector<doc::TableColumn>& cols, double width) {
    std::size_t n = min_w.size();
    std::vector<double> w(n, 0);
    double fixed = 0;
    std::vector<std::size_t> free;
    for (std::size_t i = 0; i < n; ++i) {
        if (cols[i].width > 0) {
            w[i] = std::max(cols[i].width, min_w[i]);
            fixed += w[i];
        } else {
            free.push_back(i);
        }
    }
    double room = std::max(width - fixed, 0.0);
    if (free.empty()) {
        // Only hints: scale them to the width.
        for (auto& x : w) x *= width / std::max(fixed, 1.0);
        return w;
    }
    double sum_min = 0, sum_pref = 0;
    for (auto i : free) sum_min += min_w[i], sum_pref += pref_w[i];
    if (sum_pref <= room) {
        // Everything fits on one line. The table still spans the column:
        // the spare room goes to the left-aligned (text) columns, so
        // numbers stay close to their labels.
        double text_pref = 0;
        for (auto i : free)
            if (cols[i].align == doc::Align::left) text_pref += pref_w[i];
        for (auto i : free) {
            bool gets = text_pref > 0 ? cols[i].align == doc::Align::left : true;
            double base = text_pref > 0 ? text_pref : sum_pref;
            w[i] = pref_w[i] + (gets ? (room - sum_pref) * pref_w[i] / std::max(base, 1.0) : 0);
        }
    } else if (sum_min <= room) {
        double extra = room - sum_min, want = sum_pref - sum_min;
        for (auto i : free)
            w[i] = min_w[i] + (want > 0 ? extra * (pref_w[i] - min_w[i]) / want : 0);
    } else {
        // Even the longest words do not fit: they get hyphenated or broken.
        for (auto i : free) w[i] = room * min_w[i] / std::max(sum_min, 1.0);
    }
    return w;
}

} // namespace

void FlowBuilder::table(const doc::Table& t, double x, double width, const SourceLocation& where) {
    std::size_t ncols = t.columns.size();
    for (const auto& r : t.rows) ncols = std::max(ncols, r.cells.size());
    if (ncols == 0 || t.rows.empty()) return;
    std::vector<doc::TableColumn> cols = t.columns;
    cols.resize(ncols);
    const double pad_x = theme_.cell_pad_x, pad_y = theme_.cell_pad_y * (t.compact ? 0.4 : 1.0);
    const auto header_rows = static_cast<std::size_t>(std::max(t.header_rows, 0));

    std::vector<std::vector<CellText>> cells(t.rows.size());
    std::vector<double> min_w(ncols, 0), pref_w(ncols, 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        RunStyle base;
        base.size = theme_.table_size;
        base.color = palette::text;
        base.style = r < header_rows ? Style::bold : Style::regular;
        if (r < header_rows) base.color = palette::accent;
        cells[r].resize(ncols);
        for (std::size_t c = 0; c < ncols; ++c) {
            if (c < t.rows[r].cells.size())
                cells[r][c].text = shape(t.rows[r].cells[c].text, base, where);
            else
                cells[r][c].text.offset.push_back(0);
            measure(cells[r][c]);
            // Long words may be hyphenated, so they do not dictate the width
            // alone: cap a column's minimum at a fair share of the table.
            // Header words are never split: they set the minimum in full.
            double fair = width / static_cast<double>(ncols) * 0.9;
            double word = r < header_rows ? cells[r][c].min_w : std::min(cells[r][c].min_w, fair);
            min_w[c] = std::max(min_w[c], word + 2 * pad_x);
            pref_w[c] = std::max(pref_w[c], cells[r][c].pref_w + 2 * pad_x);
        }
    }
    std::vector<double> w = column_widths(min_w, pref_w, cols, width);

    int id = tables_++;
    int saved = current_;
    const int table_node = open("Table");
    double gap = std::max(pending_gap_, theme_.para_gap * 1.2);
    pending_gap_ = 0;
    std::size_t body_index = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        bool header = r < header_rows;
        std::vector<std::vector<Line>> lines(ncols);
        std::size_t max_lines = 1;
        for (std::size_t c = 0; c < ncols; ++c) {
            // No hyphens in headers or in cells narrower than the set measure
            // (style::Hyphenation): there they fall on every other line.
            const auto& rules = style::sheet().hyphenation;
            bool hyphenate = (!header || rules.in_headers) && w[c] >= rules.min_cell_width;
            lines[c] = break_lines(cells[r][c].text, std::max(w[c] - 2 * pad_x, 1.0), fonts_,
                                   hyphenate ? hyphenator_ : nullptr, hyphenator_);
            max_lines = std::max(max_lines, lines[c].size());
        }
        Slice s;
        current_ = table_node;
        const int row_node = open("TR");
        s.height = static_cast<double>(max_lines) * theme_.table_leading + 2 * pad_y;
        s.table = id;
        s.table_header = header;
        if (header) {
            s.items.push_back(RectItem{x, 0, width, s.height, {palette::accent_tint, {}}});
        } else if (body_index++ % 2 == 1) {
            s.items.push_back(RectItem{x, 0, width, s.height, {palette::zebra, {}}});
        }
        s.tags.assign(s.items.size(), -1);
        double cx = x;
        for (std::size_t c = 0; c < ncols; ++c) {
            // Header cells: the header rows' (for their column) and, in a
            // key-value table, each row's first (for its row).
            current_ = row_node;
            bool row_head = !header && t.row_headers && c == 0;
            current_ = open(header || row_head ? "TH" : "TD");
            if (header || row_head)
                nodes_[static_cast<std::size_t>(current_)].scope = header ? "Column" : "Row";
            double inner = w[c] - 2 * pad_x;
            double baseline = pad_y + baseline_in(theme_.table_leading, theme_.table_size);
            for (const Line& line : lines[c]) {
                double off = cols[c].align == doc::Align::left     ? 0
                             : cols[c].align == doc::Align::center ? (inner - line.width) / 2
                                                                   : inner - line.width;
                emit_line(cells[r][c].text, line, cx + pad_x + off, baseline, s.items);
                baseline += theme_.table_leading;
            }
            tag(s);
            cx += w[c];
        }
        bool last_header = header && r + 1 == header_rows;
        doc::Stroke rule = last_header ? doc::Stroke{palette::accent, 0.9, 0}
                                       : doc::Stroke{palette::rule, 0.5, 0};
        s.items.push_back(LineItem{x, s.height, x + width, s.height, rule});
        if (r == 0)
            s.items.push_back(LineItem{x, 0, x + width, 0, {palette::accent, 0.9, 0}});
        // The header stays with the first two body rows (a table never
        // starts with one row at the foot of a page), and the last row
        // never stands alone at the top of one.
        s.keep_with_prev = r > 0 && (header || r == header_rows || r == header_rows + 1 || r + 1 == t.rows.size());
        current_ = row_node;
        push(std::move(s), r == 0 ? gap : 0);
    }
    current_ = saved;
    pending_gap_ = theme_.para_gap * 1.6;
}

} // namespace zs::layout
