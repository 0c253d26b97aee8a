#include "report/report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "document/markdown.hpp"
#include "document/palette.hpp"
#include "report/charts.hpp"
#include "report/format.hpp"
#include "report/template.hpp"
#include "scoring/number_summary.hpp"
#include "scoring/plan_export.hpp"
#include "util/i18n.hpp"

namespace zs {

using report::Data;
using report::percent;

namespace {

using kainjow::mustache::list;

const std::vector<std::string> placeholders = {
    "title", "organisation", "unit", "date_from", "date_to", "date_range", "instrument_title", "instrument_id",
    "instrument_version", "respondents", "individuals", "sessions", "has_sessions", "roles", "role", "count",
    "anonymity_threshold", "scored", "overall_risk", "overall_band", "worst_band", "exposure", "exposure_known",
    "red_flag_count", "has_red_flags", "red_flags", "critical_count", "has_critical", "disagreement_count",
    "has_disagreements", "find_out_count", "has_find_out", "knowledge_gap", "high_domains", "has_high_domains",
    "domains", "id", "title", "text", "risk", "band", "band_id", "lifted", "lifted_red_flag", "lifted_critical",
    "question_count", "top_question", "top_question_text", "has_notes", "note_count", "domain", "groups_shown",
    "groups_suppressed", "has_groups_shown", "has_suppressed", "complementary", "group_differences",
    "has_group_differences", "lower_role", "higher_role", "lower", "higher", "top_measures", "rank", "quadrant",
    "timeframe", "effort", "impact", "red_flag", "action_count", "do_no_harm_count", "measure_count",
    "find_out_actions", "missing_share", "response_note", "sources", "authors", "year", "publisher", "url",
    "instrument_description", "intro", "questions", "weight", "mean_risk", "disagreement", "find_out",
    "knowledge_gap_share", "spread_limit", "missing_policy_ignore", "has_unevidenced", "unevidenced_option",
    "unevidenced_score_as", "critical_band", "red_flag_band", "bands", "label", "from", "upto", "confidence",
    "confidence_high", "confidence_medium", "confidence_low", "respondents_phrase", "individuals_phrase",
    "sessions_phrase", "disagreement_count_phrase", "question_count_phrase", "has_choice", "has_numbers",
    "has_open_questions", "open_answer_count", "has_sources", "answered_by_all", "has_low_response", "low_response", "answered",
    "shown", "companions", "has_companions", "version", "minimum"};

const std::vector<std::string> directives = {
    "cover", "page-break", "chart:domain-risk", "chart:heatmap", "chart:groups", "chart:distribution",
    "chart:impact-effort", "table:domains", "table:questions", "table:red-flags", "table:top-measures",
    "table:discuss", "table:plan", "table:find-out", "table:groups", "table:bands", "notes", "sources",
    "table:numbers", "answers", "companions", "table:by-role"};

// Parts that only mean something with a risk model. For an instrument
// without one (risk.scored = false) they are an error at the directive:
// an empty plan or a chart of nothing would mislead the reader.
bool risk_only(const std::string& directive) {
    static const std::set<std::string> names = {"chart:domain-risk", "chart:heatmap",    "chart:groups",
                                                "chart:impact-effort", "table:domains",  "table:red-flags",
                                                "table:top-measures",  "table:plan",     "table:discuss",
                                                "table:find-out",      "table:bands"};
    return names.count(directive) > 0;
}

// The same text from several people once, with a count; the most frequent
// first, and beyond `shown` only a count of the rest (-1 marks that line).
std::vector<std::pair<std::string, int>> merge_texts(const std::vector<std::string>& sorted, std::size_t shown) {
    std::vector<std::pair<std::string, int>> merged;
    for (const auto& s : sorted) {
        if (!merged.empty() && merged.back().first == s) ++merged.back().second;
        else merged.push_back({s, 1});
    }
    std::stable_sort(merged.begin(), merged.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    if (merged.size() > shown) {
        int rest = 0;
        for (std::size_t k = shown; k < merged.size(); ++k) rest += merged[k].second;
        merged.resize(shown);
        merged.push_back({std::to_string(rest), -1});
    }
    return merged;
}

doc::Inline run(std::string s, unsigned style = doc::plain) { return doc::text(std::move(s), style); }

doc::TableCell cell(std::string s, unsigned style = doc::plain) { return doc::TableCell{{run(std::move(s), style)}}; }

doc::Table table(std::vector<std::pair<std::string, doc::Align>> head) {
    doc::Table t;
    doc::TableRow r;
    for (auto& [h, a] : head) {
        t.columns.push_back({a, 0});
        r.cells.push_back(cell(h, doc::bold));
    }
    t.rows.push_back(std::move(r));
    return t;
}

class ReportBuilder {
  public:
    ReportBuilder(const Instrument& ins, const std::vector<Response>& rs, const Assessment& as, const Plan& plan,
                  const ReportOptions& opt, Diagnostics& diags)
        : ins_(ins), rs_(rs), as_(as), plan_(plan), opt_(opt), l_(opt.lang), diags_(diags),
          charts_{ins, as, opt.lang, opt.text_width, opt.min_answers} {}

    doc::Document build() {
        doc::Document d;
        d.info.title = title();
        d.info.subject = scored() ? tr(l_, "Risicorapport zelfscan", "Self-scan risk report")
                                  : tr(l_, "Uitkomsten vragenlijst", "Questionnaire results");
        d.info.author = organisation();
        d.info.keywords = fmt::format("zelfscan, {}, {}", ins_.id, ins_.version.text);
        d.info.lang = l_;
        d.info.instrument_id = ins_.id;
        d.info.instrument_version = ins_.version.text;
        d.info.paper = opt_.paper;
        d.info.header = title();
        d.info.footer = fmt::format("{} {} {}", scored() ? tr(l_, "Zelfscan", "Self-scan") : tr(l_, "Vragenlijst", "Questionnaire"),
                                    ins_.id, ins_.version.text);
        d.info.cover = true;
        report::TemplateSpec spec{opt_.template_path, opt_.template_text, directives, placeholders};
        d.blocks = report::render_template(spec, data(), [this](const report::Directive& dir, doc::Blocks& out) {
            return directive(dir, out);
        }, diags_);
        return d;
    }

  private:
    // ---- the data placeholders see ----

    // With a risk model: the risk report. Without one (a questionnaire): the
    // results report, with the same house style and no risk wording.
    bool scored() const { return ins_.risk.scored; }

    std::string title() const {
        if (!opt_.title.empty()) return opt_.title;
        return fmt::format("{}: {}", scored() ? tr(l_, "Risicorapport", "Risk report") : tr(l_, "Uitkomsten", "Results"),
                           ins_.title.get(l_));
    }

    std::string organisation() const {
        if (!opt_.organisation.empty()) return opt_.organisation;
        std::set<std::string> names;
        for (const auto& r : rs_)
            if (!r.respondent.organisation.empty()) names.insert(r.respondent.organisation);
        return names.size() == 1 ? *names.begin() : "";
    }

    std::string unit() const {
        std::set<std::string> names;
        for (const auto& r : rs_)
            if (!r.respondent.unit.empty()) names.insert(r.respondent.unit);
        return names.size() == 1 ? *names.begin() : fmt::format("{}", fmt::join(names, ", "));
    }

    std::pair<std::string, std::string> dates() const {
        std::string lo, hi;
        for (const auto& r : rs_) {
            const auto& d = r.respondent.date;
            if (d.empty()) continue;
            if (lo.empty() || d < lo) lo = d;
            if (hi.empty() || d > hi) hi = d;
        }
        return {lo, hi};
    }

    // Counts with their noun, singular for 1 (the *_phrase placeholders).
    std::string questions_phrase(long long n) const { return counted(l_, n, {"vraag", "vragen"}, {"question", "questions"}); }
    std::string answer_sets_phrase(long long n) const {
        return counted(l_, n, {"antwoordset", "antwoordsets"}, {"answer set", "answer sets"});
    }
    std::string sessions_phrase(long long n) const {
        return counted(l_, n, {"groepssessie", "groepssessies"}, {"group session", "group sessions"});
    }

    const Domain& domain_of(std::size_t i) const { return ins_.domains[i]; }

    // The two highest bands count as "high" for the summary.
    bool is_high(const std::string& band) const {
        const auto& bands = ins_.risk.bands;
        for (std::size_t i = 0; i < bands.size(); ++i)
            if (bands[i].id == band) return i + 2 >= bands.size();
        return false;
    }

    Data domain_data(std::size_t i) const {
        const DomainResult& dr = as_.domains[i];
        const Domain& dom = domain_of(i);
        Data d;
        d.set("id", dom.id);
        d.set("title", dom.title.get(l_));
        d.set("scored", dr.risk.has_value());
        d.set("risk", dr.risk ? percent(*dr.risk, l_) : "");
        d.set("band", report::band_label(ins_, dr.band, l_));
        d.set("band_id", dr.band);
        d.set("lifted", dr.lifted_red_flag || dr.lifted_critical);
        d.set("lifted_red_flag", dr.lifted_red_flag);
        d.set("lifted_critical", dr.lifted_critical);
        d.set("knowledge_gap", percent(dr.knowledge_gap * 100, l_));
        d.set("disagreement_count", std::to_string(dr.disagreements));
        d.set("disagreement_count_phrase", questions_phrase(dr.disagreements));
        d.set("has_disagreements", dr.disagreements > 0);
        d.set("question_count", std::to_string(dom.questions.size()));
        d.set("question_count_phrase", questions_phrase(static_cast<long long>(dom.questions.size())));
        d.set("intro", dom.intro.get(l_));
        // The question with the highest mean risk.
        const QuestionResult* top = nullptr;
        int notes = 0, open = 0;
        bool choice = false, numbers = false, texts = false;
        for (const auto& q : dom.questions) {
            choice = choice || q.kind == QuestionKind::choice || q.kind == QuestionKind::multi;
            numbers = numbers || q.kind == QuestionKind::number;
            texts = texts || q.kind == QuestionKind::text;
            const QuestionResult* qr = as_.find_question(q.id);
            if (!qr) continue;
            notes += static_cast<int>(qr->notes.size() + qr->reasons.size());
            open += static_cast<int>(qr->texts.size());
            if (scored()) notes += static_cast<int>(qr->texts.size()); // the risk report shows them with the notes
            if (qr->mean_risk && (!top || *qr->mean_risk > *top->mean_risk + 1e-12)) top = qr;
        }
        d.set("top_question", top ? top->id : "");
        d.set("top_question_text", top ? ins_.find_question(top->id)->text.get(l_) : "");
        d.set("has_notes", notes > 0);
        d.set("note_count", std::to_string(notes));
        d.set("has_choice", choice);
        d.set("has_numbers", numbers);
        d.set("has_open_questions", texts);
        d.set("open_answer_count", std::to_string(open));
        list rf;
        for (const auto& qid : dr.red_flag_questions) {
            Data q;
            q.set("id", qid);
            q.set("text", ins_.find_question(qid)->text.get(l_));
            rf.push_back(q);
        }
        d.set("red_flags", rf);
        d.set("has_red_flags", !dr.red_flag_questions.empty());
        return d;
    }

    Data data() const {
        Data d;
        d.set("title", title());
        d.set("organisation", organisation());
        d.set("unit", unit());
        auto [lo, hi] = dates();
        d.set("date_from", report::long_date(lo, l_));
        d.set("date_to", report::long_date(hi, l_));
        d.set("date_range", lo.empty() ? std::string(tr(l_, "datum onbekend", "date unknown"))
                                       : lo == hi ? report::long_date(lo, l_)
                                                  : fmt::format("{} – {}", report::long_date(lo, l_), report::long_date(hi, l_)));
        d.set("instrument_title", ins_.title.get(l_));
        d.set("instrument_id", ins_.id);
        d.set("instrument_version", ins_.version.text);
        d.set("instrument_description", ins_.description.get(l_));
        d.set("has_sources", !ins_.sources.empty());
        d.set("respondents", std::to_string(as_.respondents));
        d.set("respondents_phrase", answer_sets_phrase(as_.respondents));
        d.set("sessions", std::to_string(as_.sessions));
        d.set("sessions_phrase", sessions_phrase(as_.sessions));
        d.set("individuals", std::to_string(as_.respondents - as_.sessions));
        d.set("individuals_phrase", counted(l_, as_.respondents - as_.sessions, {"persoon", "personen"}, {"individual", "individuals"}));
        d.set("has_sessions", as_.sessions > 0);
        list roles;
        for (const auto& g : as_.groups) {
            if (g.respondents == 0) continue;
            Data r;
            r.set("role", report::role_label(ins_, g.role, l_));
            r.set("count", std::to_string(g.respondents));
            roles.push_back(r);
        }
        d.set("roles", roles);
        d.set("anonymity_threshold", std::to_string(ins_.risk.anonymity_threshold));
        d.set("scored", ins_.risk.scored);
        d.set("overall_risk", as_.overall.risk ? percent(*as_.overall.risk, l_) : "");
        d.set("overall_band", report::band_label(ins_, as_.overall.band, l_));
        d.set("worst_band", report::band_label(ins_, as_.overall.worst_band, l_));
        d.set("exposure", std::to_string(as_.exposure.level));
        d.set("exposure_known", as_.exposure.known);
        d.set("red_flag_count", std::to_string(as_.overall.red_flags));
        d.set("has_red_flags", as_.overall.red_flags > 0);
        d.set("critical_count", std::to_string(as_.overall.critical));
        d.set("has_critical", as_.overall.critical > 0);
        d.set("disagreement_count", std::to_string(as_.overall.disagreements));
        d.set("disagreement_count_phrase", questions_phrase(as_.overall.disagreements));
        d.set("has_disagreements", as_.overall.disagreements > 0);
        d.set("find_out_count", std::to_string(as_.overall.find_out));
        d.set("has_find_out", as_.overall.find_out > 0);
        // Knowledge gap over all scored answers.
        int dk = 0, scored = 0, missing = 0, shown = 0;
        for (const auto& q : as_.questions) {
            if (q.domain < 0) continue;
            dk += q.dont_know;
            scored += q.answered - q.not_applicable;
            missing += q.missing;
            shown += q.answered + q.missing;
        }
        double gap = scored > 0 ? static_cast<double>(dk) / scored : 0;
        double miss = shown > 0 ? static_cast<double>(missing) / shown : 0;
        d.set("knowledge_gap", percent(gap * 100, l_));
        d.set("missing_share", percent(miss * 100, l_));
        // Response per question: answered by everyone it was shown to, or
        // by fewer than half of them.
        long long questions = 0, by_all = 0;
        list low;
        for (const auto& q : as_.questions) {
            if (q.domain < 0) continue;
            ++questions;
            if (q.respondents > 0 && q.missing == 0) ++by_all;
            if (q.respondents > 0 && 2 * q.answered < q.respondents) {
                Data x;
                x.set("id", q.id);
                x.set("text", ins_.find_question(q.id)->text.get(l_));
                x.set("answered", std::to_string(q.answered));
                x.set("shown", std::to_string(q.respondents));
                low.push_back(x);
            }
        }
        d.set("question_count", std::to_string(questions));
        d.set("question_count_phrase", questions_phrase(questions));
        d.set("answered_by_all", std::to_string(by_all));
        d.set("low_response", low);
        d.set("has_low_response", !low.empty());
        bool few = as_.respondents < ins_.risk.anonymity_threshold;
        std::string conf = few || gap >= 0.3 || miss >= 0.3 ? "low" : gap >= 0.15 || miss >= 0.15 || as_.overall.disagreements > 3 ? "medium" : "high";
        d.set("confidence", conf);
        d.set("confidence_high", conf == "high");
        d.set("confidence_medium", conf == "medium");
        d.set("confidence_low", conf == "low");
        list domains, high;
        std::vector<std::size_t> order(as_.domains.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        for (std::size_t i = 0; i < as_.domains.size(); ++i) domains.push_back(domain_data(i));
        // High domains, highest risk first.
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return as_.domains[a].risk.value_or(-1) > as_.domains[b].risk.value_or(-1);
        });
        for (std::size_t i : order)
            if (as_.domains[i].risk && is_high(as_.domains[i].band)) high.push_back(domain_data(i));
        d.set("domains", domains);
        d.set("high_domains", high);
        d.set("has_high_domains", !high.empty());
        list red;
        for (std::size_t i = 0; i < as_.domains.size(); ++i)
            for (const auto& qid : as_.domains[i].red_flag_questions) {
                Data q;
                q.set("id", qid);
                q.set("text", ins_.find_question(qid)->text.get(l_));
                q.set("domain", domain_of(i).title.get(l_));
                red.push_back(q);
            }
        d.set("red_flags", red);
        list shown_groups, suppressed;
        for (const auto& g : as_.groups) {
            if (g.respondents == 0) continue;
            Data gd;
            gd.set("role", report::role_label(ins_, g.role, l_));
            gd.set("count", std::to_string(g.respondents));
            gd.set("complementary", g.complementary);
            (g.suppressed ? suppressed : shown_groups).push_back(gd);
        }
        d.set("has_groups_shown", !shown_groups.empty());
        d.set("groups_shown", shown_groups);
        d.set("groups_suppressed", suppressed);
        d.set("has_suppressed", !suppressed.empty());
        list diffs;
        for (const auto& g : as_.differences) {
            Data x;
            const Domain* dom = nullptr;
            for (const auto& dd : ins_.domains)
                if (dd.id == g.domain) dom = &dd;
            x.set("domain", dom ? fmt::format("{} {}", dom->id, dom->title.get(l_)) : g.domain);
            x.set("lower_role", report::role_label(ins_, g.lower_role, l_));
            x.set("higher_role", report::role_label(ins_, g.higher_role, l_));
            x.set("lower", percent(g.lower, l_));
            x.set("higher", percent(g.higher, l_));
            diffs.push_back(x);
        }
        d.set("has_group_differences", !as_.differences.empty());
        d.set("group_differences", diffs);
        list top;
        int rank = 0, harm = 0, measures = 0, find_out = 0;
        for (const auto& a : plan_.actions) {
            if (a.kind == ActionKind::do_no_harm) ++harm;
            if (a.kind == ActionKind::measure) ++measures;
            if (a.kind == ActionKind::find_out) ++find_out;
            if (a.kind == ActionKind::find_out || rank >= 5) continue;
            top.push_back(action_data(a, ++rank));
        }
        d.set("top_measures", top);
        d.set("action_count", std::to_string(plan_.actions.size()));
        d.set("do_no_harm_count", std::to_string(harm));
        d.set("measure_count", std::to_string(measures));
        d.set("find_out_actions", std::to_string(find_out));
        d.set("knowledge_gap_share", percent(ins_.risk.knowledge_gap_share * 100, l_));
        d.set("spread_limit", report::decimal(ins_.risk.disagreement_spread, 2, l_));
        d.set("missing_policy_ignore", ins_.risk.missing == MissingPolicy::ignore);
        d.set("has_unevidenced", !ins_.risk.unevidenced_option.empty());
        d.set("unevidenced_option", option_label(ins_.risk.unevidenced_option));
        d.set("unevidenced_score_as", option_label(ins_.risk.unevidenced_score_as));
        d.set("critical_band", report::band_label(ins_, ins_.risk.critical_band, l_));
        d.set("red_flag_band", report::band_label(ins_, ins_.risk.red_flag_band, l_));
        list bands;
        double from = 0;
        for (const auto& b : ins_.risk.bands) {
            Data x;
            x.set("label", b.label.get(l_));
            x.set("from", percent(from, l_));
            x.set("upto", percent(b.upto, l_));
            bands.push_back(x);
            from = b.upto;
        }
        d.set("bands", bands);
        report::set_companion_data(d, ins_, opt_.companions, l_);
        return d;
    }

    std::string option_label(const std::string& id) const {
        for (const auto& s : ins_.scales)
            if (const Option* o = s.find(id)) return o->label.get(l_);
        return id;
    }

    std::string quadrant_label(Quadrant q) const {
        switch (q) {
        case Quadrant::quick_win: return tr(l_, "snelle winst", "quick win");
        case Quadrant::major_project: return tr(l_, "groot project", "major project");
        case Quadrant::fill_in: return tr(l_, "opvuller", "fill-in");
        case Quadrant::reconsider: return tr(l_, "heroverwegen", "reconsider");
        }
        return "";
    }

    Data action_data(const PlanAction& a, int rank) const {
        Data x;
        x.set("rank", std::to_string(rank));
        x.set("id", a.measure.empty() ? a.id : a.measure);
        x.set("title", action_title(ins_, a, l_));
        x.set("quadrant", quadrant_label(a.quadrant));
        x.set("timeframe", report::timeframe_label(a.timeframe, l_));
        x.set("effort", report::level_label(a.effort, l_));
        x.set("impact", report::level_label(a.impact, l_));
        x.set("red_flag", a.kind == ActionKind::do_no_harm);
        x.set("questions", fmt::format("{}", fmt::join(a.questions, ", ")));
        return x;
    }

    // ---- directives: the generated parts ----

    bool directive(const report::Directive& dir, doc::Blocks& out) {
        const std::string& n = dir.name;
        std::string arg;
        for (char c : dir.arg)
            if (c != '\\') arg += c;
        if (n == "cover") return cover(out), true;
        if (n == "page-break") return out.push_back(doc::page_break()), true;
        if (!scored() && risk_only(n)) {
            diags_.error(dir.where, fmt::format("[[{}]] needs a risk model, and instrument '{}' has none (risk.scored = false)", n, ins_.id),
                         "leave out --template to get the results report (report-templates/uitkomsten.nl.md, results.en.md), "
                         "or put this line inside {{#scored}} ... {{/scored}}");
            return true;
        }
        if (n == "chart:domain-risk") return chart(out, report::domain_risk_chart(charts_)), true;
        if (n == "chart:heatmap") return chart(out, report::heatmap_chart(charts_)), true;
        if (n == "chart:groups") {
            bool any = std::any_of(as_.groups.begin(), as_.groups.end(), [](const GroupResult& g) { return !g.suppressed && !g.domains.empty(); });
            if (any) chart(out, report::group_chart(charts_));
            else out.push_back(note_paragraph(tr(l_, "Geen rolgroep heeft genoeg deelnemers om apart te tonen.",
                                                   "No role group has enough respondents to be shown on its own.")));
            return true;
        }
        if (n == "chart:impact-effort") return impact_effort(out), true;
        if (n == "table:domains") return domains_table(out), true;
        if (n == "table:red-flags") return red_flags_table(out), true;
        if (n == "table:top-measures") return plan_table(out, 5, false), true;
        if (n == "table:plan") return plan_table(out, 0, true), true;
        if (n == "table:find-out") return find_out_table(out), true;
        if (n == "table:discuss") return discuss_table(out), true;
        if (n == "table:groups") return groups_table(out), true;
        if (n == "table:bands") return bands_table(out), true;
        if (n == "sources") return sources(out), true;
        if (n == "companions") return companions(out), true;
        const Domain* dom = nullptr;
        for (const auto& d : ins_.domains)
            if (d.id == arg) dom = &d;
        if (n == "chart:distribution" || n == "table:questions" || n == "notes" || n == "table:numbers" || n == "answers" ||
            n == "table:by-role") {
            if (!dom) return false;
            if (n == "table:by-role") {
                if (auto t = report::role_means_table(ins_, rs_, as_, *dom, l_, opt_.min_answers)) out.push_back(doc::block(std::move(*t)));
                return true;
            }
            if (n == "chart:distribution") distribution(out, *dom);
            else if (n == "table:questions") scored() ? questions_table(out, *dom) : results_table(out, *dom);
            else if (n == "table:numbers") numbers_table(out, *dom);
            else if (n == "answers") open_answers(out, *dom);
            else notes(out, *dom);
            return true;
        }
        return false;
    }

    void chart(doc::Blocks& out, doc::Chart c) { out.push_back(doc::block(std::move(c))); }

    // Each companion questionnaire as a results report of its own, poured
    // into the companion template; below the anonymity minimum only how many
    // answered (src/report/companions.hpp).
    void companions(doc::Blocks& out) {
        for (const auto& c : opt_.companions) {
            doc::Blocks part = report::companion_shown(ins_, c) ? companion_blocks(c) : report::companion_withheld(ins_, c, l_);
            for (auto& b : part) out.push_back(std::move(b));
        }
    }

    doc::Blocks companion_blocks(const CompanionSet& c) {
        ReportOptions co;
        co.lang = l_;
        co.paper = opt_.paper;
        co.text_width = opt_.text_width;
        co.template_path = opt_.companion_template_path;
        co.template_text = opt_.companion_template_text;
        co.min_answers = report::companion_minimum(ins_, *c.instrument);
        return build_report(*c.instrument, *c.responses, *c.assessment, Plan{}, co, diags_).blocks;
    }

    doc::Block note_paragraph(std::string s) const {
        doc::Paragraph p;
        p.runs.push_back(run(std::move(s), doc::italic));
        p.color = palette::muted;
        return doc::block(std::move(p));
    }

    void cover(doc::Blocks& out) {
        if (!opt_.logo.empty()) {
            doc::Image img;
            img.path = opt_.logo;
            img.width = 120;
            std::string org = organisation();
            img.alt = org.empty() ? std::string(tr(l_, "Logo", "Logo")) : fmt::format("{} {}", tr(l_, "Logo van", "Logo of"), org);
            out.push_back(doc::block(std::move(img)));
        }
        out.push_back(doc::spacer(90));
        doc::Paragraph kicker;
        kicker.runs.push_back(run(scored() ? tr(l_, "RISICORAPPORT · ZELFSCAN", "RISK REPORT · SELF-SCAN")
                                           : tr(l_, "UITKOMSTEN · VRAGENLIJST", "RESULTS · QUESTIONNAIRE"),
                                  doc::bold));
        kicker.size = 9;
        kicker.color = palette::accent;
        out.push_back(doc::block(std::move(kicker)));
        doc::Heading h;
        h.level = 1;
        h.text.push_back(run(title()));
        h.anchor = "titel";
        h.in_outline = false;
        out.push_back(doc::block(std::move(h)));
        std::string org = organisation(), un = unit();
        if (!org.empty() || !un.empty()) {
            doc::Paragraph p;
            p.runs.push_back(run(org.empty() ? un : un.empty() ? org : fmt::format("{} · {}", org, un)));
            p.size = 14;
            p.color = palette::muted;
            out.push_back(doc::block(std::move(p)));
        }
        out.push_back(doc::spacer(40));
        auto [lo, hi] = dates();
        doc::Table t;
        t.columns = {{doc::Align::left, 150}, {doc::Align::left, 0}};
        t.header_rows = 0;
        t.row_headers = true;
        auto row = [&](std::string k, std::string v) { t.rows.push_back({{cell(std::move(k), doc::bold), cell(std::move(v))}}); };
        row(tr(l_, "Instrument", "Instrument"), fmt::format("{} ({} {})", ins_.title.get(l_), ins_.id, ins_.version.text));
        row(tr(l_, "Antwoorden gegeven", "Answers given"),
            lo.empty() ? std::string(tr(l_, "datum onbekend", "date unknown"))
                       : lo == hi ? report::long_date(lo, l_) : fmt::format("{} – {}", report::long_date(lo, l_), report::long_date(hi, l_)));
        std::string who = answer_sets_phrase(as_.respondents);
        if (as_.sessions > 0) who += fmt::format(" ({})", sessions_phrase(as_.sessions));
        row(tr(l_, "Deelnemers", "Respondents"), who);
        std::string roles;
        for (const auto& g : as_.groups)
            if (g.respondents > 0)
                roles += fmt::format("{}{}: {}", roles.empty() ? "" : "; ", report::role_label(ins_, g.role, l_), g.respondents);
        row(tr(l_, "Per rolgroep", "By role group"), roles);
        out.push_back(doc::block(std::move(t)));
        out.push_back(doc::page_break());
    }

    void domains_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Thema", "Theme"), doc::Align::left},
                        {tr(l_, "Risico", "Risk"), doc::Align::right},
                        {tr(l_, "Niveau", "Level"), doc::Align::left},
                        {tr(l_, "Rode vlag", "Red flag"), doc::Align::left},
                        {tr(l_, "Weet niet", "Don't know"), doc::Align::right}});
        for (std::size_t i = 0; i < as_.domains.size(); ++i) {
            const auto& dr = as_.domains[i];
            std::string flag = dr.lifted_red_flag ? fmt::format("{}", fmt::join(dr.red_flag_questions, ", "))
                             : dr.lifted_critical ? std::string(tr(l_, "kritiek: ", "critical: ")) + fmt::format("{}", fmt::join(dr.critical_questions, ", "))
                                                  : "";
            t.rows.push_back({{cell(fmt::format("{} {}", domain_of(i).id, domain_of(i).title.get(l_))),
                               cell(dr.risk ? percent(*dr.risk, l_) : "–"),
                               cell(dr.risk ? report::band_label(ins_, dr.band, l_) : "–", is_high(dr.band) ? doc::bold : doc::plain),
                               cell(flag), cell(percent(dr.knowledge_gap * 100, l_))}});
        }
        out.push_back(doc::block(std::move(t)));
    }

    void red_flags_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Wat is er aan de hand", "What is the matter"), doc::Align::left},
                        {tr(l_, "Aantal", "Count"), doc::Align::right}});
        for (const auto& q : as_.questions) {
            if (q.red_flags == 0) continue;
            t.rows.push_back({{cell(q.id, doc::bold), cell(ins_.find_question(q.id)->text.get(l_)),
                               cell(fmt::format("{} {} {}", q.red_flags, tr(l_, "van", "of"), q.answered))}});
        }
        if (t.rows.size() == 1) return out.push_back(note_paragraph(tr(l_, "Geen rode vlaggen.", "No red flags.")));
        out.push_back(doc::block(std::move(t)));
    }

    std::string short_timeframe(Timeframe t) const {
        switch (t) {
        case Timeframe::now: return tr(l_, "nu", "now");
        case Timeframe::months3: return tr(l_, "≤ 3 mnd", "≤ 3 months");
        case Timeframe::months12: return tr(l_, "≤ 12 mnd", "≤ 12 months");
        }
        return "";
    }

    void plan_table(doc::Blocks& out, std::size_t limit, bool full) {
        std::vector<std::pair<std::string, doc::Align>> head = {{"#", doc::Align::right},
                                                                {tr(l_, "Maatregel", "Measure"), doc::Align::left},
                                                                {tr(l_, "Wanneer", "When"), doc::Align::left}};
        if (full) {
            head.push_back({tr(l_, "Soort", "Kind"), doc::Align::left});
            head.push_back({tr(l_, "Vragen", "Questions"), doc::Align::left});
            head.push_back({tr(l_, "Eigenaar", "Owner"), doc::Align::left});
            head.push_back({tr(l_, "Deadline", "Deadline"), doc::Align::left});
        } else {
            head.push_back({tr(l_, "Vragen", "Questions"), doc::Align::left});
        }
        auto t = table(head);
        std::size_t n = 0;
        for (const auto& a : plan_.actions) {
            if (a.kind == ActionKind::find_out) continue;
            if (limit && n >= limit) break;
            ++n;
            doc::TableCell title;
            if (a.kind == ActionKind::do_no_harm) {
                doc::Inline flag = run(tr(l_, "RODE VLAG · ", "RED FLAG · "), doc::bold);
                flag.color = palette::risk[3];
                title.text.push_back(flag);
            }
            title.text.push_back(run(fmt::format("{} ", a.measure), doc::bold));
            title.text.push_back(run(action_title(ins_, a, l_)));
            if (const Measure* m = ins_.find_measure(a.measure); m && !m->first_step.empty() && full) {
                doc::Inline step = run(fmt::format("\n{}: {}", tr(l_, "Eerste stap", "First step"), m->first_step.get(l_)), doc::italic);
                step.color = palette::muted;
                title.text.push_back(step);
            }
            doc::TableRow row{{cell(std::to_string(n)), title, cell(short_timeframe(a.timeframe))}};
            if (full) {
                doc::TableCell kind{{run(quadrant_label(a.quadrant))}};
                doc::Inline levels = run(fmt::format("\n{} {} · {} {}", tr(l_, "inspanning", "effort"), report::level_label(a.effort, l_),
                                                     tr(l_, "effect", "impact"), report::level_label(a.impact, l_)));
                levels.color = palette::muted;
                levels.size = 8;
                kind.text.push_back(levels);
                row.cells.push_back(kind);
                row.cells.push_back(cell(fmt::format("{}", fmt::join(a.questions, " "))));
                row.cells.push_back(cell(""));
                row.cells.push_back(cell(""));
            } else {
                row.cells.push_back(cell(fmt::format("{}", fmt::join(a.questions, ", "))));
            }
            t.rows.push_back(std::move(row));
        }
        if (n == 0) return out.push_back(note_paragraph(tr(l_, "De antwoorden wijzen op geen enkele maatregel.", "The answers point to no measure.")));
        t.columns[0].width = 24;
        if (full) {
            t.columns[1].width = 172;
            t.columns[2].width = 50;
            t.columns[3].width = 75;
            t.columns[4].width = 42;
            t.columns[5].width = 46;
            t.columns[6].width = 46;
        } else {
            t.columns[1].width = 280;
            t.columns[2].width = 60;
        }
        out.push_back(doc::block(std::move(t)));
    }

    void find_out_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Zoek uit", "Find out"), doc::Align::left},
                        {tr(l_, "Weet niet", "Don't know"), doc::Align::right}});
        for (const auto& a : plan_.actions) {
            if (a.kind != ActionKind::find_out) continue;
            const QuestionResult* q = as_.find_question(a.question);
            t.rows.push_back({{cell(a.question, doc::bold), cell(ins_.find_question(a.question)->text.get(l_)),
                               cell(q ? percent(q->knowledge_gap * 100, l_) : "")}});
        }
        if (t.rows.size() == 1) return out.push_back(note_paragraph(tr(l_, "Geen grote kennisgaten.", "No large knowledge gaps.")));
        out.push_back(doc::block(std::move(t)));
    }

    void discuss_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Bespreek", "Discuss"), doc::Align::left},
                        {tr(l_, "Waarom", "Why"), doc::Align::left}});
        for (const auto& q : as_.questions) {
            if (q.domain < 0 || !(q.disagreement || q.find_out)) continue;
            std::string why;
            if (q.disagreement)
                why = q.opposites ? tr(l_, "zowel ‘ja’ als ‘nee’ gegeven", "both ‘yes’ and ‘no’ given")
                                  : tr(l_, "antwoorden lopen ver uiteen", "answers differ widely");
            if (q.find_out)
                why += fmt::format("{}{} {}", why.empty() ? "" : "; ", percent(q.knowledge_gap * 100, l_), tr(l_, "weet het niet", "don't know"));
            t.rows.push_back({{cell(q.id, doc::bold), cell(ins_.find_question(q.id)->text.get(l_)), cell(why)}});
        }
        if (t.rows.size() == 1)
            return out.push_back(note_paragraph(tr(l_, "Er zijn geen vragen met grote verschillen of kennisgaten.",
                                                   "There are no questions with large differences or knowledge gaps.")));
        t.columns[2].width = 130;
        out.push_back(doc::block(std::move(t)));
    }

    void questions_table(doc::Blocks& out, const Domain& dom) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Antwoorden", "Answers"), doc::Align::left},
                        {tr(l_, "Risico", "Risk"), doc::Align::right},
                        {tr(l_, "Let op", "Flags"), doc::Align::left}});
        for (const auto& q : dom.questions) {
            const QuestionResult* qr = as_.find_question(q.id);
            if (!qr) continue;
            doc::TableCell text = question_cell(q);
            std::string dist;
            for (const auto& [count, label] : answer_counts(q, *qr))
                dist += fmt::format("{}{} {}", dist.empty() ? "" : ", ", count, label);
            if (qr->missing) dist += fmt::format("{}{} {}", dist.empty() ? "" : ", ", qr->missing, tr(l_, "leeg", "empty"));
            if (qr->skipped) dist += fmt::format("{}{} {}", dist.empty() ? "" : ", ", qr->skipped, tr(l_, "overgeslagen", "skipped"));
            std::string flags;
            auto add = [&](const char* nl, const char* en) { flags += (flags.empty() ? "" : ", ") + std::string(tr(l_, nl, en)); };
            if (qr->red_flags) add("rode vlag", "red flag");
            if (qr->critical_answers && q.weight >= ins_.risk.critical_weight) add("kritiek", "critical");
            if (qr->disagreement) add("verschil van mening", "disagreement");
            if (qr->find_out) add("kennisgat", "knowledge gap");
            if (qr->unevidenced) add("‘ja’ zonder bewijs", "‘yes’ without evidence");
            doc::TableCell fc{{run(flags, qr->red_flags ? doc::bold : doc::plain)}};
            t.rows.push_back({{text, cell(dist.empty() ? "–" : dist), cell(qr->mean_risk ? report::decimal(*qr->mean_risk, 2, l_) : "–"), fc}});
        }
        t.columns[0].width = 190;
        t.columns[3].width = 80;
        out.push_back(doc::block(std::move(t)));
    }

    // Respondents' words: plain text in table cells (never Markdown), never
    // with their code. The same text from several people is shown once,
    // with a count.
    void notes(doc::Blocks& out, const Domain& dom) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Soort", "Kind"), doc::Align::left},
                        {tr(l_, "Wat deelnemers schreven", "What respondents wrote"), doc::Align::left}});
        for (const auto& q : dom.questions) {
            const QuestionResult* qr = as_.find_question(q.id);
            if (!qr) continue;
            auto add = [&](const std::vector<std::string>& items, const char* nl, const char* en) {
                // A director reads a handful per question, not hundreds.
                auto merged = merge_texts(items, 6);
                for (const auto& [text, count] : merged) {
                    if (count < 0) {
                        doc::TableCell more{{run(more_in_files(text), doc::italic)}};
                        more.text.front().color = palette::muted;
                        t.rows.push_back({{cell(q.id, doc::bold), cell(tr(l_, nl, en)), more}});
                        continue;
                    }
                    doc::TableCell c{{run(text)}};
                    if (count > 1) {
                        doc::Inline times = run(fmt::format("  ({}×)", count), doc::italic);
                        times.color = palette::muted;
                        c.text.push_back(times);
                    }
                    t.rows.push_back({{cell(q.id, doc::bold), cell(tr(l_, nl, en)), c}});
                }
            };
            add(qr->notes, "toelichting", "note");
            if (scored()) add(qr->texts, "antwoord", "answer");
            add(qr->reasons, "waarom n.v.t.", "why n/a");
            add(qr->evidence, "bewijs", "evidence");
        }
        if (t.rows.size() == 1) return out.push_back(note_paragraph(tr(l_, "Geen toelichtingen bij dit thema.", "No notes on this theme.")));
        t.columns[0].width = 40;
        t.columns[1].width = 70;
        out.push_back(doc::block(std::move(t)));
    }

    std::string more_in_files(const std::string& rest) const {
        return fmt::format("{} {}", rest, tr(l_, "meer in de antwoordbestanden", "more in the answer files"));
    }

    // In a companion's part (min_answers > 0) a question answered by a few
    // shows only its count.
    bool too_few(const QuestionResult& qr) const { return opt_.min_answers > 0 && qr.answered > 0 && qr.answered < opt_.min_answers; }

    doc::TableCell withheld_cell() const {
        doc::TableCell c{{run(fmt::format("{} {}.", tr(l_, "Te weinig antwoorden om te tonen: minder dan", "Too few answers to show: fewer than"),
                                          opt_.min_answers),
                              doc::italic)}};
        c.text.front().color = palette::muted;
        return c;
    }

    static bool is_choice(const Question& q) { return q.kind == QuestionKind::choice || q.kind == QuestionKind::multi; }

    // "4 van 5": answered out of those to whom the question was shown.
    std::string response(const QuestionResult& qr) const {
        return fmt::format("{} {} {}", qr.answered, tr(l_, "van", "of"), qr.respondents);
    }

    // How often each answer to `q` was given, in scale order, with its
    // label; answers no one gave are left out.
    std::vector<std::pair<int, std::string>> answer_counts(const Question& q, const QuestionResult& qr) const {
        std::vector<std::pair<int, std::string>> counts;
        if (const Scale* s = ins_.find_scale(q.scale))
            for (const auto& oc : qr.options)
                if (oc.count > 0)
                    if (const Option* o = s->find(oc.option)) counts.emplace_back(oc.count, o->label.get(l_));
        return counts;
    }

    doc::TableCell question_cell(const Question& q) const {
        doc::TableCell text;
        text.text.push_back(run(q.id + " ", doc::bold));
        text.text.push_back(run(q.text.get(l_)));
        return text;
    }

    // The answer bars of a theme; a theme without choice questions has none.
    void distribution(doc::Blocks& out, const Domain& dom) {
        bool any = std::any_of(dom.questions.begin(), dom.questions.end(), [](const Question& q) { return q.kind == QuestionKind::choice; });
        if (!any) return;
        doc::Block c = doc::block(report::distribution_chart(charts_, dom));
        // In the results report the theme's intro comes right before its
        // chart: keep the two (and so the heading) on one page.
        if (!scored() && !out.empty() && std::holds_alternative<doc::Paragraph>(out.back().content)) {
            doc::Group g;
            g.blocks.push_back(std::move(out.back()));
            g.blocks.push_back(std::move(c));
            out.back() = doc::block(std::move(g));
            return;
        }
        out.push_back(std::move(c));
    }

    // The question table without a risk model: the choice questions of a
    // theme, how often each answer was given and how many answered.
    void results_table(doc::Blocks& out, const Domain& dom) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Antwoorden", "Answers"), doc::Align::left},
                        {tr(l_, "Ingevuld", "Answered"), doc::Align::right}});
        for (const auto& q : dom.questions) {
            const QuestionResult* qr = as_.find_question(q.id);
            if (!qr || !is_choice(q)) continue;
            if (too_few(*qr)) {
                t.rows.push_back({{question_cell(q), withheld_cell(), cell(response(*qr))}});
                continue;
            }
            std::string dist;
            for (const auto& [count, label] : answer_counts(q, *qr))
                dist += fmt::format("{}{} × {}", dist.empty() ? "" : "\n", count, label);
            if (qr->skipped) dist += fmt::format("{}{} {}", dist.empty() ? "" : "\n", qr->skipped, tr(l_, "overgeslagen", "skipped"));
            t.rows.push_back({{question_cell(q), cell(dist.empty() ? "–" : dist), cell(response(*qr))}});
        }
        if (t.rows.size() == 1) return;
        t.columns[0].width = 200;
        t.columns[2].width = 58;
        out.push_back(doc::block(std::move(t)));
    }

    // Number questions: how many answered, mean, median, lowest, highest.
    void numbers_table(doc::Blocks& out, const Domain& dom) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Ingevuld", "Answered"), doc::Align::right},
                        {tr(l_, "Gemiddeld", "Mean"), doc::Align::right},
                        {tr(l_, "Mediaan", "Median"), doc::Align::right},
                        {tr(l_, "Laagste", "Lowest"), doc::Align::right},
                        {tr(l_, "Hoogste", "Highest"), doc::Align::right}});
        for (const auto& q : dom.questions) {
            const QuestionResult* qr = as_.find_question(q.id);
            if (!qr || q.kind != QuestionKind::number) continue;
            doc::TableCell text = question_cell(q);
            if (std::string unit = q.unit.get(l_); !unit.empty()) {
                doc::Inline u = run(fmt::format("\n({})", unit), doc::italic);
                u.color = palette::muted;
                text.text.push_back(u);
            }
            NumberSummary n = summarize_numbers(qr->numbers);
            bool few = too_few(*qr);
            auto fig = [&](double v) { return cell(n.count && !few ? report::amount(v, l_) : "–"); };
            t.rows.push_back({{text, cell(response(*qr)), fig(n.mean), fig(n.median), fig(n.lowest), fig(n.highest)}});
        }
        if (t.rows.size() == 1) return;
        t.columns[0].width = 170;
        for (std::size_t c = 1; c < t.columns.size(); ++c) t.columns[c].width = 57;
        out.push_back(doc::block(std::move(t)));
    }

    // Answers to open questions, exactly as written: plain text in table
    // cells (never Markdown), without respondent codes, like the notes.
    void open_answers(doc::Blocks& out, const Domain& dom) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Wat deelnemers schreven", "What respondents wrote"), doc::Align::left}});
        for (const auto& q : dom.questions) {
            const QuestionResult* qr = as_.find_question(q.id);
            if (!qr || q.kind != QuestionKind::text) continue;
            if (qr->texts.empty()) {
                doc::TableCell none{{run(tr(l_, "Niemand schreef hier iets.", "Nobody wrote anything here."), doc::italic)}};
                none.text.front().color = palette::muted;
                t.rows.push_back({{question_cell(q), none}});
                continue;
            }
            if (too_few(*qr)) {
                t.rows.push_back({{question_cell(q), withheld_cell()}});
                continue;
            }
            // One row per question, so its answers stay on one page with it;
            // a blank line between answers.
            doc::TableCell c;
            for (const auto& [text, count] : merge_texts(qr->texts, 12)) {
                if (!c.text.empty()) c.text.push_back(run("\n\n"));
                // A closing line break of a multi-line TOML string is no part of the answer.
                std::string shown = count < 0 ? more_in_files(text) : text.substr(0, text.find_last_not_of(" \t\r\n") + 1);
                c.text.push_back(run(std::move(shown), count < 0 ? doc::italic : doc::plain));
                if (count < 0) c.text.back().color = palette::muted;
                if (count > 1) {
                    doc::Inline times = run(fmt::format("  ({}×)", count), doc::italic);
                    times.color = palette::muted;
                    c.text.push_back(times);
                }
            }
            t.rows.push_back({{question_cell(q), c}});
        }
        if (t.rows.size() == 1) return;
        t.columns[0].width = 175;
        out.push_back(doc::block(std::move(t)));
    }

    void groups_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Rolgroep", "Role group"), doc::Align::left},
                        {tr(l_, "Deelnemers", "Respondents"), doc::Align::right},
                        {tr(l_, "In dit rapport", "In this report"), doc::Align::left}});
        for (const auto& g : as_.groups) {
            if (g.respondents == 0) continue;
            std::string shown = !g.suppressed ? tr(l_, "apart getoond", "shown separately")
                              : g.complementary ? tr(l_, "niet apart getoond, ter bescherming van een andere kleine groep",
                                                     "not shown separately, to protect another small group")
                                                : tr(l_, "niet apart getoond: te weinig deelnemers", "not shown separately: too few respondents");
            t.rows.push_back({{cell(report::role_label(ins_, g.role, l_)), cell(std::to_string(g.respondents)), cell(shown)}});
        }
        out.push_back(doc::block(std::move(t)));
    }

    void bands_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Niveau", "Level"), doc::Align::left}, {tr(l_, "Risicoscore", "Risk score"), doc::Align::left}});
        double from = 0;
        for (const auto& b : ins_.risk.bands) {
            doc::TableCell name;
            doc::Inline sw = run("● ", doc::bold);
            sw.color = doc::parse_color(b.colour);
            name.text.push_back(sw);
            name.text.push_back(run(b.label.get(l_)));
            t.rows.push_back({{name, cell(fmt::format("{} {} {}", from == 0 ? "0%" : fmt::format("> {}", percent(from, l_)),
                                                       tr(l_, "tot en met", "up to"), percent(b.upto, l_)))}});
            from = b.upto;
        }
        out.push_back(doc::block(std::move(t)));
    }

    void impact_effort(doc::Blocks& out) {
        std::vector<report::MatrixPoint> pts;
        auto level = [](Level l) { return l == Level::low ? 1 : l == Level::medium ? 2 : 3; };
        for (const auto& a : plan_.actions) {
            if (a.kind == ActionKind::find_out) continue;
            pts.push_back({a.measure, level(a.impact), level(a.effort), a.kind == ActionKind::do_no_harm});
        }
        chart(out, report::impact_effort_chart(charts_, pts));
    }

    void sources(doc::Blocks& out) {
        doc::List l;
        l.tight = true;
        for (const auto& s : ins_.sources) {
            doc::Inlines runs;
            if (!s.authors.empty()) runs.push_back(run(fmt::format("{} ({}). ", s.authors, s.year)));
            else runs.push_back(run(fmt::format("({}). ", s.year)));
            runs.push_back(run(s.title.get(l_), doc::italic));
            if (!s.publisher.empty()) runs.push_back(run(fmt::format(". {}", s.publisher)));
            runs.push_back(run("."));
            if (!s.url.empty()) {
                runs.push_back(run(" "));
                runs.push_back(doc::link(s.url, s.url));
            }
            doc::ListItem item;
            item.blocks.push_back(doc::paragraph(std::move(runs)));
            l.items.push_back(std::move(item));
        }
        if (!l.items.empty()) out.push_back(doc::block(std::move(l)));
    }

    const Instrument& ins_;
    const std::vector<Response>& rs_;
    const Assessment& as_;
    const Plan& plan_;
    const ReportOptions& opt_;
    std::string l_;
    Diagnostics& diags_;
    report::ChartContext charts_;
};

} // namespace

const std::vector<std::string>& report_placeholders() { return placeholders; }
const std::vector<std::string>& report_directives() { return directives; }

doc::Document build_report(const Instrument& ins, const std::vector<Response>& responses, const Assessment& as,
                           const Plan& plan, const ReportOptions& options, Diagnostics& diags) {
    return ReportBuilder(ins, responses, as, plan, options, diags).build();
}

} // namespace zs
