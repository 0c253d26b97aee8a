// `zelfscan upgrade ANSWERS... [--instrument NEW] -o DIR [--force]`: answer
// files (and filled forms) of an older version of an instrument, rewritten
// for the current version through its changelog (answers/upgrade.hpp), one
// file per input into DIR. Never in place: an input is never overwritten,
// an existing file in DIR only with --force, and nothing is written when
// any input has an error.
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "answers/input.hpp"
#include "answers/load_answers.hpp"
#include "answers/template_writer.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"

namespace zs {

namespace fs = std::filesystem;

namespace {

struct UpgradeArgs {
    std::vector<std::string> inputs;
    std::string instrument, output, lang;
    bool force = false;
};

int run_upgrade(const UpgradeArgs& a) {
    Diagnostics diags;
    std::error_code ec;
    if (fs::exists(a.output, ec) && !fs::is_directory(a.output, ec)) {
        diags.error({a.output, 0, 0}, msg("-o must name a folder: every answer file is written into it under its own name"),
                    msg("give a folder, e.g. -o ronde-2-nieuw"));
        print_diagnostics(diags);
        return 2;
    }
    auto run = load_answer_run(a.inputs, a.instrument, diags, markdown_validator());
    if (!run || diags.has_errors()) {
        print_diagnostics(diags);
        return 1;
    }
    const Instrument& ins = *run->instrument;
    // One output per input, under the input's name (a form becomes .toml).
    std::vector<std::string> texts;
    std::vector<std::string> paths;
    std::set<std::string> names;
    for (const Response& r : run->responses) {
        std::string name = fs::path(r.path).stem().string() + ".toml";
        std::string out = (fs::path(a.output) / name).string();
        if (!names.insert(name).second) {
            diags.error({r.path, 0, 0}, msg("another input is also named {}; both would be written to {}", name, out),
                        msg("upgrade files with the same name in separate runs, into separate folders"));
            continue;
        }
        if (!a.force && fs::exists(out, ec)) {
            diags.error({r.path, 0, 0}, msg("{} already exists", out), msg("give another -o folder, or --force to replace it"));
            continue;
        }
        std::string lang = !a.lang.empty() ? a.lang : !r.language.empty() ? r.language : ins.default_language();
        paths.push_back(out);
        texts.push_back(write_answer_file(ins, r, lang));
    }
    print_diagnostics(diags);
    if (diags.has_errors()) return 1;
    if (!fs::exists(a.output, ec)) {
        fs::create_directories(a.output, ec);
        if (ec) {
            return print_error(a.output, msg("cannot make the folder: {}", ec.message()));
        }
    }
    // All files are committed together, or none.
    std::vector<Output> outputs;
    for (std::size_t i = 0; i < paths.size(); ++i) outputs.push_back({paths[i], texts[i]});
    if (!write_outputs(outputs, InputFiles(run->inputs))) return 1;
    if (paths.size() == 1)
        fmt::print("{}\n", msg("1 answer file written for '{}' version {} in {}", ins.id, ins.version.text, a.output));
    else
        fmt::print("{}\n", msg("{} answer files written for '{}' version {} in {}", paths.size(), ins.id, ins.version.text, a.output));
    return 0;
}

} // namespace

void add_upgrade_command(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<UpgradeArgs>();
    auto* cmd = app.add_subcommand("upgrade", msg("Rewrite answer files of an older instrument version for the current one, through its changelog."));
    cmd->add_option("inputs", a->inputs,
                    msg("[INSTRUMENT] ANSWERS...: the new instrument (.toml), then answer files, filled forms and folders"))
        ->required();
    cmd->add_option("--instrument", a->instrument, msg("The new instrument file (default: found by id in ./instruments)"));
    cmd->add_option("-o,--output", a->output, msg("Folder to write the new answer files in"))->required();
    cmd->add_option("--lang", a->lang, msg("Language of the comments: nl or en"))->check(CLI::IsMember({"nl", "en"}));
    cmd->add_flag("--force", a->force, msg("Replace files that already exist in the folder"));
    cmd->callback([a, &ctx] { ctx.exit_code = run_upgrade(*a); });
}

} // namespace zs
