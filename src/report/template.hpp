// Report templates: Markdown with mustache placeholders and sections, plus
// directive lines such as `[[chart:domain-risk]]` that place generated parts.
// docs/report-templates.md documents both for template authors.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "document/document.hpp"
#include "util/diagnostics.hpp"

namespace zs::report {

using Data = kainjow::mustache::data;

struct Directive {
    std::string name; // e.g. "chart:distribution"
    std::string arg;  // e.g. "D3"; may be empty
    SourceLocation where;
};

// Expands one directive into blocks; unknown names are reported by the
// caller with the list of known ones.
using DirectiveHandler = std::function<bool(const Directive&, doc::Blocks&)>;

struct TemplateSpec {
    std::string path; // for diagnostics
    std::string text;
    std::vector<std::string> directives; // known directive names
    std::vector<std::string> keys;       // known placeholder names
};

// Checks the template (mustache syntax, unknown placeholders and directives
// with line:col and a "did you mean"), renders it with `data`, and turns the
// result into blocks: Markdown for text, the handler for directives.
doc::Blocks render_template(const TemplateSpec& spec, const Data& data, const DirectiveHandler& handler,
                            Diagnostics& diags);

} // namespace zs::report
