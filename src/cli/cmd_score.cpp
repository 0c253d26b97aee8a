// `zelfscan score INSTRUMENT ANSWERS... [--json] [--plan FILE] [--lang L]`:
// reads and checks the answers, assesses them, and prints a readable summary
// (or JSON); --plan writes the prioritised plan as TOML or CSV.
// Steps: load instrument -> read headers (one version) -> read answers ->
// check the set -> assess -> plan -> print and write.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "answers/input.hpp"
#include "answers/load_answers.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/plan_output.hpp"
#include "cli/previous_round.hpp"
#include "model/load_instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/number_summary.hpp"
#include "scoring/plan.hpp"
#include "scoring/plan_export.hpp"
#include "util/files.hpp"
#include "util/i18n.hpp"
#include "util/parallel.hpp"

namespace zs {

namespace {

struct ScoreOptions {
    std::vector<std::string> inputs; // [INSTRUMENT] ANSWERS...
    std::string instrument;          // --instrument
    bool json = false;
    std::string plan;
    std::string lang;
    std::string previous;
};

// Every user-visible string of the summary, in Dutch and English.
struct Words {
    Noun respondents; // with a count: counted()
    Noun sessions;
    const char* exposure;
    const char* exposure_unknown;
    const char* overall;
    const char* worst;
    const char* domains;
    const char* not_scored;
    const char* lifted_red;
    const char* lifted_critical;
    const char* red_flags;
    const char* of;
    const char* disagreement;
    const char* knowledge;
    const char* dont_know;
    const char* groups;
    const char* hidden;
    const char* hidden_complementary;
    const char* no_role;
    const char* differences;
    const char* versus;
    const char* plan;
    const char* no_plan;
    const char* priority;
    const char* more;
    const char* wrote;
    const char* do_no_harm;
    const char* tf_now;
    const char* tf_3;
    const char* tf_12;
};

const Words nl_words = {{"respondent", "respondenten"}, {"groepssessie", "groepssessies"}, "Blootstelling", "onbekend, 3 gebruikt: geen antwoorden over de dienst",
                        "Totaal", "hoogste thema", "Thema's", "geen score", "rode vlag", "kritieke vraag", "Rode vlaggen", "van",
                        "Onenigheid (eerst bespreken)", "Kennisgaten (uitzoeken)", "onbekend", "Groepen",
                        "verborgen: minder dan {} respondenten", "verborgen, zodat een kleinere groep niet te herleiden is",
                        "zonder rol", "Verschillen tussen groepen", "tegenover", "Eerste acties", "Geen maatregelen nodig volgens de antwoorden.",
                        "prioriteit", "en {} meer in het plan", "Plan geschreven", "niet schaden: direct", "nu", "binnen 3 maanden",
                        "binnen 12 maanden"};
const Words en_words = {{"respondent", "respondents"}, {"group session", "group sessions"}, "Exposure", "unknown, 3 used: no answers about the service",
                        "Overall", "highest domain", "Domains", "no score", "red flag", "critical question", "Red flags", "of",
                        "Disagreement (discuss first)", "Knowledge gaps (find out)", "unknown", "Groups",
                        "hidden: fewer than {} respondents", "hidden, so that a smaller group cannot be derived",
                        "no role", "Differences between groups", "versus", "First actions", "No measures needed according to the answers.",
                        "priority", "and {} more in the plan", "Plan written", "do no harm: at once", "now", "within 3 months",
                        "within 12 months"};

std::string pct(double x, const std::string& lang) {
    std::string s = fmt::format("{:.1f} %", x);
    if (lang != "en")
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string band_label(const Instrument& ins, const std::string& id, const std::string& lang) {
    const RiskBand* b = ins.risk.find_band(id);
    return b ? b->label.get(lang) : id;
}

std::string role_label(const Instrument& ins, const std::string& id, const Words& w, const std::string& lang) {
    if (id.empty()) return w.no_role;
    const Role* r = ins.find_role(id);
    return r ? r->label.get(lang) : id;
}

std::string question_line(const Instrument& ins, const std::string& id, const std::string& lang) {
    const Question* q = ins.find_question(id);
    return fmt::format("{} {}", id, q ? q->text.get(lang) : "");
}

std::string timeframe_label(Timeframe t, const Words& w) {
    switch (t) {
    case Timeframe::now: return w.tf_now;
    case Timeframe::months3: return w.tf_3;
    case Timeframe::months12: return w.tf_12;
    }
    return "";
}

std::string summary(const Instrument& ins, const Assessment& a, const Plan& plan, const std::string& lang) {
    const Words& w = lang == "en" ? en_words : nl_words;
    std::string out;
    out += fmt::format("{} {}: {}", ins.title.get(lang), ins.version.text,
                       counted(lang, a.respondents, nl_words.respondents, en_words.respondents));
    if (a.sessions) out += fmt::format(" ({})", counted(lang, a.sessions, nl_words.sessions, en_words.sessions));
    out += "\n";
    if (a.exposure.known) out += fmt::format("{}: {}/5\n", w.exposure, a.exposure.level);
    else out += fmt::format("{}: {}\n", w.exposure, w.exposure_unknown);
    if (a.overall.risk)
        out += fmt::format("{}: {} {} ({}: {})\n", w.overall, pct(*a.overall.risk, lang), band_label(ins, a.overall.band, lang), w.worst,
                           band_label(ins, a.overall.worst_band, lang));

    out += fmt::format("\n{}\n", w.domains);
    for (std::size_t d = 0; d < a.domains.size(); ++d) {
        const DomainResult& dr = a.domains[d];
        std::string name = fmt::format("{} {}", dr.id, ins.domains[d].title.get(lang));
        if (!dr.risk && dr.band.empty()) {
            out += fmt::format("  {:<40} {}\n", name,
                               dr.not_applicable ? tr(lang, "niet van toepassing", "not applicable")
                               : dr.withheld     ? fmt::format("{} {} {}", tr(lang, "te weinig antwoorden om te tonen: minder dan", "too few answers to show: fewer than"),
                                                               ins.risk.anonymity_threshold, tr(lang, "mensen", "people"))
                                                 : std::string(w.not_scored));
            continue;
        }
        std::string why;
        if (dr.lifted_red_flag) why = fmt::format("  ({}: {})", w.lifted_red, fmt::join(dr.red_flag_questions, ", "));
        else if (dr.lifted_critical) why = fmt::format("  ({}: {})", w.lifted_critical, fmt::join(dr.critical_questions, ", "));
        if (!dr.red_flag_questions.empty() && !dr.lifted_red_flag)
            why += fmt::format("  [{}: {}]", w.lifted_red, fmt::join(dr.red_flag_questions, ", "));
        if (dr.show_range && dr.risk_low && dr.risk_high)
            why += fmt::format("  {} {}–{}: {}", tr(lang, "bereik", "range"), pct(*dr.risk_low, lang), pct(*dr.risk_high, lang),
                               dr.band_low == dr.band_high ? tr(lang, "niveau staat vast", "level holds")
                                                           : tr(lang, "niveau hangt af van wat onbekend is", "level depends on what is unknown"));
        out += fmt::format("  {:<40} {:>8}  {}{}\n", name, dr.risk ? pct(*dr.risk, lang) : "", band_label(ins, dr.band, lang), why);
    }
    out += fmt::format("{}: {}\n", tr(lang, "Zekerheid", "Confidence"),
                       a.confidence.level == ConfidenceLevel::high     ? tr(lang, "vrij zeker", "fairly certain")
                       : a.confidence.level == ConfidenceLevel::medium ? tr(lang, "redelijk zeker", "reasonably certain")
                                                                       : tr(lang, "onzeker", "uncertain"));

    // What a withheld question shows instead of its figures.
    const std::string too_few = fmt::format("{} {} {}", tr(lang, "minder dan", "fewer than"), ins.risk.anonymity_threshold,
                                            tr(lang, "antwoorden", "answers"));
    auto list = [&](const char* title, auto pick, auto detail) {
        std::string body;
        for (const auto& q : a.questions)
            if (q.domain >= 0 && pick(q)) body += fmt::format("  {}  ({})\n", question_line(ins, q.id, lang), detail(q));
        if (!body.empty()) out += fmt::format("\n{}\n{}", title, body);
    };
    list(w.red_flags, [](const QuestionResult& q) { return q.red_flag; },
         [&](const QuestionResult& q) {
             std::string count = q.withheld ? too_few : fmt::format("{} {} {}", q.red_flags, w.of, q.answered - q.not_applicable);
             return fmt::format("{}; {} {} {}", count, tr(lang, "controleer binnen", "check within"), ins.risk.red_flag_deadline_days,
                                tr(lang, "dagen", "days"));
         });
    if (!a.contradictions.empty()) {
        out += fmt::format("\n{}\n", tr(lang, "Tegenstrijdige antwoorden", "Contradicting answers"));
        for (const auto& c : a.contradictions)
            for (const auto& r : ins.risk.consistency)
                if (r.id == c.rule)
                    out += fmt::format("  {} {}  ({} {}, {} {})\n", r.id, r.text.get(lang), r.when_question, c.when, r.contradicts_question, c.contradicts);
    }
    list(w.disagreement, [](const QuestionResult& q) { return q.disagreement; }, [&](const QuestionResult& q) {
        std::vector<std::string> parts;
        for (const auto& o : q.options)
            if (o.count) parts.push_back(fmt::format("{} {}", o.option, o.count));
        return fmt::format("{}", fmt::join(parts, ", "));
    });
    list(w.knowledge, [](const QuestionResult& q) { return q.find_out; },
         [&](const QuestionResult& q) {
             if (q.withheld) return too_few;
             return fmt::format("{} {}", w.dont_know, pct(q.owner_gap * 100, lang));
         });
    {
        std::string body;
        for (const auto& q : a.questions) {
            const Question* iq = ins.find_question(q.id);
            if (!iq || iq->kind != QuestionKind::number) continue;
            if (q.withheld) {
                body += fmt::format("  {}  ({})\n", question_line(ins, q.id, lang), too_few);
                continue;
            }
            NumberSummary ns = summarize_numbers(q.numbers);
            auto num = [&](double x) {
                std::string v = fmt::format("{:g}", x);
                if (lang != "en") std::replace(v.begin(), v.end(), '.', ',');
                return v;
            };
            body += fmt::format("  {}  ({} {}{})\n", question_line(ins, q.id, lang), ns.count, tr(lang, "antwoorden", "answers"),
                                ns.count ? fmt::format("; {} {}, {} {}–{}", tr(lang, "mediaan", "median"), num(ns.median), tr(lang, "van", "from"),
                                                       num(ns.lowest), num(ns.highest))
                                         : "");
        }
        if (!body.empty()) out += fmt::format("\n{}\n{}", tr(lang, "Getallen", "Numbers"), body);
    }

    if (!a.groups.empty()) {
        out += fmt::format("\n{}\n", w.groups);
        for (const auto& g : a.groups) {
            out += fmt::format("  {}: {}", role_label(ins, g.role, w, lang),
                               counted(lang, g.respondents, nl_words.respondents, en_words.respondents));
            if (g.complementary) out += fmt::format(" ({})", w.hidden_complementary);
            else if (g.suppressed) out += fmt::format(" ({})", fmt::format(fmt::runtime(w.hidden), ins.risk.anonymity_threshold));
            out += "\n";
        }
    }
    if (!a.differences.empty()) {
        out += fmt::format("\n{}\n", w.differences);
        for (const auto& d : a.differences)
            out += fmt::format("  {}: {} {} {} {} {}\n", d.domain, role_label(ins, d.lower_role, w, lang), pct(d.lower, lang), w.versus,
                               role_label(ins, d.higher_role, w, lang), pct(d.higher, lang));
    }

    out += fmt::format("\n{}\n", w.plan);
    if (plan.actions.empty()) out += fmt::format("  {}\n", w.no_plan);
    constexpr std::size_t top = 5;
    for (std::size_t i = 0; i < plan.actions.size() && i < top; ++i) {
        const PlanAction& act = plan.actions[i];
        std::string when = act.kind == ActionKind::do_no_harm ? w.do_no_harm : timeframe_label(act.timeframe, w);
        std::string prio = fmt::format("{:.2f}", act.priority);
        if (lang != "en") std::replace(prio.begin(), prio.end(), '.', ',');
        std::string id = act.kind == ActionKind::find_out ? "" : act.id + " ";
        std::string questions = act.kind == ActionKind::find_out ? "" : fmt::format("; {}", fmt::join(act.questions, ", "));
        out += fmt::format("  {}. {}{} ({}; {} {}{})\n", i + 1, id, action_title(ins, act, lang), when, w.priority, prio, questions);
    }
    if (plan.actions.size() > top) out += fmt::format("  {}\n", fmt::format(fmt::runtime(w.more), plan.actions.size() - top));
    return out;
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int run_score(const ScoreOptions& opt) {
    if (!opt.plan.empty() && !ends_with(opt.plan, ".toml") && !ends_with(opt.plan, ".csv")) {
        return print_error("", msg("--plan {}: the plan is written as .toml or .csv", opt.plan), {}, 2);
    }
    if (!answers_given(opt.inputs)) {
        return print_error("", msg("no answers are given"),
                           msg("give answer files (.toml), filled forms (.pdf) or folders after the instrument"), 2);
    }
    Diagnostics diags;
    std::string lang;
    bool usage_error = false;
    // Each response is counted as it is read and then dropped (issue 19):
    // score holds the counts, never every respondent's answers.
    const Instrument* counted = nullptr;
    std::optional<Assessor> assessor;
    auto count = [&](Response&& r) {
        // The summary on the terminal shows no notes, evidence or open
        // answers; only the JSON and the plan file carry them.
        if (!assessor) assessor.emplace(*counted, ScoringRules{.keep_texts = opt.json || !opt.plan.empty()});
        assessor->add(r);
    };
    auto run = stream_answer_run(opt.inputs, opt.instrument, diags, markdown_validator(), [&](const Instrument& ins) {
        counted = &ins;
        Diagnostics own;
        lang = resolve_language(ins, opt.lang, own);
        diags.append(own);
        if (own.has_errors()) {
            usage_error = true;
            return false;
        }
        // A questionnaire without a risk model has answer counts and figures
        // (the JSON) but no risk summary and no plan.
        if (!ins.risk.scored && (!opt.json || !opt.plan.empty())) {
            diags.error({ins.path, 0, 0}, msg("instrument '{}' has no risk model, so its answers cannot be scored", ins.id),
                        msg("use --json for the answer counts, or make the results report: zelfscan report {} ANSWERS... -o uitkomsten.pdf", ins.path));
            return false;
        }
        return true;
    }, count);
    if (!run) {
        print_diagnostics(diags);
        return usage_error ? 2 : 1;
    }
    note_other_patch_versions(*run->instrument, run->respondents, diags);
    print_diagnostics(diags); // warnings and notes
    const Instrument* ins = run->instrument.get();
    const RespondentFacts& respondents = run->respondents;

    // A plan file that is there is merged into, never overwritten: it must
    // be readable before anything is written.
    std::optional<cycle::PlanFile> previous_plan;
    std::optional<PreviousRound> previous;
    {
        Diagnostics more;
        if (!opt.plan.empty()) previous_plan = read_existing_plan(opt.plan, *ins, more);
        if (!opt.previous.empty()) previous = load_previous_round(opt.previous, *ins, more);
        print_diagnostics(more);
        if (more.has_errors()) return 1;
    }

    if (!assessor) assessor.emplace(*ins);
    Assessment a = assessor->finish();
    Plan plan = make_plan(*ins, a);
    std::optional<cycle::Comparison> comparison;
    if (previous) {
        cycle::Round now = cycle::round_from_assessment(*ins, a, plan);
        now.date = round_date(respondents);
        comparison = cycle::compare_rounds(previous->round, now, previous->mapping);
    }

    if (!opt.plan.empty()) {
        const std::vector<std::string>& inputs = run->inputs;
        if (!write_plan_output(opt.plan, *ins, a, plan, lang, respondents, previous_plan, InputFiles(inputs))) return 1;
    }
    withhold_small_questions(a); // after the plan and the comparison, before anything is printed
    if (opt.json) {
        std::string date = round_date(respondents);
        fmt::print("{}", assessment_to_json(*ins, a, plan, lang, [&](JsonWriter& w) {
                       // The round's date lets a later round say when this one was.
                       w.string("round_date", date);
                       if (comparison) cycle::write_comparison(w, "comparison", *comparison);
                   }));
    } else {
        fmt::print("{}", summary(*ins, a, plan, lang));
        if (comparison) fmt::print("\n{}", cycle::comparison_summary(*comparison, lang));
    }
    return 0;
}

} // namespace

void add_score_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand("score", msg("Score the answers of many respondents: risks per domain, red flags, and the plan."));
    auto opt = std::make_shared<ScoreOptions>();
    cmd->add_option("inputs", opt->inputs,
                    msg("[INSTRUMENT] ANSWERS...: the instrument (.toml), then answer files (.toml), filled forms (.pdf) and folders"))
        ->required();
    cmd->add_option("--instrument", opt->instrument,
                    msg("Instrument file, when not given first (default: found by the answers' id)"));
    cmd->add_flag("--json", opt->json, msg("Print the assessment as JSON"));
    cmd->add_option("--plan", opt->plan, msg("Write the plan to FILE (.toml or .csv)"));
    cmd->add_option("--lang", opt->lang, msg("Language: nl or en (default: the instrument's first)"));
    cmd->add_option("--previous", opt->previous,
                    msg("The previous round: its folder of answers or its score --json file"));
    cmd->callback([opt, &ctx] { ctx.exit_code = run_score(*opt); });
}

} // namespace zs
