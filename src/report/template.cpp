#include "report/template.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "document/markdown.hpp"
#include "model/toml_reader.hpp"
#include "report/format.hpp"
#include "util/limits.hpp"

namespace zs::report {

namespace {

SourceLocation location_of(const TemplateSpec& spec, std::size_t offset) {
    std::uint32_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < spec.text.size(); ++i) {
        if (spec.text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(spec.text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return {spec.path, line, col};
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

// Parses "[[name arg]]" on a line of its own.
std::optional<Directive> parse_directive(std::string_view line) {
    std::string t = trim(line);
    if (t.size() < 5 || t.compare(0, 2, "[[") != 0 || t.compare(t.size() - 2, 2, "]]") != 0) return std::nullopt;
    std::string inner = trim(std::string_view(t).substr(2, t.size() - 4));
    if (inner.empty() || inner.find("[[") != std::string::npos) return std::nullopt;
    Directive d;
    auto space = inner.find(' ');
    d.name = inner.substr(0, space);
    if (space != std::string::npos) d.arg = trim(std::string_view(inner).substr(space + 1));
    return d;
}

// Checks placeholders and directives in the template source itself, so
// every problem gets its real line and column.
// Returns false when the template must not reach the mustache engine at
// all (sections nested too deeply).
bool lint(const TemplateSpec& spec, Diagnostics& diags) {
    std::vector<std::string_view> keys(spec.keys.begin(), spec.keys.end());
    std::vector<std::string_view> names(spec.directives.begin(), spec.directives.end());
    const std::string& t = spec.text;
    int depth = 0;
    const std::size_t errors_before = diags.error_count();
    for (std::size_t pos = t.find("{{"); pos != std::string::npos; pos = t.find("{{", pos + 2)) {
        std::size_t end = t.find("}}", pos + 2);
        if (end == std::string::npos) break; // mustache reports it
        // Enough problems to fix at once; more would only cost time (each
        // location is counted from the start).
        if (diags.error_count() - errors_before >= 100) {
            diags.error(location_of(spec, pos), msg("more problems follow; fix these first"));
            return true;
        }
        std::string tag = trim(std::string_view(t).substr(pos + 2, end - pos - 2));
        // The mustache engine reads sections by recursion: refuse deep
        // nesting before it starts.
        if (!tag.empty() && (tag.front() == '#' || tag.front() == '^') && ++depth > limits::template_depth) {
            diags.error(location_of(spec, pos),
                        msg("sections are nested too deeply (more than {} {{{{#…}}}} in one another)",
                                    limits::template_depth),
                        msg("see docs/limits.md"));
            return false;
        }
        if (!tag.empty() && tag.front() == '/') --depth;
        if (!tag.empty() && tag.front() == '{') tag = trim(std::string_view(tag).substr(1));
        if (!tag.empty() && (tag.front() == '!' || tag.front() == '=' || tag.front() == '>')) continue;
        if (!tag.empty() && (tag.front() == '#' || tag.front() == '^' || tag.front() == '/' || tag.front() == '&'))
            tag = trim(std::string_view(tag).substr(1));
        if (tag.empty() || tag == ".") continue;
        std::string first = tag.substr(0, tag.find('.'));
        if (std::find(keys.begin(), keys.end(), first) == keys.end()) {
            auto m = closest_match(first, keys);
            diags.error(location_of(spec, pos), msg("unknown placeholder '{}'", tag),
                        did_you_mean(m, msg("see docs/report-templates.md for the placeholders")));
        }
    }
    std::size_t line_start = 0, directives = 0;
    while (line_start <= t.size()) {
        std::size_t end = t.find('\n', line_start);
        if (end == std::string::npos) end = t.size();
        std::string_view line(t.data() + line_start, end - line_start);
        if (auto d = parse_directive(line)) {
            if (++directives > 1000) {
                diags.error(location_of(spec, line_start), msg("more than 1000 directives in one template (see docs/limits.md)"));
                return false;
            }
            if (std::find(names.begin(), names.end(), d->name) == names.end()) {
                auto m = closest_match(d->name, names);
                diags.error(location_of(spec, line_start + line.find("[[") + 2), msg("unknown directive '{}'", d->name),
                            did_you_mean(m, msg("known directives: {}", fmt::join(spec.directives, ", "))));
            }
        } else if (line.find("[[") != std::string_view::npos && trim(line).rfind("[[", 0) == 0) {
            diags.error(location_of(spec, line_start + line.find("[[")), msg("a directive must stand alone on its line, like [[chart:domain-risk]]"));
        }
        if (diags.error_count() - errors_before >= 100) {
            diags.error(location_of(spec, line_start), msg("more problems follow; fix these first"));
            return true;
        }
        line_start = end + 1;
    }
    return true;
}

// Where a directive line came from in the source, for diagnostics.
SourceLocation directive_origin(const TemplateSpec& spec, const Directive& d) {
    std::size_t pos = spec.text.find("[[" + d.name);
    return pos == std::string::npos ? SourceLocation{spec.path, 0, 0} : location_of(spec, pos);
}

} // namespace

doc::Blocks render_template(const TemplateSpec& spec, const Data& data, const DirectiveHandler& handler, Diagnostics& diags) {
    doc::Blocks out;
    Diagnostics local;
    if (!lint(spec, local)) {
        diags.append(local);
        return out;
    }
    kainjow::mustache::mustache tmpl(spec.text);
    if (!tmpl.is_valid()) {
        std::string what = tmpl.error_message();
        SourceLocation where{spec.path, 0, 0};
        if (auto at = what.rfind(" at "); at != std::string::npos) {
            try {
                where = location_of(spec, std::stoul(what.substr(at + 4)));
                what = what.substr(0, at);
            } catch (...) {
            }
        }
        local.error(where, msg("template: {}", what), msg("every {{#section}} needs a matching {{/section}}"));
    }
    if (local.has_errors()) {
        local.sort();
        diags.append(local);
        return out;
    }
    // Values are escaped for Markdown, so what data holds shows literally.
    tmpl.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
    std::string text = tmpl.render(data);

    std::string chunk;
    auto flush = [&] {
        if (trim(chunk).empty()) {
            chunk.clear();
            return;
        }
        doc::MarkdownOptions mo;
        mo.file = spec.path;
        for (auto& b : doc::parse_markdown(chunk, mo, diags)) out.push_back(std::move(b));
        chunk.clear();
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        if (auto d = parse_directive(line)) {
            flush();
            d->where = directive_origin(spec, *d);
            if (!handler(*d, out)) diags.error(d->where, msg("directive [[{} {}]]: nothing to show for '{}'", d->name, d->arg, d->arg));
        } else {
            chunk.append(line);
            chunk += '\n';
        }
        pos = end + 1;
    }
    flush();
    return out;
}

} // namespace zs::report
