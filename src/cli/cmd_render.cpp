// `zelfscan render FILE.md -o FILE.pdf [--lang nl|en] [--paper a4|letter]
// [--title T] [--fonts FONTS.toml]`: typesets any Markdown file (handouts,
// instructions) through the same engine as every other document.
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "document/markdown.hpp"
#include "layout/fonts.hpp"
#include "pdf/render.hpp"
#include "util/files.hpp"

namespace zs {

namespace {

struct RenderCommand {
    std::string input, output, lang = "nl", paper = "a4", title, fonts;
};

// The title: --title, else the first level-1 heading, else the file name.
std::string title_of(const RenderCommand& opt, const doc::Blocks& blocks) {
    if (!opt.title.empty()) return opt.title;
    for (const auto& b : blocks)
        if (const auto* h = std::get_if<doc::Heading>(&b.content); h && h->level == 1)
            return doc::plain_text(h->text);
    return std::filesystem::path(opt.input).stem().string();
}

int run(const RenderCommand& opt) {
    // The standard fonts and faces load while the Markdown is read and
    // parsed (not with --fonts: those are loaded below).
    std::future<std::shared_ptr<pdf::DrawingStart>> preload;
    if (opt.fonts.empty()) preload = pdf::preload_drawing(opt.lang);
    ReadResult file = read_file(opt.input, limits::markdown_file);
    if (!file.ok()) {
        return print_error(opt.input, verbatim(file.error));
    }
    if (auto bad = check_text(file.data)) {
        Diagnostics d;
        d.error({opt.input, bad->line, bad->column}, verbatim(bad->what));
        print_diagnostics(d);
        return 1;
    }
    Diagnostics diags;
    doc::MarkdownOptions mo;
    mo.file = opt.input;
    mo.base_dir = std::filesystem::path(opt.input).parent_path().string();
    doc::Document d;
    d.blocks = doc::parse_markdown(file.data, mo, diags);
    d.info.lang = opt.lang;
    d.info.paper = opt.paper == "letter" ? doc::Paper::letter : doc::Paper::a4;
    d.info.title = title_of(opt, d.blocks);

    pdf::RenderOptions ro;
    // The author's own document: a character no font has is an error here
    // (respondents' text in reports gets a placeholder and a warning).
    ro.layout.missing_glyph_is_error = true;
    if (preload.valid()) ro.start = preload.get(); // used when load_fonts gives the same (cached) set
    if (!opt.fonts.empty() || !diags.has_errors()) {
        ro.layout.fonts = layout::load_fonts(opt.fonts, diags);
    }
    std::string bytes;
    if (!diags.has_errors()) bytes = pdf::render_pdf(d, ro, diags);
    diags.sort();
    print_diagnostics(diags);
    if (diags.has_errors() || bytes.empty()) return 1;
    return write_output(opt.output, bytes, {opt.input}) ? 0 : 1;
}

} // namespace

void add_render_command(CLI::App& app, CliContext& ctx) {
    auto opt = std::make_shared<RenderCommand>();
    auto* cmd = app.add_subcommand("render", msg("Typeset a Markdown file as PDF."));
    cmd->add_option("file", opt->input, msg("Markdown file"))->required();
    cmd->add_option("-o,--output", opt->output, msg("PDF to write"))->required();
    cmd->add_option("--lang", opt->lang, msg("Language: nl or en"))
        ->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--paper", opt->paper, msg("Paper size: a4 or letter"))
        ->check(CLI::IsMember({"a4", "letter"}));
    cmd->add_option("--title", opt->title, msg("Document title"));
    cmd->add_option("--fonts", opt->fonts,
                    msg("Font configuration (fonts.toml)"));
    cmd->callback([opt, &ctx] { ctx.exit_code = run(*opt); });
}

} // namespace zs
