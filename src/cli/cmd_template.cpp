// `zelfscan template INSTRUMENT -o answers.toml [--lang nl|en]`: a blank,
// valid answer file with every question and its options as comments.
#include <fmt/format.h>

#include "answers/template_writer.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"

namespace zs {

void add_template_command(CLI::App& app, CliContext& ctx) {
    struct Options {
        std::string instrument, output, lang;
    };
    auto opt = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("template", msg("Write a blank answer file for an instrument."));
    cmd->add_option("instrument", opt->instrument, msg("Instrument file (.toml) or id"))
        ->required()
        ->transform([](std::string arg) { return instrument_argument(arg); });
    cmd->add_option("-o,--output", opt->output, msg("Answer file to write"))->required();
    cmd->add_option("--lang", opt->lang, msg("Language of the comments: nl or en"))
        ->check(CLI::IsMember({"nl", "en"}));
    cmd->callback([opt, &ctx] {
        Diagnostics diags;
        auto ins = load_instrument(opt->instrument, diags, markdown_validator());
        print_diagnostics(diags);
        if (!ins) {
            ctx.exit_code = 1;
            return;
        }
        std::string lang = opt->lang.empty() ? ins->default_language() : opt->lang;
        if (std::find(ins->languages.begin(), ins->languages.end(), lang) == ins->languages.end()) {
            print_error(opt->instrument, msg("the instrument has no '{}' texts (it has {})", lang, fmt::join(ins->languages, ", ")));
            ctx.exit_code = 1;
            return;
        }
        ctx.exit_code = write_output(opt->output, write_answer_template(*ins, lang), {opt->instrument}) ? 0 : 1;
    });
}

} // namespace zs
