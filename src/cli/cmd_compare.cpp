// `zelfscan compare ROUND1.json ROUND2.json [--csv|--json] [-o FILE]`: two
// rounds' `score --json` files compared, without a report: per domain the
// risk then and now and whether the change is larger than the margin, red
// flags resolved and new, knowledge gaps closed, measures no longer needed.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cycle/compare.hpp"
#include "cycle/round.hpp"
#include "util/files.hpp"

namespace zs {

namespace {

struct CompareArgs {
    std::string then, now, output, lang = "nl";
    bool csv = false, json = false;
};

int run_compare(const CompareArgs& a) {
    if (a.csv && a.json) {
        return print_error("", msg("give --csv or --json, not both"), {}, 2);
    }
    Diagnostics diags;
    std::optional<cycle::Round> rounds[2];
    const std::string* paths[2] = {&a.then, &a.now};
    for (int i = 0; i < 2; ++i) {
        auto file = read_file(*paths[i], limits::round_file);
        if (!file.ok()) diags.error({*paths[i], 0, 0}, verbatim(file.error));
        else rounds[i] = cycle::read_round_json(file.data, *paths[i], diags);
    }
    if (rounds[0] && rounds[1] && rounds[0]->instrument != rounds[1]->instrument)
        diags.error({a.now, 0, 0},
                    msg("the rounds answer different instruments: '{}' and '{}'", rounds[0]->instrument, rounds[1]->instrument),
                    msg("compare two rounds of the same instrument"));
    if (diags.has_errors()) {
        print_diagnostics(diags);
        return 1;
    }
    cycle::Comparison c = cycle::compare_rounds(*rounds[0], *rounds[1]);
    std::string out = a.csv ? cycle::comparison_to_csv(c, a.lang) : a.json ? cycle::comparison_to_json(c) : cycle::comparison_summary(c, a.lang);
    if (a.output.empty()) {
        fmt::print("{}", out);
        return 0;
    }
    return write_output(a.output, out, std::vector<std::string>{a.then, a.now}) ? 0 : 1;
}

} // namespace

void add_compare_command(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<CompareArgs>();
    auto* cmd = app.add_subcommand("compare", msg("Compare two rounds (their 'score --json' files): what changed per domain, red flags, knowledge gaps."));
    cmd->add_option("previous", a->then, msg("The previous round (score --json)"))->required();
    cmd->add_option("current", a->now, msg("This round (score --json)"))->required();
    cmd->add_flag("--csv", a->csv, msg("CSV, one row per domain and question"));
    cmd->add_flag("--json", a->json, "JSON");
    cmd->add_option("-o,--output", a->output, msg("Write to FILE instead of the terminal"));
    cmd->add_option("--lang", a->lang, msg("Language: nl or en"))->check(CLI::IsMember({"nl", "en"}));
    cmd->callback([a, &ctx] { ctx.exit_code = run_compare(*a); });
}

} // namespace zs
