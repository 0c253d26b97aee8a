// `zelfscan paper` and `zelfscan form`: the printable scan, and the same
// layout with fillable fields. One implementation, so both commands take the
// same options and stay one layout.
//   zelfscan paper|form INSTRUMENT -o FILE.pdf [--lang nl|en] [--paper a4|letter] [--logo FILE]
//   zelfscan form INSTRUMENT -o FILE.html [--format html] [--lang nl|en]   (the browser form)
//   zelfscan paper ... --copies N [--first K]: N numbered copies (sheets K..K+N-1)
#include "builders/form.hpp"
#include "builders/html_form.hpp"
#include "builders/paper.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"
#include "layout/layout.hpp"
#include "pdf/render.hpp"

#include <optional>

#include <fmt/format.h>

namespace zs {

namespace {

struct ScanArgs {
    std::string instrument, output, lang, paper = "a4", logo, format;
    int copies = 0, first = 1;
    std::string layout_json;
};

// The form's format: --format, else the output's extension, else PDF. A
// format that contradicts the extension is bad usage.
std::optional<std::string> form_format(const ScanArgs& a) {
    std::string named = document_format_of(a.output);
    if (a.format.empty()) return named.empty() ? "pdf" : named;
    if (!named.empty() && named != a.format) return std::nullopt;
    return a.format;
}

int run_html_form(const ScanArgs& a) {
    Diagnostics diags;
    auto ins = load_instrument(a.instrument, diags, markdown_validator());
    std::string page;
    if (ins) {
        HtmlFormOptions o;
        o.lang = resolve_language(*ins, a.lang, diags);
        if (!diags.has_errors()) page = build_html_form(*ins, o, diags);
    }
    print_diagnostics(diags);
    if (!ins || diags.has_errors() || page.empty()) return 1;
    return write_output(a.output, page, {a.instrument}) ? 0 : 1;
}

// Where every box and writing area of one copy is (docs/paper-scan.md), for
// test tools and anyone's own scanning software.
std::string layout_json(const doc::Document& d) {
    doc::Document one = d;
    one.info.sheets.clear();
    Diagnostics ignored;
    auto laid = layout::layout_document(one, layout::LayoutOptions{}, ignored);
    const char* kinds[] = {"choice", "check", "notes", "text"};
    std::string out = fmt::format("{{\"page_width\": {:.3f}, \"page_height\": {:.3f}, \"pages\": {}, \"fields\": [\n",
                                  laid.size.width, laid.size.height, laid.pages.size());
    for (std::size_t i = 0; i < laid.fields.size(); ++i) {
        const auto& f = laid.fields[i];
        out += fmt::format("  {{\"name\": \"{}\", \"option\": \"{}\", \"kind\": \"{}\", \"page\": {}, \"x\": {:.2f}, \"y\": {:.2f}, \"w\": {:.2f}, \"h\": {:.2f}}}{}\n",
                           f.name, f.option, kinds[static_cast<int>(f.kind)], f.page + 1, f.x, f.y, f.w, f.h,
                           i + 1 < laid.fields.size() ? "," : "");
    }
    return out + "]}\n";
}

int run_scan(const ScanArgs& a, bool form) {
    if (form) {
        auto format = form_format(a);
        if (!format) {
            return print_error("", msg("--format {} does not match the output file '{}'", a.format, a.output),
                               msg("leave out --format; the file name decides"), 2);
        }
        if (*format == "html") return run_html_form(a);
    }
    // The fonts and faces load while the instrument is read; its default
    // language is almost always Dutch (another one's patterns load later).
    auto preload = pdf::preload_drawing(a.lang.empty() ? "nl" : a.lang);
    Diagnostics diags;
    auto ins = load_instrument(a.instrument, diags, markdown_validator());
    std::string pdf;
    if (ins) {
        PaperOptions po;
        po.lang = resolve_language(*ins, a.lang, diags);
        po.paper = a.paper == "letter" ? doc::Paper::letter : doc::Paper::a4;
        po.logo = a.logo;
        for (int i = 0; i < a.copies; ++i) po.sheets.push_back(sheet_id(a.first + i));
        if (!diags.has_errors()) {
            if (form) {
                pdf = build_form_pdf(*ins, po, diags, preload.get());
            } else {
                doc::Document d = build_paper(*ins, po, diags);
                pdf::RenderOptions ro;
                ro.start = preload.get();
                if (!diags.has_errors()) pdf = pdf::render_pdf(d, ro, diags);
                if (!a.layout_json.empty() && !pdf.empty() &&
                    !write_output(a.layout_json, layout_json(d), std::vector<std::string>{a.instrument}))
                    return 1;
            }
        }
    }
    print_diagnostics(diags);
    if (!ins || diags.has_errors() || pdf.empty()) return 1;
    std::vector<std::string> inputs{a.instrument};
    if (!a.logo.empty()) inputs.push_back(a.logo);
    return write_output(a.output, pdf, inputs) ? 0 : 1;
}

void add_layout_command(CLI::App& app, CliContext& ctx, const char* name, const std::string& description, bool form) {
    auto a = std::make_shared<ScanArgs>();
    auto* cmd = app.add_subcommand(name, description);
    cmd->add_option("instrument", a->instrument, msg("Instrument file (.toml) or id"))
        ->required()
        ->transform([](std::string arg) { return instrument_argument(arg); });
    cmd->add_option("-o,--output", a->output, msg("PDF to write"))->required();
    cmd->add_option("--lang", a->lang, msg("Language: nl or en"))->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--paper", a->paper, msg("Paper size: a4 or letter"))->check(CLI::IsMember({"a4", "letter"}));
    cmd->add_option("--logo", a->logo, msg("Organisation logo for the cover (PNG or JPEG)"));
    if (form)
        cmd->add_option("--format", a->format, msg("pdf (a fillable PDF form) or html (a form for the browser); default: from the -o extension"))
            ->check(CLI::IsMember({"pdf", "html"}));
    if (!form) {
        cmd->add_option("--copies", a->copies,
                        msg("Numbered copies to print, each with its own sheet id"))
            ->check(CLI::Range(1, 10000));
        cmd->add_option("--first", a->first, msg("Sheet id of the first copy (default 1)"))
            ->check(CLI::Range(1, 999999));
        cmd->add_option("--layout-json", a->layout_json,
                        msg("Also write where every box and writing area is (JSON)"));
    }
    cmd->callback([a, &ctx, form] { ctx.exit_code = run_scan(*a, form); });
}

} // namespace

void add_paper_command(CLI::App& app, CliContext& ctx) {
    add_layout_command(app, ctx, "paper",
                     msg("Make the printable paper scan (PDF) of an instrument."),
                     false);
}

void add_form_command(CLI::App& app, CliContext& ctx) {
    add_layout_command(app, ctx, "form",
                     msg("Make a fillable PDF form of an instrument, or with -o FILE.html a form to fill in in a browser."),
                     true);
}

} // namespace zs
