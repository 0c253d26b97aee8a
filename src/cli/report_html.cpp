// The report as one self-contained, accessible HTML file.
#include "cli/commands.hpp"
#include "html/render_html.hpp"

namespace zs {

std::string render_report_html(const doc::Document& d, Diagnostics& diags) {
    return html::render_html(d, html::HtmlOptions{}, diags);
}

} // namespace zs
