// `zelfscan report INSTRUMENT ANSWERS... -o report.pdf`: the director's risk
// report (or, for a questionnaire without a risk model, the results report)
// from answer files and filled forms, through a report template.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "answers/input.hpp"
#include "answers/load_answers.hpp"
#include "cli/companion_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "cli/plan_output.hpp"
#include "cli/previous_round.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "layout/linebreak.hpp"
#include "model/load_instrument.hpp"
#include "pdf/render.hpp"
#include "report/report.hpp"
#include "scoring/plan_export.hpp"
#include "util/files.hpp"

namespace zs {

namespace {

struct ReportArgs {
    std::vector<std::string> inputs; // [INSTRUMENT] ANSWERS...
    std::string instrument, output, lang, template_path, plan, format, title, organisation, logo, paper = "a4", previous;
    std::vector<std::string> with; // companion questionnaires: instrument files, answer files, forms, folders
};

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A respondent may type anything (emoji, any script). The PDF shows what
// its fonts have and a placeholder for the rest; each answer with such
// characters gets a warning naming its file and question, since the report
// itself merges answers and no longer knows where a text came from.
void warn_unshown_characters(const layout::FontSet& fonts, const Response& r, Diagnostics& diags) {
    enum class Part { answer, note, evidence, reason };
    for (const auto& a : r.answers) {
        const std::pair<const std::string*, Part> parts[] = {{a.text ? &*a.text : nullptr, Part::answer},
                                                             {&a.note, Part::note},
                                                             {&a.evidence, Part::evidence},
                                                             {&a.reason, Part::reason}};
        for (const auto& [text, part] : parts) {
            if (!text || text->empty()) continue;
            auto missing = layout::unshown_characters(fonts, layout::Style::regular, *text);
            if (missing.empty()) continue;
            std::string list;
            for (std::size_t i = 0; i < missing.size() && i < 5; ++i) {
                std::string ch;
                layout::append_utf8(ch, missing[i]);
                list += fmt::format("{}U+{:04X} '{}'", i ? ", " : "", static_cast<std::uint32_t>(missing[i]), ch);
            }
            if (missing.size() > 5) list += msg(" and {} more", missing.size() - 5).str();
            // One whole sentence per part, so each translates as a sentence.
            Message said;
            switch (part) {
            case Part::answer:
                said = msg("the answer to '{}' has characters the report's fonts do not have ({}); "
                           "the PDF shows \uFFFD in their place",
                           a.question, list);
                break;
            case Part::note:
                said = msg("the note to '{}' has characters the report's fonts do not have ({}); "
                           "the PDF shows \uFFFD in their place",
                           a.question, list);
                break;
            case Part::evidence:
                said = msg("the evidence to '{}' has characters the report's fonts do not have ({}); "
                           "the PDF shows \uFFFD in their place",
                           a.question, list);
                break;
            case Part::reason:
                said = msg("the reason to '{}' has characters the report's fonts do not have ({}); "
                           "the PDF shows \uFFFD in their place",
                           a.question, list);
                break;
            }
            diags.warning(a.where.file.empty() ? SourceLocation{r.path, 0, 0} : a.where, said,
                          msg("the HTML report (--format html) shows them as typed"));
        }
    }
}

int run_report(ReportArgs a) {
    // The output's format follows its name; --format may only agree.
    std::string format = document_format_of(a.output);
    if (format.empty()) {
        return print_error("", msg("-o {}: the report is written as .pdf or .html", a.output),
                           msg("name the file rapport.pdf or rapport.html"), 2);
    }
    if (!a.format.empty() && a.format != format) {
        return print_error("", msg("-o {} is a .{} file, but --format says {}", a.output, format, a.format),
                           msg("leave out --format; the file name decides"), 2);
    }
    if (!a.plan.empty() && !ends_with(a.plan, ".toml") && !ends_with(a.plan, ".csv")) {
        return print_error("", msg("--plan {}: the plan is written as .toml or .csv", a.plan), {}, 2);
    }
    a.format = format;
    if (!answers_given(a.inputs)) {
        return print_error("", msg("no answers are given"),
                           msg("give answer files (.toml), filled forms (.pdf) or folders after the instrument"), 2);
    }
    Diagnostics diags;
    ReportOptions ro;
    // Fonts, hyphenation and the PDF's text faces depend only on the
    // language: load them while the answers are read.
    std::future<std::shared_ptr<pdf::DrawingStart>> preload;
    auto prepare = [&](const Instrument& ins) {
        ro.lang = resolve_language(ins, a.lang, diags);
        if (a.format != "html") preload = pdf::preload_drawing(ro.lang);
        ro.template_path = a.template_path;
        if (ro.template_path.empty()) {
            // A questionnaire without a risk model gets the results report.
            ReportKind kind = ins.risk.scored ? ReportKind::risk : ReportKind::results;
            if (auto found = find_report_template(kind, ro.lang)) ro.template_path = *found;
            else diags.error({ins.path, 0, 0},
                             msg("cannot find the standard report template '{}'", report_template_name(kind, ro.lang)),
                             msg("give one with --template FILE"));
        }
        if (!ro.template_path.empty()) {
            auto t = read_file(ro.template_path, limits::template_file);
            if (!t.ok()) diags.error({ro.template_path, 0, 0}, verbatim(t.error));
            else if (auto bad = check_text(t.data)) diags.error({ro.template_path, bad->line, bad->column}, verbatim(bad->what));
            else ro.template_text = std::move(t.data);
        }
        return true; // template problems are reported with the answers'
    };
    // Each response is counted (and its texts checked against the fonts) as
    // it is read, then dropped (issue 19).
    const Instrument* counted = nullptr;
    std::optional<Assessor> assessor;
    Diagnostics unshown;
    std::shared_ptr<const layout::FontSet> fonts;
    bool fonts_tried = false;
    auto count = [&](Response&& r) {
        if (!assessor) assessor.emplace(*counted);
        assessor->add(r);
        if (a.format == "html") return;
        if (!fonts_tried) {
            Diagnostics font_diags;
            fonts = layout::load_fonts("", font_diags);
            fonts_tried = true;
        }
        if (fonts) warn_unshown_characters(*fonts, r, unshown);
    };
    auto run = stream_answer_run(a.inputs, a.instrument, diags, markdown_validator(),
                                 [&](const Instrument& ins) {
                                     counted = &ins;
                                     return prepare(ins);
                                 },
                                 count);
    ro.title = a.title;
    ro.organisation = a.organisation;
    ro.logo = a.logo;
    ro.page_numbers = a.format != "html";
    ro.paper = a.paper == "letter" ? doc::Paper::letter : doc::Paper::a4;
    CompanionInputs companions;
    if (run && !a.with.empty()) {
        load_companions(*run->instrument, a.with, companions, diags);
        ro.companions = companions.sets();
        if (auto found = find_report_template(ReportKind::companion, ro.lang)) {
            ro.companion_template_path = *found;
            auto t = read_file(*found, limits::template_file);
            if (!t.ok()) diags.error({*found, 0, 0}, verbatim(t.error));
            else if (auto bad = check_text(t.data)) diags.error({*found, bad->line, bad->column}, verbatim(bad->what));
            else ro.companion_template_text = std::move(t.data);
        } else {
            diags.error({run->instrument->path, 0, 0},
                        msg("cannot find the report template '{}' for --with", report_template_name(ReportKind::companion, ro.lang)),
                        msg("set ZELFSCAN_TEMPLATES to the folder that holds it"));
        }
    }
    // A plan file that is there is merged into, never overwritten: it must
    // be readable before anything is written.
    std::optional<cycle::PlanFile> previous_plan;
    std::optional<PreviousRound> previous;
    if (run) {
        const Instrument& current = *run->instrument;
        note_other_patch_versions(current, run->respondents, diags);
        if (!a.plan.empty()) previous_plan = read_existing_plan(a.plan, current, diags);
        if (!a.previous.empty()) {
            if (!current.risk.scored)
                diags.error({current.path, 0, 0}, msg("instrument '{}' has no risk model, so rounds cannot be compared", current.id));
            else previous = load_previous_round(a.previous, current, diags);
        }
    }
    if (!run || diags.has_errors()) {
        print_diagnostics(diags);
        return 1;
    }
    const Instrument* ins = run->instrument.get();
    const RespondentFacts& respondents = run->respondents;
    std::vector<std::string> inputs = run->inputs;
    inputs.insert(inputs.end(), companions.paths.begin(), companions.paths.end());
    if (!ro.template_path.empty()) inputs.push_back(ro.template_path);
    if (!a.logo.empty()) inputs.push_back(a.logo);
    if (previous) inputs.insert(inputs.end(), previous->inputs.begin(), previous->inputs.end());
    InputFiles input_files(inputs);
    std::vector<std::string> outputs{a.output};
    if (!a.plan.empty()) outputs.push_back(a.plan);
    // Bad output names are refused before the report is built, and nothing is written.
    if (auto bad = check_outputs(outputs, input_files); !bad.empty()) {
        print_diagnostics(diags);
        std::fwrite(bad.data(), 1, bad.size(), stderr);
        return 1;
    }
    diags.append(unshown);
    if (!assessor) assessor.emplace(*ins);
    Assessment as = assessor->finish();
    Plan plan = make_plan(*ins, as);
    std::optional<cycle::Comparison> comparison;
    if (previous) {
        cycle::Round now = cycle::round_from_assessment(*ins, as, plan);
        now.date = round_date(respondents);
        comparison = cycle::compare_rounds(previous->round, now, previous->mapping);
        ro.comparison = &*comparison;
        if (previous_plan) ro.plan_file = &*previous_plan;
    }
    withhold_small_questions(as); // after the plan and the comparison, before anything is shown
    doc::Document d = build_report(*ins, respondents, as, plan, ro, diags);
    std::string out;
    if (!diags.has_errors()) {
        if (a.format == "html") {
            out = render_report_html(d, diags);
        } else {
            pdf::RenderOptions po;
            if (preload.valid()) po.start = preload.get();
            out = pdf::render_pdf(d, po, diags);
        }
    }
    print_diagnostics(diags);
    if (diags.has_errors() || out.empty()) return 1;
    // The report, the plan and the kept old plan are committed together or
    // not at all.
    std::vector<Output> written{{a.output, out}};
    std::optional<PlanOutput> plan_out;
    if (!a.plan.empty()) {
        plan_out = plan_output(a.plan, *ins, as, plan, ro.lang, respondents, previous_plan);
        if (!plan_out) return 1;
        if (!plan_out->unchanged) {
            if (plan_out->backup) written.push_back({a.plan + "~", *plan_out->backup});
            written.push_back({a.plan, plan_out->text});
        }
    }
    return write_outputs(written, input_files) ? 0 : 1;
}

} // namespace

void add_report_command(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<ReportArgs>();
    auto* cmd = app.add_subcommand("report", msg("Make the risk report, or the results of a questionnaire (PDF or HTML), from answer files and filled forms."));
    cmd->add_option("inputs", a->inputs,
                    msg("[INSTRUMENT] ANSWERS...: the instrument (.toml), then answer files (.toml), filled forms (.pdf) and folders"))
        ->required();
    cmd->add_option("--instrument", a->instrument,
                    msg("Instrument file, when not given first (default: found by the answers' id)"));
    cmd->add_option("-o,--output", a->output, msg("Report to write"))->required();
    cmd->add_option("--lang", a->lang, msg("Language: nl or en"))->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--template", a->template_path, msg("Report template (Markdown)"));
    cmd->add_option("--with", a->with,
                    msg("Also show the results of other questionnaires (staff culture survey, client questionnaire): their answer files, forms or folders, after the answers"))
        ->expected(1, -1);
    cmd->add_option("--plan", a->plan, msg("Also write the plan: plan.toml or plan.csv"));
    cmd->add_option("--format", a->format, msg("pdf or html (default: from the -o name)"))->check(CLI::IsMember({"pdf", "html"}));
    cmd->add_option("--title", a->title, msg("Report title"));
    cmd->add_option("--organisation", a->organisation, msg("Organisation name"));
    cmd->add_option("--logo", a->logo, msg("Logo for the cover (PNG or JPEG)"));
    cmd->add_option("--previous", a->previous,
                    msg("The previous round: its folder of answers or its score --json file"));
    cmd->add_option("--paper", a->paper, msg("Paper size: a4 or letter"))->check(CLI::IsMember({"a4", "letter"}));
    cmd->callback([a, &ctx] { ctx.exit_code = run_report(*a); });
}

} // namespace zs
