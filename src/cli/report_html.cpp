// The HTML backend for reports (see html/render_html.hpp once it lands).
#include "cli/commands.hpp"

namespace zs {

std::string render_report_html(const doc::Document&, Diagnostics& diags) {
    diags.error({"", 0, 0}, "HTML output is not available in this build");
    return {};
}

} // namespace zs
