// Pagination: slices onto pages. Greedy, with look-back: when a slice does
// not fit, the page ends at the last place a break is allowed (not inside a
// keep-together chain: heading with what follows, widow/orphan lines, a
// group), and table headers are repeated at the top of continued tables.
#include <map>

#include "layout/flow.hpp"

namespace zs::layout {

namespace {

struct Placement {
    std::size_t slice;
    double y;
    bool repeated_header;
};

} // namespace

PlacedPages paginate(const std::vector<Slice>& slices, double body_top, double body_height) {
    constexpr double eps = 0.01;
    std::map<int, std::vector<std::size_t>> headers;
    for (std::size_t i = 0; i < slices.size(); ++i)
        if (slices[i].table >= 0 && slices[i].table_header) headers[slices[i].table].push_back(i);

    PlacedPages out;
    std::vector<Placement> page;
    double y = 0;
    auto has_content = [&] {
        for (const auto& p : page)
            if (!p.repeated_header) return true;
        return false;
    };
    auto finish_page = [&] {
        Page pg;
        int number = static_cast<int>(out.pages.size());
        for (const Placement& p : page) {
            const Slice& s = slices[p.slice];
            double top = body_top + p.y;
            for (std::size_t k = 0; k < s.items.size(); ++k) {
                Item it = s.items[k];
                translate(it, 0, top);
                pg.items.push_back(std::move(it));
                // A repeated table header is a copy: an artifact.
                int tag = k < s.tags.size() ? s.tags[k] : -1;
                pg.tags.push_back(p.repeated_header ? -1 : tag);
            }
            for (FieldRect f : s.fields) {
                f.page = number;
                f.y += top;
                out.fields.push_back(std::move(f));
            }
            if (!p.repeated_header)
                for (const SliceMark& m : s.marks)
                    out.outline.push_back({m.level, m.title, m.anchor, number, top, m.in_outline});
        }
        out.pages.push_back(std::move(pg));
        page.clear();
        y = 0;
    };
    auto start_page_with = [&](std::size_t i) {
        // A table continued from the previous page gets its header again.
        const Slice& s = slices[i];
        if (s.table < 0 || s.table_header) return;
        for (std::size_t h : headers[s.table]) {
            page.push_back({h, y, true});
            y += slices[h].height;
        }
    };

    std::size_t i = 0;
    while (i < slices.size()) {
        const Slice& s = slices[i];
        if (s.break_before && has_content()) {
            finish_page();
            continue;
        }
        double gap = page.empty() ? 0 : s.space_before;
        if (y + gap + s.height <= body_height + eps || !has_content()) {
            if (page.empty() && i > 0) start_page_with(i);
            gap = page.empty() ? 0 : s.space_before;
            page.push_back({i, y + gap, false});
            y += gap + s.height;
            ++i;
            continue;
        }
        // Overflow: end the page before the latest slice that allows a break.
        std::size_t cut = page.size();
        std::size_t restart = i;
        if (s.keep_with_prev) {
            cut = 0;
            for (std::size_t k = page.size(); k-- > 1;) {
                const Placement& p = page[k];
                if (p.repeated_header) break;
                if (!slices[p.slice].keep_with_prev) {
                    cut = k;
                    break;
                }
            }
            // Nothing real would remain on this page: break where we are.
            bool content_before = false;
            for (std::size_t k = 0; k < cut; ++k) content_before |= !page[k].repeated_header;
            if (cut == 0 || !content_before) {
                cut = page.size();
            } else {
                restart = page[cut].slice;
            }
        }
        page.resize(cut);
        finish_page();
        i = restart;
        start_page_with(i);
    }
    if (!page.empty() || out.pages.empty()) finish_page();
    return out;
}

} // namespace zs::layout
