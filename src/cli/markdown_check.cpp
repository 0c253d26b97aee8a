// Connects the instrument loader to the document module's Markdown checks.
#include "cli/commands.hpp"

namespace zs {

MarkdownValidator markdown_validator() { return {}; }

} // namespace zs
