// `zelfscan check FILE...`: validates instrument files and answers (answer
// files, filled forms, folders of them) with every rule score and report
// apply, the rules on the set included (one version per instrument, every
// respondent code once), and prints a one-line status per file.
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "answers/input.hpp"
#include "answers/load_answers.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "cycle/plan_file.hpp"
#include "cycle/progress.hpp"
#include "model/load_instrument.hpp"
#include "scoring/assessment.hpp"
#include "util/files.hpp"
#include "util/i18n.hpp"

namespace zs {

namespace {

std::string summary(const Instrument& ins) {
    return msg("{}: ok: instrument {} {} ({}): {} domains, {} questions, {} measures", ins.path, ins.id, ins.version.text,
               fmt::join(ins.languages, ", "), ins.domains.size(), ins.question_count(), ins.measures.size());
}

struct CheckOptions {
    std::vector<std::string> files;
    std::string instrument;
};

std::string answers_summary(const Instrument& ins, const Response& resp) {
    std::size_t total = 0;
    for (const auto& id : ins.question_order) {
        const Question* q = ins.find_question(id);
        if (visibility(*q, resp, ins) != Visibility::skipped) ++total;
    }
    std::size_t missing = count_missing(ins, resp);
    std::string who = resp.respondent.code.empty() ? "" : msg(" by {}", resp.respondent.code).str();
    if (resp.respondent.is_session()) who += msg(" (session of {})", resp.respondent.participants).str();
    return msg("{}: ok: answers to {} {}{}: {} of {} questions answered, {} missing", resp.path, ins.id, ins.version.text, who,
               total - missing, total, missing);
}

// A plan file (plan.toml, plan.csv): its form, then what the team wrote,
// against the instrument it names.
bool check_plan_file(const std::string& path, const std::string& data, const CheckOptions& opt) {
    Diagnostics diags;
    auto plan = cycle::read_plan(data, path, cycle::plan_format_for(path), diags);
    if (!plan) {
        print_diagnostics(diags);
        return false;
    }
    std::optional<Instrument> ins;
    std::string ins_path = opt.instrument;
    if (ins_path.empty())
        if (auto found = find_instrument_file(plan->meta.instrument)) ins_path = *found;
    if (!ins_path.empty()) ins = load_instrument(ins_path, diags, markdown_validator());
    else
        diags.warning({path, 0, 0}, msg("cannot find instrument '{}', so measure ids are not checked", plan->meta.instrument),
                      msg("give it with --instrument FILE"));
    cycle::check_plan(*plan, ins ? &*ins : nullptr, diags);
    diags.sort();
    print_diagnostics(diags);
    if (diags.has_errors()) return false;
    auto progress = cycle::plan_progress(*plan, cycle::iso_date(build_epoch()));
    fmt::print("{}\n", msg("{}: ok: plan for {} {}: {} measures, {} done, {} overdue", path, plan->meta.instrument, plan->meta.version,
                           progress.rows, progress.by_status[static_cast<std::size_t>(cycle::Status::done)], progress.overdue.size()));
    return true;
}

// Plan files: a .csv, or a TOML file with [[action]] tables.
bool is_plan_file(const std::string& path, std::string* data) {
    if (cycle::plan_format_for(path) == cycle::PlanFormat::csv) return true;
    auto file = read_file(path, limits::plan_file);
    if (!file.ok() || !cycle::looks_like_plan_file(file.data)) return false;
    if (data) *data = std::move(file.data);
    return true;
}

bool run_check_inputs(const CheckOptions& opt);

bool run_check(const CheckOptions& opt) {
    // Plan files are checked on their own; everything else as inputs.
    bool plans_ok = true;
    CheckOptions inputs = opt;
    inputs.files.clear();
    for (const auto& path : opt.files) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec) || !is_plan_file(path, nullptr)) {
            inputs.files.push_back(path);
            continue;
        }
        auto file = read_file(path, limits::plan_file);
        if (!file.ok()) {
            print_error(path, verbatim(file.error));
            plans_ok = false;
        } else plans_ok = check_plan_file(path, file.data, opt) && plans_ok;
    }
    if (inputs.files.empty()) return plans_ok;
    return run_check_inputs(inputs) && plans_ok;
}

bool run_check_inputs(const CheckOptions& opt) {
    // Folders first (they may hold instruments too), then instruments apart
    // from answers.
    Diagnostics diags;
    SplitInputs split = split_instrument_args(expand_answer_paths(opt.files, diags));
    InstrumentResolver resolver(split.instruments, opt.instrument, markdown_validator());
    bool all_ok = true;

    // Instruments first, each with its own status line.
    for (const auto& path : split.instruments) {
        Diagnostics own;
        const Instrument* ins = resolver.load(path, own);
        print_diagnostics(own);
        if (ins) fmt::print("{}\n", summary(*ins));
        else all_ok = false;
    }
    std::vector<AnswerSource> sources = read_answer_sources(split.answers, diags);

    // Each answer against its instrument, found the same way as in score.
    // Answers to an older version are read through the changelog, as score
    // reads them (VersionBridge), so check says what score will do.
    std::vector<std::optional<Response>> parsed(sources.size());
    std::vector<const Instrument*> used(sources.size(), nullptr);
    std::map<const Instrument*, std::unique_ptr<VersionBridge>> bridges;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const AnswerSource& s = sources[i];
        if (!s.header) continue;
        used[i] = resolver.find(s.header->instrument, s.header->where, diags);
        if (!used[i]) continue;
        auto& bridge = bridges[used[i]];
        if (!bridge) {
            bridge = std::make_unique<VersionBridge>(*used[i], markdown_validator());
            bridge->prepare(sources, diags);
        }
        VersionBridge::Read read = bridge->parse(s, diags);
        bridge->count(s, read);
        parsed[i] = std::move(read.response);
    }
    for (const auto& [ins, bridge] : bridges) bridge->warn(diags);

    // The rules on the set, per instrument: versions on every file that
    // says what it answers, codes on every file that reads.
    std::map<std::string, std::vector<Response>> heads, responses;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const AnswerSource& s = sources[i];
        if (!s.header) continue;
        Response stub;
        stub.instrument = s.header->instrument;
        stub.version = s.header->version;
        stub.version_where = s.header->where;
        stub.path = s.path;
        heads[stub.instrument].push_back(std::move(stub));
        if (parsed[i]) responses[s.header->instrument].push_back(*parsed[i]);
    }
    for (const auto& [id, set] : heads) check_response_set(set, diags);
    for (const auto& [id, set] : responses) check_response_set(set, diags);

    // Per file: its problems, then its status.
    std::map<std::string, Diagnostics> per_file;
    Diagnostics other;
    std::set<std::string> named;
    for (const auto& s : sources) named.insert(s.path);
    for (const auto& d : diags.all()) {
        if (named.count(d.where.file)) per_file[d.where.file].add(d);
        else other.add(d);
    }
    print_diagnostics(other);
    if (other.has_errors()) all_ok = false;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        auto it = per_file.find(sources[i].path);
        bool bad = it != per_file.end() && it->second.has_errors();
        if (it != per_file.end()) {
            it->second.sort();
            print_diagnostics(it->second);
            per_file.erase(it); // a file given twice is reported once
        }
        if (bad || !parsed[i]) {
            all_ok = false;
            continue;
        }
        fmt::print("{}\n", answers_summary(*used[i], *parsed[i]));
    }
    return all_ok;
}

} // namespace

void add_check_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand("check", msg("Check instrument files and answers (answer files, filled forms, folders); report every problem."));
    auto opt = std::make_shared<CheckOptions>();
    cmd->add_option("files", opt->files,
                    msg("Instruments (.toml), answer files (.toml), filled forms (.pdf), folders and plans (plan.toml, plan.csv)"))
        ->required();
    cmd->add_option("--instrument", opt->instrument,
                    msg("Instrument to check answers against when none is named (default: found by id)"));
    cmd->callback([opt, &ctx] { ctx.exit_code = run_check(*opt) ? 0 : 1; });
}

} // namespace zs
