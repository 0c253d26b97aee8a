// `zelfscan paper INSTRUMENT -o scan.pdf [--lang nl|en] [--paper a4|letter]
// [--logo FILE]`: the printable scan.
#include <fmt/format.h>

#include "builders/paper.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"
#include "pdf/render.hpp"

namespace zs {

void add_paper_command(CLI::App& app, CliContext& ctx) {
    struct Options {
        std::string instrument, output, lang, paper = "a4", logo;
    };
    auto opt = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("paper", "Make the printable paper scan (PDF) of an instrument.\n"
                                            "Maak de papieren scan (PDF) van een instrument om af te drukken.");
    cmd->add_option("instrument", opt->instrument, "Instrument file (.toml) / instrumentbestand")->required();
    cmd->add_option("-o,--output", opt->output, "PDF to write / te schrijven PDF")->required();
    cmd->add_option("--lang", opt->lang, "Language: nl or en / taal: nl of en")->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--paper", opt->paper, "Paper size: a4 or letter / papierformaat")->check(CLI::IsMember({"a4", "letter"}));
    cmd->add_option("--logo", opt->logo, "Organisation logo for the cover (PNG or JPEG) / logo voor de voorkant");
    cmd->callback([opt, &ctx] {
        Diagnostics diags;
        auto ins = load_instrument(opt->instrument, diags, markdown_validator());
        if (!ins) {
            print_diagnostics(diags);
            ctx.exit_code = 1;
            return;
        }
        PaperOptions po;
        po.lang = resolve_language(*ins, opt->lang, diags);
        po.paper = opt->paper == "letter" ? doc::Paper::letter : doc::Paper::a4;
        po.logo = opt->logo;
        doc::Document d = build_paper(*ins, po, diags);
        std::string pdf;
        if (!diags.has_errors()) {
            pdf::RenderOptions ro;
            pdf = pdf::render_pdf(d, ro, diags);
        }
        print_diagnostics(diags);
        if (diags.has_errors() || pdf.empty()) {
            ctx.exit_code = 1;
            return;
        }
        std::vector<std::string> inputs{opt->instrument};
        if (!opt->logo.empty()) inputs.push_back(opt->logo);
        ctx.exit_code = write_output(opt->output, pdf, inputs) ? 0 : 1;
    });
}

} // namespace zs
