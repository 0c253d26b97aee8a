// `zelfscan monitor PLANS_OR_FOLDERS... -o overzicht.pdf [--format pdf|html|csv|json]`:
// the municipality's overview across organisations, from the plan files
// they keep (cycle/monitor.hpp). A folder holds plan files, or one folder
// per organisation; a folder without a plan is listed as "no plan".
// Steps: find plan files -> read each -> overview -> document or data -> write.
#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "builders/overview.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "cycle/monitor.hpp"
#include "cycle/plan_file.hpp"
#include "model/load_instrument.hpp"
#include "pdf/render.hpp"
#include "util/files.hpp"

namespace zs {

namespace {

namespace fs = std::filesystem;

struct MonitorArgs {
    std::vector<std::string> inputs;
    std::string output, format, lang = "nl", title, paper = "a4";
};

std::string extension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// A plan file: .csv whose first line names 'measure', or .toml with [[action]].
bool is_plan(const std::string& path, const std::string& data) {
    std::string ext = extension(path);
    if (ext == ".csv") {
        std::string_view first = std::string_view(data).substr(0, data.find('\n'));
        return first.find("measure") != std::string_view::npos;
    }
    return ext == ".toml" && cycle::looks_like_plan_file(data);
}

std::vector<std::string> sorted_entries(const std::string& dir, bool folders) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (folders ? e.is_directory(ec) : e.is_regular_file(ec)) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Reads the plans in a folder; returns how many there were.
int read_folder(const std::string& dir, std::vector<cycle::MonitorInput>& out, Diagnostics& diags) {
    int found = 0;
    for (const auto& f : sorted_entries(dir, false)) {
        std::string ext = extension(f);
        if (ext != ".csv" && ext != ".toml") continue;
        auto file = read_file(f, limits::plan_file);
        if (!file.ok() || !is_plan(f, file.data)) continue;
        ++found;
        if (auto p = cycle::read_plan(file.data, f, cycle::plan_format_for(f), diags)) out.push_back({f, std::move(*p), ""});
    }
    return found;
}

int run_monitor(const MonitorArgs& a) {
    std::string format = a.format;
    if (format.empty()) {
        std::string ext = extension(a.output);
        format = ext == ".html" || ext == ".htm" ? "html" : ext == ".csv" ? "csv" : ext == ".json" ? "json" : "pdf";
    }
    Diagnostics diags;
    std::vector<cycle::MonitorInput> inputs;
    std::error_code ec;
    for (const auto& in : a.inputs) {
        if (fs::is_directory(in, ec)) {
            int found = read_folder(in, inputs, diags);
            std::vector<std::string> subs = sorted_entries(in, true);
            for (const auto& sub : subs)
                if (read_folder(sub, inputs, diags) == 0) inputs.push_back({sub, std::nullopt, fs::path(sub).filename().string()});
            if (found == 0 && subs.empty()) inputs.push_back({in, std::nullopt, fs::path(in).filename().string()});
            continue;
        }
        auto file = read_file(in, limits::plan_file);
        if (!file.ok()) {
            diags.error({in, 0, 0}, verbatim(file.error));
            continue;
        }
        if (auto p = cycle::read_plan(file.data, in, cycle::plan_format_for(in), diags)) inputs.push_back({in, std::move(*p), ""});
    }
    // What the teams wrote is checked as warnings: the overview still counts it.
    for (const auto& in : inputs)
        if (in.plan) cycle::check_plan(*in.plan, nullptr, diags, Severity::warning);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        return 1;
    }
    if (inputs.empty()) {
        return print_error("", msg("no plan files found in {}", fmt::join(a.inputs, ", ")));
    }

    // A band counts as high in the upper half of the instrument's bands
    // (docs/rounds-and-monitoring.md); without the instrument, by its name.
    std::map<std::string, std::vector<std::string>> bands;
    for (const auto& in : inputs) {
        if (!in.plan || bands.count(in.plan->meta.instrument)) continue;
        auto& list = bands[in.plan->meta.instrument];
        if (auto path = find_instrument_file(in.plan->meta.instrument)) {
            Diagnostics quiet;
            if (auto ins = load_instrument(*path, quiet))
                for (const auto& b : ins->risk.bands) list.push_back(b.id);
        }
    }
    auto is_high = [&](const std::string& instrument, const std::string& band) {
        const auto& list = bands[instrument];
        auto it = std::find(list.begin(), list.end(), band);
        if (it != list.end()) return static_cast<std::size_t>(it - list.begin()) * 2 >= list.size();
        return band.find("hoog") != std::string::npos || band.find("high") != std::string::npos;
    };
    cycle::Overview o = cycle::build_overview(inputs, cycle::iso_date(build_epoch()), is_high);

    std::string out;
    if (format == "json") out = cycle::overview_to_json(o);
    else if (format == "csv") out = cycle::overview_to_csv(o, a.lang);
    else {
        OverviewOptions opt;
        opt.lang = a.lang;
        opt.title = a.title;
        opt.paper = a.paper == "letter" ? doc::Paper::letter : doc::Paper::a4;
        doc::Document d = build_overview_document(o, opt);
        if (format == "html") out = render_report_html(d, diags);
        else out = pdf::render_pdf(d, pdf::RenderOptions{}, diags);
    }
    print_diagnostics(diags);
    if (diags.has_errors() || out.empty()) return 1;
    std::vector<std::string> read;
    for (const auto& in : inputs) read.push_back(in.path);
    read.insert(read.end(), a.inputs.begin(), a.inputs.end());
    return write_output(a.output, out, read) ? 0 : 1;
}

} // namespace

void add_monitor_command(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<MonitorArgs>();
    auto* cmd = app.add_subcommand("monitor", msg("The overview across organisations from their plan files: who has a plan, progress, overdue, red flags."));
    cmd->add_option("plans", a->inputs, msg("Plan files (.toml, .csv) or folders"))->required();
    cmd->add_option("-o,--output", a->output, msg("Overview to write"))->required();
    cmd->add_option("--format", a->format, msg("pdf, html, csv or json (default: from -o)"))->check(CLI::IsMember({"pdf", "html", "csv", "json"}));
    cmd->add_option("--lang", a->lang, msg("Language: nl or en"))->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--title", a->title, msg("Title"));
    cmd->add_option("--paper", a->paper, msg("Paper size: a4 or letter"))->check(CLI::IsMember({"a4", "letter"}));
    cmd->callback([a, &ctx] { ctx.exit_code = run_monitor(*a); });
}

} // namespace zs
