#include "html/render_html.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "document/palette.hpp"
#include "html/encode.hpp"
#include "html/stylesheet.hpp"
#include "html/svg.hpp"
#include "layout/flow.hpp"
#include "util/files.hpp"
#include "util/messages.hpp"

namespace zs::html {

namespace {

// Sizes in the Document are points against a 10 pt body (layout's default);
// the HTML scales them as em so the reader's font size still applies.
constexpr double body_pt = 10;
constexpr double handwriting_line_pt = 8 * 72 / 25.4;

std::string tr(const std::string& lang, std::string_view nl, std::string_view en) {
    return std::string(lang == "en" ? en : nl);
}

// An id may not contain whitespace; links are compared after the same change.
std::string id_from_anchor(std::string_view anchor) {
    std::string id;
    for (char ch : anchor) id += (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') ? '-' : ch;
    return id;
}

std::string heading_anchor(const doc::Heading& h) {
    return id_from_anchor(h.anchor.empty() ? doc::slugify(doc::plain_text(h.text)) : h.anchor);
}

void collect_anchors(const doc::Blocks& blocks, std::set<std::string>& out) {
    for (const auto& b : blocks) {
        std::visit(
            [&](const auto& c) {
                using T = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<T, doc::Heading>) {
                    std::string a = heading_anchor(c);
                    if (!a.empty()) out.insert(a);
                } else if constexpr (std::is_same_v<T, doc::List>) {
                    for (const auto& item : c.items) collect_anchors(item.blocks, out);
                } else if constexpr (std::is_same_v<T, doc::Callout> ||
                                     std::is_same_v<T, doc::Group>) {
                    collect_anchors(c.blocks, out);
                }
            },
            b.content);
    }
}

const char* align_class(doc::Align a) {
    return a == doc::Align::center ? "c" : a == doc::Align::right ? "r" : "";
}

class Writer {
  public:
    Writer(const doc::Document& d, Diagnostics& diags) : doc_(d), diags_(diags) {
        collect_anchors(d.blocks, anchors_);
    }

    std::string page(const HtmlOptions& o) {
        head(o);
        out_ += "<body>\n<main>\n";
        blocks(doc_.blocks);
        out_ += "</main>\n";
        footer();
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

    std::string fragment() {
        blocks(doc_.blocks);
        return std::move(out_);
    }

  private:
    const doc::Document& doc_;
    Diagnostics& diags_;
    std::string out_;
    std::set<std::string> anchors_; // every heading anchor, for link checks
    std::set<std::string> ids_;     // ids given out so far
    int charts_ = 0;
    int tables_ = 0;
    SourceLocation where_; // of the block being written, for diagnostics

    void text(std::string_view s) { append_escaped(out_, s); }
    void attr(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_escaped(out_, value);
        out_ += '"';
    }
    std::string unique_id(std::string id) {
        if (ids_.insert(id).second) return id;
        for (int n = 2;; ++n)
            if (std::string c = id + "-" + std::to_string(n); ids_.insert(c).second) return c;
    }
    const std::string& lang() const { return doc_.info.lang; }

    // ------------------------------------------------------------ head --

    void meta(std::string_view name, std::string_view content) {
        if (content.empty()) return;
        out_ += "<meta";
        attr("name", name);
        attr("content", content);
        out_ += "/>\n";
    }

    std::string title() const {
        if (!doc_.info.title.empty()) return doc_.info.title;
        for (const auto& b : doc_.blocks)
            if (auto* h = std::get_if<doc::Heading>(&b.content)) return doc::plain_text(h->text);
        return "zelfscan";
    }

    void head(const HtmlOptions& o) {
        const auto& info = doc_.info;
        // lang is an attribute value from the input; keep it a language tag.
        std::string lang_tag;
        for (char ch : info.lang)
            if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') lang_tag += ch;
        if (lang_tag.empty()) lang_tag = "nl";
        out_ += "<!DOCTYPE html>\n<html";
        attr("lang", lang_tag);
        out_ += ">\n<head>\n<meta charset=\"utf-8\"/>\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
        out_ += "<title>";
        text(title());
        out_ += "</title>\n";
        meta("description", info.subject);
        meta("author", info.author);
        meta("keywords", info.keywords);
        std::string generator = "zelfscan " ZELFSCAN_VERSION;
        if (!info.instrument_id.empty())
            generator += "; instrument " + info.instrument_id + " " + info.instrument_version;
        meta("generator", generator);
        if (o.stylesheet) {
            out_ += "<style>\n";
            out_ += house_stylesheet(doc_.info.paper);
            out_ += "</style>\n";
        }
        out_ += "</head>\n";
    }

    void footer() {
        const auto& info = doc_.info;
        std::string line = info.footer;
        if (line.empty() && !info.instrument_id.empty())
            line = info.instrument_id + " " + info.instrument_version;
        if (line.empty()) return;
        out_ += "<footer class=\"doc-footer\"><p>";
        text(line);
        out_ += "</p></footer>\n";
    }

    // --------------------------------------------------------- inlines --

    // The href for a run's link, or "" when it is dropped: internal links
    // only to headings that exist (as in the PDF), external ones only with a
    // safe scheme.
    std::string href(const std::string& link) {
        if (link.starts_with("#")) {
            std::string id = id_from_anchor(std::string_view(link).substr(1));
            return anchors_.contains(id) ? "#" + id : "";
        }
        if (auto safe = safe_href(link)) return *safe;
        diags_.warning(where_, msg("link '{}' left out of the HTML: only http, https, mailto, tel, relative and #anchor links are kept", link),
                       msg("the link text is shown without the link"));
        return "";
    }

    void run(const doc::Inline& r) {
        std::string style;
        if (r.color) style += "color:" + doc::to_hex(*r.color) + ";";
        if (r.size > 0) style += "font-size:" + num(r.size / body_pt) + "em;";
        if (!style.empty()) {
            out_ += "<span";
            attr("style", style);
            out_ += '>';
        }
        const std::pair<unsigned, const char*> tags[] = {
            {doc::bold, "strong"}, {doc::italic, "em"}, {doc::strike, "del"}, {doc::code, "code"}};
        for (auto [bit, tag] : tags)
            if (r.style & bit) out_ += std::string("<") + tag + ">";
        // Hard line breaks; tabs are set as a space, as in the PDF.
        std::size_t start = 0;
        for (std::size_t i = 0; i <= r.text.size(); ++i) {
            if (i < r.text.size() && r.text[i] != '\n' && r.text[i] != '\t') continue;
            text(std::string_view(r.text).substr(start, i - start));
            if (i < r.text.size()) out_ += r.text[i] == '\n' ? "<br/>" : " ";
            start = i + 1;
        }
        for (auto it = std::rbegin(tags); it != std::rend(tags); ++it)
            if (r.style & it->first) out_ += std::string("</") + it->second + ">";
        if (!style.empty()) out_ += "</span>";
    }

    void inlines(const doc::Inlines& runs) {
        // Consecutive runs with the same target form one link.
        for (std::size_t i = 0; i < runs.size();) {
            std::size_t j = i + 1;
            while (j < runs.size() && runs[j].link == runs[i].link) ++j;
            std::string target = runs[i].link.empty() ? "" : href(runs[i].link);
            if (!target.empty()) {
                out_ += "<a";
                attr("href", target);
                out_ += '>';
            }
            for (std::size_t k = i; k < j; ++k) run(runs[k]);
            if (!target.empty()) out_ += "</a>";
            i = j;
        }
    }

    // ---------------------------------------------------------- blocks --

    void blocks(const doc::Blocks& bs) {
        for (const auto& b : bs) block(b);
    }

    void block(const doc::Block& b) {
        SourceLocation outer = where_;
        if (!b.where.file.empty() || b.where.line > 0) where_ = b.where;
        std::visit([&](const auto& c) { write(c); }, b.content);
        where_ = outer;
    }

    void write(const doc::Heading& h) {
        int level = std::clamp(h.level, 1, 6);
        std::string tag = "h" + std::to_string(level);
        out_ += "<" + tag;
        std::string anchor = heading_anchor(h);
        if (!anchor.empty()) attr("id", unique_id(anchor));
        out_ += '>';
        inlines(h.text);
        out_ += "</" + tag + ">\n";
    }

    void paragraph_attrs(const doc::Paragraph& p) {
        if (p.align != doc::Align::left)
            attr("class", p.align == doc::Align::center ? "center" : "right");
        std::string style;
        if (p.color) style += "color:" + doc::to_hex(*p.color) + ";";
        if (p.size > 0) style += "font-size:" + num(p.size / body_pt) + "em;";
        if (!style.empty()) attr("style", style);
    }

    void write(const doc::Paragraph& p) {
        if (p.runs.empty()) return;
        out_ += "<p";
        paragraph_attrs(p);
        out_ += '>';
        inlines(p.runs);
        out_ += "</p>\n";
    }

    void write(const doc::List& l) {
        const char* tag = l.ordered ? "ol" : "ul";
        out_ += std::string("<") + tag;
        if (l.ordered && l.start != 1) attr("start", std::to_string(l.start));
        out_ += ">\n";
        for (const auto& item : l.items) {
            out_ += "<li";
            if (item.task) attr("class", "task");
            out_ += '>';
            if (item.task) {
                out_ += "<input type=\"checkbox\" disabled=\"disabled\"";
                if (*item.task) out_ += " checked=\"checked\"";
                out_ += "/> ";
            }
            // A tight item's only paragraph is the item's text (as cmark
            // writes it), so lists read as lists, not as a row of paragraphs.
            const doc::Paragraph* only = item.blocks.size() == 1
                                             ? std::get_if<doc::Paragraph>(&item.blocks[0].content)
                                             : nullptr;
            bool plain = only && only->align == doc::Align::left && !only->color && only->size == 0;
            if (l.tight && plain) {
                inlines(only->runs);
            } else {
                out_ += '\n';
                blocks(item.blocks);
            }
            out_ += "</li>\n";
        }
        out_ += std::string("</") + tag + ">\n";
    }

    void write(const doc::Callout& c) {
        out_ += "<aside class=\"callout\"";
        std::string style;
        if (c.tint) style += "background:" + doc::to_hex(*c.tint) + ";";
        if (c.tint && *c.tint == palette::alarm_tint) style += "border-left-color:" + doc::to_hex(palette::alarm) + ";";
        if (!style.empty()) attr("style", style);
        out_ += ">\n";
        blocks(c.blocks);
        out_ += "</aside>\n";
    }

    void cell(const doc::TableCell& cell, std::size_t column, const doc::Table& t, bool header) {
        bool row_header = !header && column == 0 && t.row_headers;
        out_ += header ? "<th scope=\"col\"" : row_header ? "<th scope=\"row\"" : "<td";
        if (column < t.columns.size()) {
            const char* cls = align_class(t.columns[column].align);
            if (*cls) attr("class", cls);
        }
        out_ += '>';
        inlines(cell.text);
        out_ += header || row_header ? "</th>" : "</td>";
    }

    void write(const doc::Table& t) {
        auto header_rows = std::min(static_cast<std::size_t>(std::max(t.header_rows, 0)), t.rows.size());
        // A table wider than a phone scrolls inside its box; the box is a
        // labelled region a keyboard can reach (WCAG 2.1.1), named after the
        // table's header cells.
        std::string label;
        if (header_rows > 0)
            for (const auto& cell : t.rows[0].cells) {
                std::string h = doc::plain_text(cell.text);
                if (h.empty()) continue;
                label += (label.empty() ? "" : ", ") + h;
            }
        label = tr(lang(), "Tabel ", "Table ") + std::to_string(++tables_) + (label.empty() ? "" : ": " + label);
        out_ += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"";
        attr("aria-label", label);
        out_ += t.compact ? ">\n<table class=\"compact\">\n" : ">\n<table>\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            bool header = r < header_rows;
            if (r == 0 && header) out_ += "<thead>\n";
            if (r == header_rows) out_ += "<tbody>\n";
            out_ += "<tr>";
            for (std::size_t c = 0; c < t.rows[r].cells.size(); ++c) cell(t.rows[r].cells[c], c, t, header);
            out_ += "</tr>\n";
            if (header && r + 1 == header_rows) out_ += "</thead>\n";
        }
        if (t.rows.size() > header_rows) out_ += "</tbody>\n";
        out_ += "</table>\n</div>\n";
    }

    void write(const doc::ThematicBreak&) { out_ += "<hr/>\n"; }

    void write(const doc::CodeBlock& c) {
        out_ += "<pre><code>";
        text(c.text);
        out_ += "</code></pre>\n";
    }

    void write(const doc::Image& img) {
        ReadResult file = read_file(img.path, limits::image_file);
        std::string mime;
        if (file.ok()) {
            if (file.data.starts_with("\x89PNG\r\n\x1a\n"))
                mime = "image/png";
            else if (file.data.starts_with("\xFF\xD8"))
                mime = "image/jpeg";
            else
                file.error = msg("not a PNG or JPEG file");
            // The same checks as for the PDF: limits, and a PNG that decodes.
            int w = 0, h = 0;
            if (!mime.empty() && !layout::image_size(file.data, w, h, file.error)) mime.clear();
        }
        if (!file.ok()) {
            diags_.error(where_, msg("cannot use image '{}': {}", img.path, file.error),
                         msg("images must be PNG or JPEG files"));
            return;
        }
        out_ += "<figure";
        if (img.align != doc::Align::left)
            attr("class", std::string("image ") + (img.align == doc::Align::center ? "center" : "right"));
        else
            attr("class", "image");
        out_ += "><img";
        attr("src", "data:" + mime + ";base64," + base64(file.data));
        attr("alt", img.alt);
        if (img.width > 0) attr("style", "width:" + num(img.width) + "pt");
        out_ += "/></figure>\n";
    }

    void write(const doc::Spacer& s) {
        // Cover pages push text down with tall spacers; on a screen that is
        // only an empty stretch to scroll past, so it is capped.
        if (s.height <= 0) return;
        out_ += "<div class=\"spacer\" aria-hidden=\"true\"";
        attr("style", "height:" + num(std::min(s.height, 48.0)) + "pt");
        out_ += "></div>\n";
    }

    void write(const doc::PageBreak&) { out_ += "<div class=\"page-break\"></div>\n"; }

    void write(const doc::Group& g) {
        out_ += "<div class=\"keep\">\n";
        blocks(g.blocks);
        out_ += "</div>\n";
    }

    void write(const doc::Columns& c) {
        out_ += "<div class=\"columns\">\n";
        for (const auto& col : c.columns) {
            out_ += "<div>\n";
            blocks(col);
            out_ += "</div>\n";
        }
        out_ += "</div>\n";
    }

    void write(const doc::AnswerRow& a) {
        out_ += "<ul class=\"answers\">\n";
        for (const auto& o : a.options) {
            out_ += "<li><label><input";
            attr("type", a.multiple ? "checkbox" : "radio");
            if (!a.field.empty()) attr("name", a.field);
            if (!o.id.empty()) attr("value", o.id);
            out_ += " disabled=\"disabled\"/> ";
            inlines(o.label);
            out_ += "</label></li>\n";
        }
        out_ += "</ul>\n";
    }

    void write(const doc::NoteLines& n) {
        int lines = std::clamp(n.lines, 0, 100);
        if (lines == 0) return;
        double gap = n.spacing > 0 ? n.spacing : handwriting_line_pt;
        out_ += "<div class=\"note-lines\" role=\"img\"";
        attr("aria-label", tr(lang(), "Ruimte voor aantekeningen, ", "Space for notes, ") +
                               std::to_string(lines) +
                               (lines == 1 ? tr(lang(), " regel", " line") : tr(lang(), " regels", " lines")));
        attr("style", "--gap:" + num(gap) + "pt;height:" + num(gap * lines) + "pt");
        out_ += "></div>\n";
    }

    void write(const doc::FieldBox& f) {
        out_ += "<p class=\"field\"><label>";
        if (!f.label.empty()) {
            out_ += "<span>";
            inlines(f.label);
            out_ += "</span> ";
        }
        int rows = f.height > handwriting_line_pt * 1.5
                       ? static_cast<int>(std::lround(f.height / handwriting_line_pt))
                       : 1;
        if (rows > 1) {
            out_ += "<textarea";
            attr("rows", std::to_string(std::min(rows, 50)));
        } else {
            out_ += "<input type=\"text\"";
        }
        if (!f.field.empty()) attr("name", f.field);
        if (f.label.empty()) attr("aria-label", f.field);
        if (f.width > 0) attr("style", "max-width:" + num(f.width) + "pt");
        out_ += rows > 1 ? " disabled=\"disabled\"></textarea>" : " disabled=\"disabled\"/>";
        out_ += "</label></p>\n";
    }

    void write(const doc::Chart& c) {
        std::string id;
        do id = "zs-chart-" + std::to_string(++charts_);
        while (anchors_.contains(id + "-title") || anchors_.contains(id + "-desc") ||
               ids_.contains(id + "-title") || ids_.contains(id + "-desc"));
        ids_.insert(id + "-title");
        ids_.insert(id + "-desc");
        if (c.decorative) {
            out_ += "<div class=\"ornament\" aria-hidden=\"true\">";
            append_chart_svg(out_, c, id, tr(lang(), "Grafiek", "Chart"), 0);
            out_ += "</div>\n";
            return;
        }
        if (c.alt.empty())
            diags_.warning(where_, msg("chart without a text alternative"),
                           msg("set Chart::alt so screen-reader users learn what it shows"));
        // Chart text stays at least 12 px: below the width where it would
        // shrink further, the chart scrolls inside a labelled, focusable box.
        double smallest = 0;
        for (const auto& shape : c.shapes)
            if (const auto* t = std::get_if<doc::TextShape>(&shape))
                smallest = smallest > 0 ? std::min(smallest, t->size) : t->size;
        std::string title = chart_title(c.alt);
        if (title.empty()) title = tr(lang(), "Grafiek", "Chart");
        title = tr(lang(), "Grafiek ", "Chart ") + std::to_string(charts_) + ": " + title; // unique region names
        out_ += "<figure class=\"chart\"><div class=\"chart-scroll\" role=\"region\" tabindex=\"0\"";
        attr("aria-label", title);
        out_ += ">\n";
        append_chart_svg(out_, c, id, tr(lang(), "Grafiek", "Chart"), smallest > 0 ? 12.0 / smallest : 0);
        out_ += "\n</div></figure>\n";
    }
};

} // namespace

std::string render_html(const doc::Document& document, const HtmlOptions& options,
                        Diagnostics& diags) {
    return Writer(document, diags).page(options);
}

std::string render_html_fragment(const doc::Blocks& blocks, std::string_view lang, Diagnostics& diags) {
    doc::Document d;
    d.blocks = blocks;
    d.info.lang = std::string(lang);
    return Writer(d, diags).fragment();
}

} // namespace zs::html
