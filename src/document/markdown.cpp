#include "document/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <map>
#include <memory>
#include <string>

#include "util/limits.hpp"

namespace zs::doc {

namespace {

// Owns a parsed cmark tree.
struct Tree {
    cmark_parser* parser = nullptr;
    cmark_node* root = nullptr;
    ~Tree() {
        if (root) cmark_node_free(root);
        if (parser) cmark_parser_free(parser);
    }
};

void parse_tree(Tree& t, std::string_view text) {
    cmark_gfm_core_extensions_ensure_registered();
    // CMARK_OPT_SMART gives typographic quotes and dashes; unsafe is off so
    // raw HTML never passes through as markup anyway.
    t.parser = cmark_parser_new(CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(t.parser, ext);
    }
    cmark_parser_feed(t.parser, text.data(), text.size());
    t.root = cmark_parser_finish(t.parser);
}

// The first node nested deeper than the limit (lists, quotes, emphasis and
// links in one another), found with cmark's iterator, which does not
// recurse: the conversion below and the layout after it do.
cmark_node* too_deep(cmark_node* root) {
    cmark_iter* it = cmark_iter_new(root);
    cmark_node* found = nullptr;
    for (cmark_event_type ev; !found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        // Counting parents (at most limit + 1 steps) is exact whatever
        // events the iterator gives for empty or leaf nodes.
        cmark_node* n = cmark_iter_get_node(it);
        int depth = 0;
        for (cmark_node* p = n; p && depth <= limits::markdown_depth + 1; p = cmark_node_parent(p)) ++depth;
        if (depth > limits::markdown_depth + 1) found = n;
    }
    cmark_iter_free(it);
    return found;
}

Message too_deep_message() {
    return msg("the Markdown is nested too deeply (more than {} levels of lists, quotes and emphasis in one another)",
               limits::markdown_depth);
}

bool is(cmark_node* n, const char* type_string) {
    return std::strcmp(cmark_node_get_type_string(n), type_string) == 0;
}

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

class Converter {
  public:
    Converter(const MarkdownOptions& o, Diagnostics& d) : opt_(o), diags_(d) {}

    Blocks blocks(cmark_node* parent) {
        Blocks out;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
            convert_block(n, out);
        return out;
    }

  private:
    const MarkdownOptions& opt_;
    Diagnostics& diags_;
    std::map<std::string, int> anchors_;

    SourceLocation where(cmark_node* n) const {
        auto line = static_cast<std::uint32_t>(cmark_node_get_start_line(n));
        auto col = static_cast<std::uint32_t>(cmark_node_get_start_column(n));
        return {opt_.file, line + opt_.first_line - 1, col};
    }

    std::string unique_anchor(std::string a) {
        if (a.empty()) a = "section";
        int& count = anchors_[a];
        ++count;
        return count == 1 ? a : a + "-" + std::to_string(count);
    }

    void convert_block(cmark_node* n, Blocks& out) {
        SourceLocation loc = where(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING: {
            Heading h;
            h.level = std::min(cmark_node_get_heading_level(n), 4);
            h.text = inlines(n);
            h.anchor = unique_anchor(slugify(plain_text(h.text)));
            out.push_back(block(std::move(h), loc));
            return;
        }
        case CMARK_NODE_PARAGRAPH: {
            // A paragraph that is only an image becomes an image block.
            cmark_node* only = cmark_node_first_child(n);
            if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
                Image img;
                std::string url = cmark_node_get_url(only) ? cmark_node_get_url(only) : "";
                img.path = (opt_.base_dir.empty() || url.starts_with('/'))
                               ? url
                               : opt_.base_dir + "/" + url;
                Inlines alt = inlines(only);
                img.alt = plain_text(alt);
                out.push_back(block(std::move(img), loc));
                return;
            }
            Paragraph p;
            p.runs = inlines(n);
            out.push_back(block(std::move(p), loc));
            return;
        }
        case CMARK_NODE_BLOCK_QUOTE:
            out.push_back(block(Callout{blocks(n), std::nullopt}, loc));
            return;
        case CMARK_NODE_LIST: {
            List l;
            l.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            l.start = l.ordered ? cmark_node_get_list_start(n) : 1;
            l.tight = cmark_node_get_list_tight(n) != 0;
            for (cmark_node* it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
                ListItem item;
                item.blocks = blocks(it);
                if (is(it, "tasklist")) item.task = cmark_gfm_extensions_get_tasklist_item_checked(it);
                l.items.push_back(std::move(item));
            }
            out.push_back(block(std::move(l), loc));
            return;
        }
        case CMARK_NODE_CODE_BLOCK: {
            std::string code = literal(n);
            if (!code.empty() && code.back() == '\n') code.pop_back();
            out.push_back(block(CodeBlock{std::move(code)}, loc));
            return;
        }
        case CMARK_NODE_HTML_BLOCK: {
            diags_.warning(loc, msg("raw HTML is not rendered; it is shown as text"),
                           msg("use Markdown instead of HTML"));
            std::string html = literal(n);
            while (!html.empty() && html.back() == '\n') html.pop_back();
            out.push_back(block(CodeBlock{std::move(html)}, loc));
            return;
        }
        case CMARK_NODE_THEMATIC_BREAK:
            out.push_back(block(ThematicBreak{}, loc));
            return;
        default:
            break;
        }
        if (is(n, "table")) {
            out.push_back(block(table(n), loc));
            return;
        }
        // Unknown containers (footnote definitions, extensions): keep the content.
        Blocks inner = blocks(n);
        for (auto& b : inner) out.push_back(std::move(b));
    }

    Table table(cmark_node* n) {
        Table t;
        auto ncols = cmark_gfm_extensions_get_table_columns(n);
        const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
        for (std::uint16_t i = 0; i < ncols; ++i) {
            TableColumn c;
            char a = aligns ? static_cast<char>(aligns[i]) : 'l';
            c.align = a == 'c' ? Align::center : a == 'r' ? Align::right : Align::left;
            t.columns.push_back(c);
        }
        t.header_rows = 0;
        for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
            TableRow row;
            for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c))
                row.cells.push_back(TableCell{inlines(c)});
            row.cells.resize(t.columns.size());
            if (cmark_gfm_extensions_get_table_row_is_header(r)) ++t.header_rows;
            t.rows.push_back(std::move(row));
        }
        return t;
    }

    Inlines inlines(cmark_node* parent) {
        Inlines out;
        collect(parent, Inline{}, out);
        return out;
    }

    // Walks inline nodes, carrying the style of the enclosing emphasis/link.
    void collect(cmark_node* parent, const Inline& style, Inlines& out) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            Inline s = style;
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
                s.text = literal(n);
                out.push_back(std::move(s));
                continue;
            case CMARK_NODE_SOFTBREAK:
                s.text = " ";
                out.push_back(std::move(s));
                continue;
            case CMARK_NODE_LINEBREAK:
                s.text = "\n";
                out.push_back(std::move(s));
                continue;
            case CMARK_NODE_CODE:
                s.text = literal(n);
                s.style |= code;
                out.push_back(std::move(s));
                continue;
            case CMARK_NODE_HTML_INLINE:
                diags_.warning(where(n), msg("raw HTML is not rendered; it is shown as text"),
                               msg("use Markdown instead of HTML"));
                s.text = literal(n);
                out.push_back(std::move(s));
                continue;
            case CMARK_NODE_EMPH:
                s.style |= italic;
                break;
            case CMARK_NODE_STRONG:
                s.style |= bold;
                break;
            case CMARK_NODE_LINK:
                s.link = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                break;
            case CMARK_NODE_IMAGE: // an image inside text: its alt text
                break;
            default:
                if (is(n, "strikethrough")) s.style |= strike;
                break;
            }
            collect(n, s, out);
        }
    }
};

} // namespace

Blocks parse_markdown(std::string_view text, const MarkdownOptions& options,
                      Diagnostics& diagnostics) {
    Tree t;
    parse_tree(t, text);
    if (!t.root) return {};
    if (cmark_node* deep = too_deep(t.root)) {
        auto line = static_cast<std::uint32_t>(cmark_node_get_start_line(deep));
        auto col = static_cast<std::uint32_t>(cmark_node_get_start_column(deep));
        diagnostics.error({options.file, line + options.first_line - 1, col}, too_deep_message(),
                          msg("see docs/limits.md"));
        return {};
    }
    Converter c(options, diagnostics);
    return c.blocks(t.root);
}

void append_plain_text(Blocks& blocks, std::string_view text, SourceLocation where) {
    // Paragraphs are separated by blank lines (lines of only spaces count).
    std::string para;
    bool pending_break = false;
    auto flush = [&] {
        if (!para.empty()) {
            Paragraph p;
            p.runs.push_back(doc::text(std::move(para)));
            blocks.push_back(block(std::move(p), where));
        }
        para.clear();
        pending_break = false;
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            flush();
        } else {
            if (pending_break) para += '\n';
            para += line;
            pending_break = true;
        }
        pos = end + 1;
    }
    flush();
}

std::vector<MarkdownProblem> validate_markdown(std::string_view text) {
    Tree t;
    parse_tree(t, text);
    std::vector<MarkdownProblem> problems;
    if (!t.root) return problems;
    if (cmark_node* deep = too_deep(t.root)) {
        problems.push_back({static_cast<std::uint32_t>(cmark_node_get_start_line(deep)),
                            static_cast<std::uint32_t>(cmark_node_get_start_column(deep)), too_deep_message()});
        return problems;
    }
    cmark_iter* it = cmark_iter_new(t.root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        auto type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
            problems.push_back({static_cast<std::uint32_t>(cmark_node_get_start_line(n)),
                                static_cast<std::uint32_t>(cmark_node_get_start_column(n)),
                                msg("raw HTML is not allowed; use Markdown")});
        }
    }
    cmark_iter_free(it);
    return problems;
}

} // namespace zs::doc
