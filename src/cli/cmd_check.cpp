// `zelfscan check FILE...`: validates instrument files (and answer files)
// and prints a one-line summary per valid file.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"

namespace zs {

namespace {

std::string summary(const Instrument& ins) {
    return fmt::format("{}: ok: instrument {} {} ({}): {} domains, {} questions, {} measures", ins.path, ins.id,
                       ins.version.text, fmt::join(ins.languages, ", "), ins.domains.size(), ins.question_count(),
                       ins.measures.size());
}

} // namespace

void add_check_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand("check", "Check instrument files and report every problem.\n"
                                            "Controleer instrumentbestanden en meld alle fouten.");
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("files", *files, "Instrument files (.toml) / instrumentbestanden")->required();
    cmd->callback([files, &ctx] {
        bool all_ok = true;
        for (const auto& path : *files) {
            Diagnostics diags;
            auto ins = load_instrument(path, diags, markdown_validator());
            print_diagnostics(diags);
            if (ins && !diags.has_errors())
                fmt::print("{}\n", summary(*ins));
            else
                all_ok = false;
        }
        ctx.exit_code = all_ok ? 0 : 1;
    });
}

} // namespace zs
