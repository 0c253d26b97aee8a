// The layout driver: blocks -> slices -> pages -> running header/footer ->
// PDF coordinates.
#include "layout/layout.hpp"

#include <fmt/format.h>

#include "document/palette.hpp"
#include "layout/flow.hpp"

namespace zs::layout {

PageSize page_size(doc::Paper paper) {
    if (paper == doc::Paper::letter) return {612, 792};
    return {595.276, 841.89};
}

double text_width(const doc::Document& d, const LayoutOptions& o) {
    return page_size(o.paper.value_or(d.info.paper)).width - o.margins.left - o.margins.right;
}

namespace {

std::string replace_all(std::string s, std::string_view from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
        s.replace(at, from.size(), to);
    return s;
}

// Running header and footer: title and instrument at the top, footer text
// and "pagina X van Y" at the bottom, optionally a QR page mark, a sheet id
// and registration marks in the corners (paper for scanning).
void running(FlowBuilder& fb, const doc::DocumentInfo& info, const LayoutOptions& o,
             PageSize size, std::vector<Page>& pages, const std::string& sheet,
             const std::vector<std::string>& checks, const std::vector<OutlineEntry>& outline) {
    const bool nl = info.lang != "en";
    RunStyle small;
    small.size = o.body_size * 0.8;
    small.color = palette::muted;
    const double left = o.margins.left, right = size.width - o.margins.right;
    const std::string head = info.header.empty() ? info.title : info.header;
    std::string instrument = info.instrument_label.empty() ? info.instrument_id : info.instrument_label;
    if (!info.instrument_version.empty())
        instrument += (instrument.empty() ? "" : " \u00b7 ") +
                      std::string(nl ? "versie " : "version ") + info.instrument_version;
    const int total = static_cast<int>(pages.size());
    SourceLocation here{"", 0, 0};
    std::string chapter;
    std::size_t next = 0;
    for (int n = 0; n < total; ++n) {
        std::vector<Item> items;
        // The running head names the chapter (the last level-1 heading that
        // began on or before this page) in documents with a cover.
        while (next < outline.size() && outline[next].page <= n) {
            if (outline[next].level == 1 && outline[next].bookmark) chapter = outline[next].title;
            ++next;
        }
        const std::string head_here = info.cover && !chapter.empty() ? chapter : head;
        if (!(info.cover && n == 0) && (!head_here.empty() || !instrument.empty())) {
            double base = o.margins.top - 30;
            double rule_y = o.margins.top - 22;
            double used = instrument.empty()
                              ? 0
                              : fb.text_item(instrument, small, right, base, doc::Align::right,
                                             items, here);
            if (!head_here.empty()) {
                // A long title is cut short rather than running into the right text.
                std::string h = head_here;
                RunStyle hs = small;
                std::vector<Item> trial;
                while (fb.text_item(h, hs, left, base, doc::Align::left, trial, here) >
                           right - left - used - 18 &&
                       h.size() > 4) {
                    trial.clear();
                    std::size_t cut = h.size() - 4;
                    while (cut > 0 && (static_cast<unsigned char>(h[cut]) & 0xC0) == 0x80) --cut;
                    h = h.substr(0, cut) + "\u2026";
                }
                items.insert(items.end(), trial.begin(), trial.end());
            }
            items.push_back(LineItem{left, rule_y, right, rule_y, {palette::rule, 0.5, 0}});
        }
        double rule_y = size.height - o.margins.bottom + 20;
        double base = rule_y + 15;
        double number_right = right, rule_right = right;
        if (!info.page_mark.empty()) {
            std::string payload = replace_all(info.page_mark, "{id}", info.instrument_id);
            payload = replace_all(payload, "{version}", info.instrument_version);
            payload = replace_all(payload, "{page}", std::to_string(n + 1));
            payload = replace_all(payload, "{pages}", std::to_string(total));
            payload = replace_all(payload, "{sheet}", sheet);
            payload = replace_all(payload, "{check}", n < static_cast<int>(checks.size()) ? checks[static_cast<std::size_t>(n)] : "");
            if (info.page_mark_module > 0) {
                // A code sized by its modules, so it decodes from a 150 dpi
                // scan; it sits below the text body, right of the footer.
                QrItem q = qr_code(payload, 0, 0, 0);
                double qs = info.page_mark_module * q.modules;
                double top = size.height - o.margins.bottom + 4;
                items.push_back(qr_code(payload, right - qs, top, qs));
                number_right -= qs + 8;
                rule_right -= qs + 8;
            } else {
                double qs = 30;
                items.push_back(qr_code(payload, right - qs, rule_y + 6, qs));
                number_right -= qs + 8;
            }
        }
        items.push_back(LineItem{left, rule_y, rule_right, rule_y, {palette::rule, 0.5, 0}});
        std::string number = nl ? fmt::format("pagina {} van {}", n + 1, total)
                                : fmt::format("page {} of {}", n + 1, total);
        if (!sheet.empty()) {
            // The sheet id in print too, bold and black, so a person can sort
            // loose pages by it.
            RunStyle bold = small;
            bold.style = Style::bold;
            bold.color = palette::ink;
            std::string id = fmt::format("{} {}", info.sheet_label, sheet);
            double w = fb.text_item(id, bold, number_right, base, doc::Align::right, items, here);
            number_right -= w + 8;
        }
        fb.text_item(number, small, number_right, base, doc::Align::right, items, here);
        std::string foot = info.footer;
        if (foot.empty() && !info.header.empty()) foot = info.title;
        if (!foot.empty()) fb.text_item(foot, small, left, base, doc::Align::left, items, here);
        if (info.registration_marks) {
            // Solid squares in the four corners, inside the printable area of
            // office printers, for registering a scan.
            const double side = registration_mark_side, in = registration_mark_inset;
            for (double mx : {in, size.width - in - side})
                for (double my : {in, size.height - in - side})
                    items.push_back(RectItem{mx, my, side, side, {palette::ink, std::nullopt}});
        }
        Page& page = pages[static_cast<std::size_t>(n)];
        page.items.insert(page.items.end(), items.begin(), items.end());
        page.tags.resize(page.items.size(), -1); // running header and footer, marks: artifacts
    }
}

// From top-down layout coordinates to PDF user space.
void to_pdf_space(Item& item, double H) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, TextItem>) {
                it.y = H - it.y;
            } else if constexpr (std::is_same_v<T, LineItem>) {
                it.y1 = H - it.y1, it.y2 = H - it.y2;
            } else if constexpr (std::is_same_v<T, PathItem>) {
                for (auto& p : it.points) p.y = H - p.y;
            } else if constexpr (std::is_same_v<T, QrItem>) {
                it.y = H - it.y - it.size;
            } else {
                it.y = H - it.y - it.h;
            }
        },
        item);
}

} // namespace

LayoutResult layout_document(const doc::Document& d, const LayoutOptions& options,
                             Diagnostics& diags) {
    LayoutResult result;
    result.fonts = options.fonts ? options.fonts : load_fonts("", diags);
    if (!result.fonts) return result;
    result.size = page_size(options.paper.value_or(d.info.paper));
    const Margins& m = options.margins;
    double body_h = result.size.height - m.top - m.bottom;
    double width = result.size.width - m.left - m.right;
    auto hyphenator = Hyphenator::for_language(d.info.lang);

    FlowBuilder fb(options, *result.fonts, hyphenator.get(), body_h, diags);
    fb.blocks(d.blocks, m.left, width);
    PlacedPages placed = paginate(fb.take(), m.top, body_h);

    const double H = result.size.height;
    for (auto& f : placed.fields) f.y = H - f.y - f.h;
    for (auto& o : placed.outline) o.y = H - o.y;
    std::vector<std::string> checks;
    for (std::size_t p = 0; p < placed.pages.size(); ++p)
        checks.push_back(field_checksum(placed.fields, static_cast<int>(p)));
    if (d.info.sheets.empty()) {
        running(fb, d.info, options, result.size, placed.pages, "", checks, placed.outline);
    } else {
        // Copies: the same pages for every sheet, each with its own footer.
        std::vector<Page> body = std::move(placed.pages);
        placed.pages.clear();
        for (const std::string& sheet : d.info.sheets) {
            std::vector<Page> copy = body;
            running(fb, d.info, options, result.size, copy, sheet, checks, placed.outline);
            for (auto& pg : copy) placed.pages.push_back(std::move(pg));
        }
    }
    for (auto& page : placed.pages)
        for (auto& item : page.items) to_pdf_space(item, H);
    result.pages = std::move(placed.pages);
    result.fields = std::move(placed.fields);
    result.outline = std::move(placed.outline);
    result.structure = fb.take_structure();
    return result;
}

std::string field_checksum(const std::vector<FieldRect>& fields, int page) {
    // FNV-1a over the fields of the page, positions to a tenth of a point.
    std::uint32_t h = 2166136261u;
    auto mix = [&](std::string_view s) {
        for (char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 16777619u;
        }
    };
    for (const auto& f : fields) {
        if (f.page != page) continue;
        mix(fmt::format("{}:{}:{:.0f}:{:.0f}:{:.0f}:{:.0f};", f.name, f.option, f.x * 10, f.y * 10,
                        f.w * 10, f.h * 10));
    }
    return fmt::format("{:04x}", (h ^ (h >> 16)) & 0xffffu);
}

std::string dump(const LayoutResult& r) {
    std::string out;
    auto c = [](const doc::Color& col) { return doc::to_hex(col); };
    for (std::size_t p = 0; p < r.pages.size(); ++p) {
        out += fmt::format("page {}\n", p + 1);
        for (const auto& item : r.pages[p].items) {
            std::visit(
                [&](const auto& it) {
                    using T = std::decay_t<decltype(it)>;
                    if constexpr (std::is_same_v<T, TextItem>)
                        out += fmt::format("  text {:.1f} {:.1f} w={:.1f} f{} {:.1f} {} \"{}\"\n", it.x,
                                           it.y, it.width, it.font, it.size, c(it.color), it.text);
                    else if constexpr (std::is_same_v<T, RectItem>)
                        out += fmt::format("  rect {:.1f} {:.1f} {:.1f} {:.1f}\n", it.x, it.y, it.w, it.h);
                    else if constexpr (std::is_same_v<T, LineItem>)
                        out += fmt::format("  line {:.1f} {:.1f} {:.1f} {:.1f}\n", it.x1, it.y1, it.x2, it.y2);
                    else if constexpr (std::is_same_v<T, PathItem>)
                        out += fmt::format("  path {} points\n", it.points.size());
                    else if constexpr (std::is_same_v<T, ImageItem>)
                        out += fmt::format("  image {:.1f} {:.1f} {:.1f} {:.1f} {}\n", it.x, it.y, it.w, it.h, it.path);
                    else if constexpr (std::is_same_v<T, LinkItem>)
                        out += fmt::format("  link {:.1f} {:.1f} {:.1f} {:.1f} {}\n", it.x, it.y, it.w, it.h, it.target);
                    else if constexpr (std::is_same_v<T, QrItem>)
                        out += fmt::format("  qr {:.1f} {:.1f} {:.1f} {}\n", it.x, it.y, it.size, it.modules);
                },
                item);
        }
    }
    for (const auto& f : r.fields)
        out += fmt::format("field {} {} page {} {:.1f} {:.1f} {:.1f} {:.1f}\n", f.name, f.option,
                           f.page + 1, f.x, f.y, f.w, f.h);
    return out;
}

std::shared_ptr<const FontSet> preload(const std::string& lang) {
    Diagnostics ignored;
    Hyphenator::for_language(lang);
    return load_fonts("", ignored);
}

} // namespace zs::layout
