// The Markdown front: CommonMark plus the GitHub extensions (tables,
// strikethrough, autolinks, task lists) into document blocks. This is the
// only part of zelfscan that includes cmark-gfm.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "util/diagnostics.hpp"

namespace zs::doc {

struct MarkdownOptions {
    // Named in block locations and diagnostics.
    std::string file;
    // Relative image paths are resolved against this folder ("" = as given).
    std::string base_dir;
    // Line number of the first line of `text` in `file` (for Markdown
    // embedded in another file, e.g. a TOML string).
    std::uint32_t first_line = 1;
};

// Parses Markdown into blocks. Raw HTML is not interpreted: it is set as
// literal text and reported as a warning. Never fails on any input.
Blocks parse_markdown(std::string_view text, const MarkdownOptions& options,
                      Diagnostics& diagnostics);

// Appends untrusted plain text (a respondent's note) as paragraphs without
// interpreting any Markdown: blank lines separate paragraphs, single line
// breaks are kept.
void append_plain_text(Blocks& blocks, std::string_view text, SourceLocation where = {});

// Problems an instrument author should fix, e.g. raw HTML, which zelfscan
// does not render. Line and column are relative to `text` (1-based).
struct MarkdownProblem {
    std::uint32_t line = 0, column = 0;
    std::string message;
};
std::vector<MarkdownProblem> validate_markdown(std::string_view text);

} // namespace zs::doc
