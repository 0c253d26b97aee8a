// `zelfscan export INSTRUMENT ANSWERS... -o answers.csv [--format csv|json] [--all]`:
// the answers as raw data for analysts, one row per respondent, with the
// anonymity rule applied (builders/answer_table.hpp) unless --all.
#include <filesystem>

#include <fmt/format.h>

#include "builders/answer_set.hpp"
#include "builders/answer_table.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "cli/previous_round.hpp"
#include "model/load_instrument.hpp"
#include "scoring/assessment.hpp"

namespace zs {

namespace {

struct ExportArgs {
    std::string instrument, output, format;
    std::vector<std::string> answers;
    bool all = false;
};

int run_export(const ExportArgs& a) {
    std::string format = a.format;
    if (format.empty()) format = std::filesystem::path(a.output).extension() == ".json" ? "json" : "csv";
    Diagnostics diags;
    auto ins = load_instrument(a.instrument, diags, markdown_validator());
    if (!ins) {
        print_diagnostics(diags);
        return 1;
    }
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& p : a.answers) {
        if (std::filesystem::is_directory(p, ec)) {
            for (const auto& f : files_in_folder(p))
                if (f != a.instrument) files.push_back(f);
        } else files.push_back(p);
    }
    std::vector<Response> responses = load_answer_set(*ins, files, diags);
    if (!diags.has_errors() && responses.empty()) diags.error({a.instrument, 0, 0}, msg("no answers to export"));
    if (a.all)
        diags.warning({a.output, 0, 0},
                      msg("--all: the file holds respondent codes, dates, file names and every role group, so answers can be traced to people"),
                      msg("keep it to yourself as coordinator; share the export without --all"));
    else if (!responses.empty() && static_cast<int>(responses.size()) < ins->risk.anonymity_threshold)
        diags.warning({a.output, 0, 0},
                      msg("only {} respondents, fewer than the anonymity threshold of {}: rows may be traced to people",
                                  responses.size(), ins->risk.anonymity_threshold));
    print_diagnostics(diags);
    if (diags.has_errors()) return 1;
    Assessment as = assess(*ins, responses);
    AnswerTable t = answer_table(*ins, responses, as, a.all);
    std::string out = format == "json" ? answer_table_json(t) : answer_table_csv(t);
    std::vector<std::string> inputs = files;
    inputs.push_back(a.instrument);
    return write_output(a.output, out, inputs) ? 0 : 1;
}

} // namespace

void add_export_command(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<ExportArgs>();
    auto* cmd = app.add_subcommand("export", msg("Export the answers as raw data (CSV or JSON), one row per respondent, anonymity rule applied."));
    cmd->add_option("instrument", a->instrument, msg("Instrument file (.toml) or id"))
        ->required()
        ->transform([](std::string arg) { return instrument_argument(arg); });
    cmd->add_option("answers", a->answers, msg("Answer files, filled forms or folders"))->required();
    cmd->add_option("-o,--output", a->output, msg("File to write"))->required();
    cmd->add_option("--format", a->format, msg("csv or json (default: from -o)"))->check(CLI::IsMember({"csv", "json"}));
    cmd->add_flag("--all", a->all, msg("Also codes, dates and small role groups (coordinator only)"));
    cmd->callback([a, &ctx] { ctx.exit_code = run_export(*a); });
}

} // namespace zs
