// `zelfscan paper` and `zelfscan form`: the printable scan, and the same
// layout with fillable fields. One implementation, so both commands take the
// same options and stay one layout.
//   zelfscan paper|form INSTRUMENT -o FILE.pdf [--lang nl|en] [--paper a4|letter] [--logo FILE]
#include "builders/form.hpp"
#include "builders/paper.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"
#include "pdf/render.hpp"

namespace zs {

namespace {

struct ScanArgs {
    std::string instrument, output, lang, paper = "a4", logo;
};

int run_scan(const ScanArgs& a, bool form) {
    Diagnostics diags;
    auto ins = load_instrument(a.instrument, diags, markdown_validator());
    std::string pdf;
    if (ins) {
        PaperOptions po;
        po.lang = resolve_language(*ins, a.lang, diags);
        po.paper = a.paper == "letter" ? doc::Paper::letter : doc::Paper::a4;
        po.logo = a.logo;
        if (!diags.has_errors()) {
            if (form) {
                pdf = build_form_pdf(*ins, po, diags);
            } else {
                doc::Document d = build_paper(*ins, po, diags);
                if (!diags.has_errors()) pdf = pdf::render_pdf(d, pdf::RenderOptions{}, diags);
            }
        }
    }
    print_diagnostics(diags);
    if (!ins || diags.has_errors() || pdf.empty()) return 1;
    std::vector<std::string> inputs{a.instrument};
    if (!a.logo.empty()) inputs.push_back(a.logo);
    return write_output(a.output, pdf, inputs) ? 0 : 1;
}

void add_scan_command(CLI::App& app, CliContext& ctx, const char* name, const char* description, bool form) {
    auto a = std::make_shared<ScanArgs>();
    auto* cmd = app.add_subcommand(name, description);
    cmd->add_option("instrument", a->instrument, "Instrument file (.toml) / instrumentbestand")->required();
    cmd->add_option("-o,--output", a->output, "PDF to write / te schrijven PDF")->required();
    cmd->add_option("--lang", a->lang, "Language: nl or en / taal: nl of en")->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--paper", a->paper, "Paper size: a4 or letter / papierformaat")->check(CLI::IsMember({"a4", "letter"}));
    cmd->add_option("--logo", a->logo, "Organisation logo for the cover (PNG or JPEG) / logo voor de voorkant");
    cmd->callback([a, &ctx, form] { ctx.exit_code = run_scan(*a, form); });
}

} // namespace

void add_paper_command(CLI::App& app, CliContext& ctx) {
    add_scan_command(app, ctx, "paper",
                     "Make the printable paper scan (PDF) of an instrument.\n"
                     "Maak de papieren scan (PDF) van een instrument om af te drukken.",
                     false);
}

void add_form_command(CLI::App& app, CliContext& ctx) {
    add_scan_command(app, ctx, "form",
                     "Make a fillable PDF form of an instrument.\n"
                     "Maak een invulbaar PDF-formulier van een instrument.",
                     true);
}

} // namespace zs
