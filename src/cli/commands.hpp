// Each subcommand lives in its own file (cli/cmd_NAME.cpp) and registers
// itself here. A command's callback stores its exit code in `ctx.exit_code`:
// 0 success, 1 bad input, 2 bad usage. Commands print diagnostics to
// stderr through cli/output.hpp; library code never prints.
#pragma once

#include <CLI/CLI.hpp>

#include "document/document.hpp"
#include "model/load_instrument.hpp"

namespace zs {

struct CliContext {
    int exit_code = 0;
};

void add_check_command(CLI::App& app, CliContext& ctx);
void add_render_command(CLI::App& app, CliContext& ctx);
void add_template_command(CLI::App& app, CliContext& ctx);
void add_paper_command(CLI::App& app, CliContext& ctx);
void add_form_command(CLI::App& app, CliContext& ctx);
void add_import_command(CLI::App& app, CliContext& ctx);
void add_score_command(CLI::App& app, CliContext& ctx);
void add_report_command(CLI::App& app, CliContext& ctx);
void add_compare_command(CLI::App& app, CliContext& ctx);
void add_monitor_command(CLI::App& app, CliContext& ctx);
void add_export_command(CLI::App& app, CliContext& ctx);
void add_upgrade_command(CLI::App& app, CliContext& ctx);
void add_scan_command(CLI::App& app, CliContext& ctx);

// The Markdown checker for instrument texts (from the document module).
MarkdownValidator markdown_validator();

// The language to write in: `requested` when given (it must be one of the
// instrument's), else the instrument's default. An unknown one is an error.
std::string resolve_language(const Instrument& ins, const std::string& requested, Diagnostics& diags);

// The report as one self-contained HTML file.
std::string render_report_html(const doc::Document& d, Diagnostics& diags);

} // namespace zs
