// Connects the instrument loader to the document module's Markdown checks,
// so the model itself stays free of rendering code.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "document/markdown.hpp"

namespace zs {

MarkdownValidator markdown_validator() {
    return [](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& p : doc::validate_markdown(text))
            out.push_back(p.line > 0 ? msg("line {}, column {} of the text: {}", p.line, p.column, p.message).str() : p.message);
        return out;
    };
}

} // namespace zs
