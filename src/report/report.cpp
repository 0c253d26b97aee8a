#include "report/report.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include <fmt/format.h>

#include "document/markdown.hpp"
#include "document/palette.hpp"
#include "document/style.hpp"
#include "layout/layout.hpp"
#include "report/charts.hpp"
#include "report/changes.hpp"
#include "report/format.hpp"
#include "report/template.hpp"
#include "scoring/number_summary.hpp"
#include "scoring/plan_export.hpp"
#include "util/files.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

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
    "top_domains", "has_top_domains", "top_band",
    "domains", "id", "title", "text", "risk", "band", "band_id", "lifted", "lifted_red_flag", "lifted_critical",
    "question_count", "top_question", "top_question_text", "has_notes", "note_count", "domain", "groups_shown",
    "groups_suppressed", "has_groups_shown", "has_suppressed", "complementary", "group_differences",
    "has_group_differences", "lower_role", "higher_role", "lower", "higher", "top_measures", "rank", "quadrant",
    "timeframe", "effort", "impact", "red_flag", "action_count", "do_no_harm_count", "measure_count",
    "find_out_actions", "missing_share", "has_missing", "disagreement_reason", "response_note", "sources", "authors", "year", "publisher", "url",
    "instrument_description", "intro", "questions", "weight", "mean_risk", "disagreement", "find_out",
    "knowledge_gap_share", "spread_limit", "missing_policy_ignore", "has_unevidenced", "unevidenced_option",
    "unevidenced_score_as", "critical_band", "red_flag_band", "bands", "label", "from", "upto", "confidence",
    "confidence_high", "confidence_medium", "confidence_low", "respondents_phrase", "individuals_phrase",
    "sessions_phrase", "disagreement_count_phrase", "question_count_phrase", "has_choice", "has_numbers",
    "has_open_questions", "open_answer_count", "has_sources", "answered_by_all", "has_low_response", "low_response", "answered",
    "shown", "companions", "has_companions", "version", "minimum", "has_heatmap", "not_applicable", "has_not_applicable", "not_applicable_count", "show_range", "risk_low",
    "risk_high", "band_low", "band_high", "band_holds", "has_range_domains", "range_domains", "has_contradictions",
    "contradictions", "when", "contradicts", "confidence_reasons", "reason", "deadline_days", "count_text", "measure",
    "has_later", "later_count", "plan_size", "agenda_size", "red_flag_lifts", "has_profile", "has_open_answers",
    "uncovered", "has_uncovered", "gap", "dont_know", "headline", "high_domain_count", "any_lifted", "last",
    "shifting_domains", "has_shifting", "holding_domains", "has_holding", "has_low_gap", "range_threshold",
    "harm_measure_count", "withheld"};

const std::vector<std::string> directives = {
    "cover", "page-break", "chart:domain-risk", "chart:heatmap", "chart:groups", "chart:distribution",
    "chart:impact-effort", "table:domains", "table:questions", "table:red-flags", "table:top-measures",
    "table:discuss", "table:plan", "table:find-out", "table:groups", "table:bands", "notes", "sources",
    "table:numbers", "answers", "companions", "contents", "table:by-role", "method", "table:profile", "appendix:answers",
    "table:later", "changes", "summary:key-figures", "summary:findings", "chart:domain-mini"};

// Parts that only mean something with a risk model. For an instrument
// without one (risk.scored = false) they are an error at the directive:
// an empty plan or a chart of nothing would mislead the reader.
bool risk_only(const std::string& directive) {
    static const std::set<std::string> names = {"chart:domain-risk", "chart:heatmap",    "chart:groups",
                                                "chart:impact-effort", "table:domains",  "table:red-flags",
                                                "table:top-measures",  "table:plan",     "table:discuss",
                                                "table:find-out",      "table:bands",    "method", "table:later",
                                                "summary:key-figures", "summary:findings", "chart:domain-mini"};
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
    ReportBuilder(const Instrument& ins, const RespondentFacts& facts, const Assessment& as, const Plan& plan,
                  const ReportOptions& opt, Diagnostics& diags)
        : ins_(ins), facts_(facts), as_(as), plan_(plan), opt_(opt), l_(opt.lang), diags_(diags),
          charts_{ins, as, opt.lang, opt.text_width, opt.min_answers} {}

    // [[contents]]: the chapters and their sections with their pages, known
    // only after layout (build_report lays out once to find them).
    struct ContentsEntry {
        int level = 1;
        std::string title, anchor;
        int page = 0;
    };
    [[nodiscard]] bool wants_contents() const { return wants_contents_; }
    // The entries to list, or `placeholders` rows of the same size when the
    // pages are not known yet.
    void set_contents(std::vector<ContentsEntry> entries, std::size_t rows_to_keep) {
        contents_ = std::move(entries);
        placeholders_ = rows_to_keep;
    }

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
        d.info.instrument_label = ins_.title.get(l_); // a director reads the name, not the id
        d.info.paper = opt_.paper;
        d.info.header = title();
        // Footer: who and when; the instrument id and version stay in the
        // running head (and the metadata), once.
        {
            std::string org = organisation();
            d.info.footer = fmt::format("{} · {}", org.empty() ? title() : org, report::long_date(report_date(), l_));
        }
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
        const auto& names = facts_.organisations;
        return names.size() == 1 ? names.begin()->first : "";
    }

    std::string unit() const {
        std::vector<std::string_view> names;
        for (const auto& [name, n] : facts_.units) names.push_back(name);
        return fmt::format("{}", fmt::join(names, ", "));
    }

    std::pair<std::string, std::string> dates() const { return {facts_.first_date, facts_.last_date}; }

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
        d.set("not_applicable", dr.not_applicable);
        d.set("withheld", dr.withheld);
        d.set("minimum", std::to_string(ins_.risk.anonymity_threshold));
        d.set("show_range", dr.show_range);
        d.set("risk_low", dr.risk_low ? percent(*dr.risk_low, l_) : "");
        d.set("risk_high", dr.risk_high ? percent(*dr.risk_high, l_) : "");
        d.set("band_low", report::band_label(ins_, dr.band_low, l_));
        d.set("band_high", report::band_label(ins_, dr.band_high, l_));
        d.set("band_holds", !dr.band_low.empty() && dr.band_low == dr.band_high);
        d.set("uncovered", dr.owners_answered == 0);
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
            // The notes table shows notes, reasons and evidence: any of them opens it.
            notes += static_cast<int>(qr->notes.size() + qr->reasons.size() + qr->evidence.size());
            open += static_cast<int>(qr->texts.size());
            if (scored()) notes += static_cast<int>(qr->texts.size()); // the risk report shows them with the notes
            if (qr->mean_risk && (!top || *qr->mean_risk > *top->mean_risk + 1e-12)) top = qr;
        }
        // No top question (nothing scored, or all withheld): false, so the
        // template's {{#top_question}} section stays out.
        if (top) {
            d.set("top_question", top->id);
            d.set("top_question_text", ins_.find_question(top->id)->text.get(l_));
        } else {
            d.set("top_question", false);
            d.set("top_question_text", "");
        }
        d.set("has_notes", notes > 0);
        d.set("note_count", std::to_string(notes));
        d.set("has_choice", choice);
        d.set("has_numbers", numbers);
        d.set("has_open_questions", texts);
        d.set("open_answer_count", std::to_string(open));
        list rf;
        for (const auto& qid : dr.red_flag_questions) rf.push_back(red_flag_data(qid, i));
        d.set("red_flags", rf);
        d.set("has_red_flags", !dr.red_flag_questions.empty());
        return d;
    }

    // "1 van 12": respondents who gave a red-flag answer, of those who answered.
    std::string count_text(const QuestionResult& q) const {
        if (too_few(q)) return fmt::format("{} {} {}", tr(l_, "minder dan", "fewer than"), minimum(), tr(l_, "mensen kregen de vraag", "people got the question"));
        return fmt::format("{} {} {}", q.red_flags, tr(l_, "van", "of"), q.answered - q.not_applicable);
    }

    // The do-no-harm measure of a red-flag question, if the instrument has one.
    const Measure* harm_measure(const std::string& qid) const {
        for (const auto& m : ins_.measures)
            if (m.red_flag && std::find(m.addresses.begin(), m.addresses.end(), qid) != m.addresses.end()) return &m;
        return nullptr;
    }

    Data red_flag_data(const std::string& qid, std::size_t domain) const {
        Data q;
        const QuestionResult* qr = as_.find_question(qid);
        q.set("id", qid);
        q.set("text", ins_.find_question(qid)->text.get(l_));
        q.set("domain", domain_of(domain).title.get(l_));
        q.set("count_text", qr ? count_text(*qr) : "");
        const Measure* m = harm_measure(qid);
        q.set("measure", m ? fmt::format("{} {}", m->id, m->title.get(l_)) : "");
        return q;
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
        int missing = 0, shown = 0;
        for (const auto& q : as_.questions) {
            if (!counts_in_gap(q)) continue;
            missing += q.missing;
            shown += q.answered + q.missing;
        }
        double miss = shown > 0 ? static_cast<double>(missing) / shown : 0;
        d.set("knowledge_gap", percent(knowledge_gap_share(), l_));
        d.set("missing_share", percent(miss * 100, l_));
        d.set("has_missing", percent(miss * 100, l_) != percent(0, l_)); // "0% leeg" is not said
        // The disagreement is a reason the picture is less certain: the
        // reasons say it, so the sentence before them need not.
        d.set("disagreement_reason", as_.confidence.disagreement_share >= 0.10 - 1e-9);
        d.set("dont_know", dont_know_words());
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
        std::string conf(to_string(as_.confidence.level));
        d.set("confidence", conf);
        list reasons;
        for (const auto& r : confidence_reasons()) {
            Data x;
            x.set("reason", r);
            reasons.push_back(x);
        }
        d.set("confidence_reasons", reasons);
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
        std::vector<std::size_t> top_band_domains;
        for (std::size_t i : order) {
            if (as_.domains[i].risk && is_high(as_.domains[i].band)) high.push_back(domain_data(i));
            if (as_.domains[i].risk && !ins_.risk.bands.empty() && as_.domains[i].band == ins_.risk.bands.back().id) top_band_domains.push_back(i);
        }
        // Does the level hold? Where much is unknown (show_range), the
        // level either holds at both ends of the range or shifts; the rest
        // have little unknown. One rule for the summary, the table and the
        // chart's range lines.
        std::vector<std::size_t> with_range, shifting, holding;
        bool low_gap = false;
        for (std::size_t i = 0; i < as_.domains.size(); ++i) {
            const DomainResult& dr = as_.domains[i];
            if (dr.show_range) {
                with_range.push_back(i);
                (dr.band_low == dr.band_high ? holding : shifting).push_back(i);
            } else if (dr.risk) {
                low_gap = true;
            }
        }
        auto domain_list = [&](const std::vector<std::size_t>& which) {
            list out;
            for (std::size_t k = 0; k < which.size(); ++k) {
                Data x = domain_data(which[k]);
                x.set("last", k + 1 == which.size()); // for a separator: {{^last}}; {{/last}}
                out.push_back(x);
            }
            return out;
        };
        // The themes in the top band by name, for the summary ("Hoog: D6
        // Monitoring van uitkomsten (89%); …").
        d.set("top_domains", domain_list(top_band_domains));
        d.set("has_top_domains", !top_band_domains.empty());
        d.set("top_band", ins_.risk.bands.empty() ? std::string() : report::band_label(ins_, ins_.risk.bands.back().id, l_));
        d.set("has_range_domains", !with_range.empty());
        d.set("range_domains", domain_list(with_range));
        d.set("has_shifting", !shifting.empty());
        d.set("shifting_domains", domain_list(shifting));
        d.set("has_holding", !holding.empty());
        d.set("holding_domains", domain_list(holding));
        d.set("has_low_gap", low_gap);
        d.set("range_threshold", share_text(ins_.risk.knowledge_gap_range));
        d.set("harm_measure_count", std::to_string(harm_measure_count()));
        d.set("has_not_applicable", as_.overall.not_applicable > 0);
        d.set("not_applicable_count", std::to_string(as_.overall.not_applicable));
        d.set("has_heatmap", as_.domain_exposure);
        list contra;
        for (const auto& c : as_.contradictions) {
            Data x;
            const ConsistencyRule* rule = nullptr;
            for (const auto& r : ins_.risk.consistency)
                if (r.id == c.rule) rule = &r;
            x.set("id", c.rule);
            x.set("text", rule ? rule->text.get(l_) : c.rule);
            x.set("when", std::to_string(c.when));
            x.set("contradicts", std::to_string(c.contradicts));
            contra.push_back(x);
        }
        d.set("has_contradictions", !contra.empty());
        d.set("contradictions", contra);
        d.set("deadline_days", std::to_string(ins_.risk.red_flag_deadline_days));
        d.set("red_flag_lifts", ins_.risk.red_flag_lifts);
        // The chart's ↑ key only when a theme was lifted (else a key to nothing).
        d.set("any_lifted", std::any_of(as_.domains.begin(), as_.domains.end(),
                                        [](const DomainResult& r) { return r.lifted_red_flag || r.lifted_critical; }));
        d.set("plan_size", std::to_string(ins_.report.plan_size));
        d.set("agenda_size", std::to_string(ins_.report.agenda_size));
        d.set("has_later", plan_.later > 0);
        d.set("later_count", std::to_string(plan_.later));
        d.set("has_profile", !ins_.profile.questions.empty());
        bool open_answers = false;
        for (const auto& q : as_.questions) open_answers = open_answers || !q.texts.empty() || !q.notes.empty() || !q.reasons.empty() || !q.evidence.empty();
        d.set("has_open_answers", open_answers);
        d.set("has_uncovered", !as_.confidence.uncovered_domains.empty());
        d.set("domains", domains);
        d.set("high_domains", high);
        d.set("has_high_domains", !high.empty());
        d.set("high_domain_count", std::to_string(top_band_count()));
        d.set("headline", headline());
        list red;
        for (std::size_t i = 0; i < as_.domains.size(); ++i)
            for (const auto& qid : as_.domains[i].red_flag_questions) red.push_back(red_flag_data(qid, i));
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

    // Why the picture is as sure as it is, in words.
    std::vector<std::string> confidence_reasons() const {
        const Confidence& c = as_.confidence;
        std::vector<std::string> out;
        if (c.few_respondents)
            out.push_back(fmt::format("{} {} {}", tr(l_, "Er deden minder dan", "Fewer than"), ins_.risk.anonymity_threshold,
                                      tr(l_, "mensen mee.", "people took part.")));
        if (c.knowledge_gap >= 0.15 - 1e-9)
            out.push_back(fmt::format("{} {} {}", tr(l_, "Wie het kan weten, weet het antwoord niet bij", "Those who can know do not know the answer in"),
                                      percent(c.knowledge_gap * 100, l_), tr(l_, "van de antwoorden.", "of their answers.")));
        if (c.missing >= 0.15 - 1e-9)
            out.push_back(fmt::format("{} {} {}", percent(c.missing * 100, l_), tr(l_, "van de antwoorden bleef leeg.", "of the answers were left empty."), ""));
        if (c.disagreement_share >= 0.10 - 1e-9)
            out.push_back(fmt::format("{} {} ({}) {}", tr(l_, "Bij", "On"), questions_phrase(as_.overall.disagreements),
                                      percent(c.disagreement_share * 100, l_),
                                      tr(l_, "verschillen de antwoorden sterk.", "the answers differ widely.")));
        for (const auto& id : c.uncovered_domains) {
            const Domain* dom = nullptr;
            for (const auto& dd : ins_.domains)
                if (dd.id == id) dom = &dd;
            out.push_back(fmt::format("{} {} {}", tr(l_, "Bij", "In"), dom ? fmt::format("{} {}", dom->id, dom->title.get(l_)) : id,
                                      tr(l_, "antwoordde niemand uit een rol die het onderwerp kent.", "nobody from a role that knows the topic answered.")));
        }
        for (auto& r : out)
            while (!r.empty() && r.back() == ' ') r.pop_back();
        return out;
    }

    // The evidence rule that applies to a question: the labels of the
    // option that needs evidence and of the option it then counts as.
    std::pair<std::string, std::string> unevidenced_labels(const Question& q) const {
        const Scale* sc = ins_.find_scale(q.scale);
        if (!sc) return {};
        const bool own = !sc->unevidenced_option.empty();
        const Option* from = sc->find(own ? sc->unevidenced_option : ins_.risk.unevidenced_option);
        const Option* to = sc->find(own ? sc->unevidenced_score_as : ins_.risk.unevidenced_score_as);
        if (!from || !to) return {};
        return {from->label.get(l_), to->label.get(l_)};
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

    // The day the report is made (SOURCE_DATE_EPOCH, for the same bytes).
    static std::string report_date() {
        std::time_t t = static_cast<std::time_t>(build_epoch());
        std::tm tm{};
        gmtime_r(&t, &tm);
        return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }

    // ---- the summary page: verdict, key figures, findings ----

    // Domains in the highest band.
    long long top_band_count() const {
        if (ins_.risk.bands.empty()) return 0;
        long long n = 0;
        for (const auto& dr : as_.domains)
            if (dr.risk && dr.band == ins_.risk.bands.back().id) ++n;
        return n;
    }

    // The verdict in one sentence: the overall level, how many themes are
    // in the top band, how many red flags.
    std::string headline() const {
        if (!scored() || !as_.overall.risk) return "";
        std::string band = report::band_label(ins_, as_.overall.band, l_);
        std::string top = ins_.risk.bands.empty() ? "" : ins_.risk.bands.back().label.get(l_);
        long long high = top_band_count();
        int flags = as_.overall.red_flags;
        std::string s = l_ == "en" ? fmt::format("Overall risk {}: ", band) : fmt::format("Totaal risico {}: ", band);
        if (l_ == "en")
            s += high == 0 ? fmt::format("no theme is {}", top)
                           : fmt::format("{} {} {}", high, high == 1 ? "theme is" : "themes are", top);
        else
            s += high == 0 ? fmt::format("geen thema staat op {}", top)
                           : fmt::format("{} {} op {}", high, high == 1 ? "thema staat" : "thema's staan", top);
        // Red flags are counted by question; the findings box lists them by
        // measure. Where the two differ, the headline says both.
        const long long measures = harm_measure_count();
        if (flags > 0 && measures > 0 && measures != flags)
            s += l_ == "en" ? fmt::format(", and {} red flags call for {} {} now", flags, measures, measures == 1 ? "measure" : "measures")
                            : fmt::format(", en {} rode vlaggen vragen nu om {} {}", flags, measures, measures == 1 ? "maatregel" : "maatregelen");
        else if (flags > 0)
            s += l_ == "en" ? fmt::format(", and {} {} to act on now", flags, flags == 1 ? "red flag asks" : "red flags ask")
                            : fmt::format(", en {} {} om directe actie", flags, flags == 1 ? "rode vlag vraagt" : "rode vlaggen vragen");
        return s + ".";
    }

    long long harm_measure_count() const {
        return std::count_if(plan_.actions.begin(), plan_.actions.end(), [](const PlanAction& a) { return a.kind == ActionKind::do_no_harm; });
    }

    // Knowledge gap over the answers the themes' figures count: in a
    // scored report the scored questions only (not filters, numbers or
    // open questions, nor a withheld question), as in every theme.
    bool counts_in_gap(const QuestionResult& q) const {
        return q.domain >= 0 && (!ins_.risk.scored || (q.scored && !q.withheld));
    }
    double knowledge_gap_share() const {
        int dk = 0, n = 0;
        for (const auto& q : as_.questions) {
            if (!counts_in_gap(q)) continue;
            dk += q.dont_know;
            n += q.answered - q.not_applicable;
        }
        return n > 0 ? 100.0 * dk / n : 0;
    }

    void key_figures(doc::Blocks& out) {
        std::vector<report::KeyFigure> tiles;
        const auto& col = style::sheet().colour;
        std::string top = ins_.risk.bands.empty() ? "" : ins_.risk.bands.back().label.get(l_);
        tiles.push_back({report::band_label(ins_, as_.overall.band, l_),
                         fmt::format("{} {}", tr(l_, "totaal risico", "overall risk"),
                                     as_.overall.risk ? percent(*as_.overall.risk, l_) : ""),
                         report::band_colour_of(ins_, as_.overall.band)});
        int flags = as_.overall.red_flags;
        std::string flag_label = flags == 1 ? tr(l_, "rode vlag", "red flag") : tr(l_, "rode vlaggen", "red flags");
        if (const long long measures = harm_measure_count(); flags > 0 && measures > 0 && measures != flags)
            flag_label += l_ == "en" ? fmt::format("\nfor {} {}", measures, measures == 1 ? "measure" : "measures")
                                     : fmt::format("\nvoor {} {}", measures, measures == 1 ? "maatregel" : "maatregelen");
        tiles.push_back({std::to_string(flags), flag_label,
                         flags > 0 ? std::optional<doc::Color>(col.alarm) : std::nullopt});
        long long high = top_band_count();
        tiles.push_back({std::to_string(high),
                         l_ == "en" ? fmt::format("{} {}", high == 1 ? "theme" : "themes", top)
                                    : fmt::format("{} {}", high == 1 ? "thema" : "thema's", top),
                         std::nullopt});
        tiles.push_back({percent(knowledge_gap_share(), l_), tr(l_, "antwoorden onbekend", "answers unknown"), std::nullopt});
        chart(out, report::key_figures_chart(charts_, tiles));
    }

    // The red flags as findings with their first action, in a red box.
    void findings(doc::Blocks& out) {
        doc::Callout box;
        box.tint = palette::alarm_tint; // with it the alarm bar (layout, html)
        doc::Paragraph head;
        doc::Inline h = run(tr(l_, "Rode vlag: eerst schade voorkomen", "Red flag: prevent harm first"), doc::bold);
        h.color = palette::alarm;
        head.runs.push_back(h);
        box.blocks.push_back(doc::block(std::move(head)));
        doc::List items;
        for (const auto& a : plan_.actions) {
            if (a.kind != ActionKind::do_no_harm) continue;
            doc::Paragraph p;
            p.runs.push_back(run(fmt::format("{} {}. ", a.measure, action_title(ins_, a, l_)), doc::bold));
            // Where it was found, with how many raised it ("D3.2b (3 van 13)").
            std::vector<std::string> qs;
            for (const auto& b : a.basis)
                if (b.red_flags > 0) {
                    const QuestionResult* qr = as_.find_question(b.question);
                    qs.push_back(qr ? fmt::format("{} ({})", b.question, count_text(*qr)) : b.question);
                }
            if (qs.empty()) qs = a.questions;
            p.runs.push_back(run(fmt::format("{} {}. ", tr(l_, "Gevonden bij", "Found at"), fmt::join(qs, ", "))));
            if (const Measure* m = ins_.find_measure(a.measure)) {
                if (!m->first_step.empty())
                    p.runs.push_back(run(fmt::format("{}: {} ", tr(l_, "Eerste stap", "First step"), m->first_step.get(l_))));
                if (!m->redress.empty())
                    p.runs.push_back(run(fmt::format("{}: {}", tr(l_, "Herstel", "Redress"), m->redress.get(l_)), doc::italic));
            }
            doc::ListItem li;
            li.blocks.push_back(doc::block(std::move(p)));
            items.items.push_back(std::move(li));
        }
        if (items.items.empty()) return;
        box.blocks.push_back(doc::block(std::move(items)));
        out.push_back(doc::block(std::move(box)));
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

    // The contents: chapters in bold, their sections under them, each a link
    // to its heading, with its page in the PDF.
    void contents(doc::Blocks& out) {
        wants_contents_ = true;
        doc::Heading h;
        h.level = 1;
        h.text = {run(tr(l_, "Inhoud", "Contents"))};
        h.anchor = "inhoud";
        h.in_outline = false;
        out.push_back(doc::block(std::move(h)));
        std::vector<std::pair<std::string, doc::Align>> head = {{tr(l_, "Onderdeel", "Part"), doc::Align::left}};
        if (opt_.page_numbers) head.emplace_back(tr(l_, "Pagina", "Page"), doc::Align::right);
        doc::Table t = table(head);
        t.compact = true; // one page for a report of some forty headings
        if (opt_.page_numbers) t.columns[1].width = 48;
        auto row = [&](const ContentsEntry& e) {
            doc::TableRow r;
            doc::Inline title = run(e.title, e.level == 1 ? doc::bold : doc::plain);
            if (!e.anchor.empty()) title.link = "#" + e.anchor;
            r.cells.push_back(doc::TableCell{{title}});
            if (opt_.page_numbers) r.cells.push_back(cell(e.page > 0 ? std::to_string(e.page) : "00"));
            t.rows.push_back(std::move(r));
        };
        for (const auto& e : contents_) row(e);
        for (std::size_t i = 0; i < placeholders_; ++i) row({2, "…", "", 0});
        out.push_back(doc::block(std::move(t)));
    }

    bool directive(const report::Directive& dir, doc::Blocks& out) {
        const std::string& n = dir.name;
        std::string arg;
        for (char c : dir.arg)
            if (c != '\\') arg += c;
        if (n == "cover") return cover(out), true;
        if (n == "contents") return contents(out), true;
        if (n == "page-break") return out.push_back(doc::page_break()), true;
        if (n == "changes") {
            report::ChangesInput in{opt_.comparison, opt_.plan_file, cycle::iso_date(build_epoch())};
            for (auto& b : report::changes_section(ins_, in, l_)) out.push_back(std::move(b));
            return true;
        }
        if (!scored() && risk_only(n)) {
            diags_.error(dir.where, msg("[[{}]] needs a risk model, and instrument '{}' has none (risk.scored = false)", n, ins_.id),
                         msg("leave out --template to get the results report (report-templates/uitkomsten.nl.md, results.en.md), "
                         "or put this line inside {{#scored}} ... {{/scored}}"));
            return true;
        }
        if (n == "chart:domain-risk") return chart(out, report::domain_risk_chart(charts_)), true;
        if (n == "chart:heatmap") {
            if (as_.domain_exposure) chart(out, report::heatmap_chart(charts_));
            else out.push_back(note_paragraph(tr(l_, "Het instrument geeft geen blootstelling per thema. Daarom is er geen risicomatrix: alle thema's zouden in één kolom staan.",
                                                   "The instrument gives no exposure per theme. So there is no risk matrix: every theme would sit in one column.")));
            return true;
        }
        if (n == "method") return method(out), true;
        if (n == "table:profile") return profile_table(out), true;
        if (n == "appendix:answers") return appendix_answers(out), true;
        if (n == "table:later") return later_table(out), true;
        if (n == "chart:domain-mini") return chart(out, report::domain_risk_chart(charts_, true)), true;
        if (n == "summary:key-figures") return key_figures(out), true;
        if (n == "summary:findings") return findings(out), true;
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
        if (n == "table:plan") return plan_groups(out), true;
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
                if (auto t = report::role_means_table(ins_, as_, *dom, l_, minimum())) {
                    out.push_back(doc::block(std::move(*t)));
                    out.push_back(doc::block(report::role_means_caption(ins_, as_, l_)));
                }
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
        return build_report(*c.instrument, *c.respondents, *c.assessment, Plan{}, co, diags_).blocks;
    }

    doc::Block note_paragraph(std::string s) const {
        doc::Paragraph p;
        p.runs.push_back(run(std::move(s), doc::italic));
        p.color = palette::muted;
        return doc::block(std::move(p));
    }

    // The cover grid: a ribbon in the accent colour, the logo (when given),
    // kicker, a large title, organisation and unit, a status line, then the
    // facts as a key-value table: instrument, report date, answer period,
    // respondents and one line per role group.
    void cover(doc::Blocks& out) {
        doc::Chart ribbon; // decoration: no description, an artifact in tagged PDF
        ribbon.width = charts_.width;
        ribbon.height = 8;
        ribbon.decorative = true;
        ribbon.shapes.push_back(doc::RectShape{0, 0, charts_.width, 8, {palette::accent, std::nullopt}});
        out.push_back(doc::block(std::move(ribbon)));
        if (!opt_.logo.empty()) {
            doc::Image img;
            img.path = opt_.logo;
            img.width = 120;
            std::string org = organisation();
            img.alt = org.empty() ? std::string(tr(l_, "Logo", "Logo")) : fmt::format("{} {}", tr(l_, "Logo van", "Logo of"), org);
            out.push_back(doc::block(std::move(img)));
        }
        out.push_back(doc::spacer(opt_.logo.empty() ? 110 : 60));
        doc::Paragraph kicker;
        kicker.runs.push_back(run(scored() ? tr(l_, "RISICORAPPORT · ZELFSCAN", "RISK REPORT · SELF-SCAN")
                                           : tr(l_, "UITKOMSTEN · VRAGENLIJST", "RESULTS · QUESTIONNAIRE"),
                                  doc::bold));
        kicker.size = 9;
        kicker.color = palette::accent;
        out.push_back(doc::block(std::move(kicker)));
        // The one typographic climax: 3 x body, bigger than any chapter head.
        doc::Paragraph h;
        h.runs.push_back(run(title(), doc::bold));
        h.size = style::sheet().type.body * style::sheet().type.title;
        h.color = palette::accent;
        out.push_back(doc::block(std::move(h)));
        std::string org = organisation(), un = unit();
        if (!org.empty() || !un.empty()) {
            doc::Paragraph p;
            p.runs.push_back(run(org.empty() ? un : un.empty() ? org : fmt::format("{} · {}", org, un)));
            p.size = 14;
            p.color = palette::muted;
            out.push_back(doc::block(std::move(p)));
        }
        // Staff quotes about discrimination: the report is for internal use.
        doc::Paragraph status;
        doc::Inline st = run(tr(l_, "VERTROUWELIJK · VOOR INTERN GEBRUIK", "CONFIDENTIAL · FOR INTERNAL USE"), doc::bold);
        st.color = palette::alarm;
        status.runs.push_back(st);
        status.size = 9;
        out.push_back(doc::block(std::move(status)));
        out.push_back(doc::spacer(60));
        auto [lo, hi] = dates();
        doc::Table t;
        t.columns = {{doc::Align::left, 150}, {doc::Align::left, 0}};
        t.header_rows = 0;
        t.row_headers = true;
        auto row = [&](std::string k, std::string v) { t.rows.push_back({{cell(std::move(k), doc::bold), cell(std::move(v))}}); };
        row(tr(l_, "Instrument", "Instrument"), fmt::format("{} ({} {})", ins_.title.get(l_), tr(l_, "versie", "version"), ins_.version.text));
        row(tr(l_, "Rapportdatum", "Report date"), report::long_date(report_date(), l_));
        row(tr(l_, "Antwoorden gegeven", "Answers given"),
            lo.empty() ? std::string(tr(l_, "datum onbekend", "date unknown"))
                       : lo == hi ? report::long_date(lo, l_) : fmt::format("{} – {}", report::long_date(lo, l_), report::long_date(hi, l_)));
        std::string who = answer_sets_phrase(as_.respondents);
        if (as_.sessions > 0) who += fmt::format(" ({})", sessions_phrase(as_.sessions));
        row(tr(l_, "Deelnemers", "Respondents"), who);
        // One line per role group, count first, so the numbers line up.
        std::string roles;
        for (const auto& g : as_.groups)
            if (g.respondents > 0)
                roles += fmt::format("{}{} × {}", roles.empty() ? "" : "\n", g.respondents, report::role_label(ins_, g.role, l_));
        row(tr(l_, "Per rolgroep", "By role group"), roles);
        out.push_back(doc::block(std::move(t)));
        out.push_back(doc::page_break());
    }

    void domains_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Thema", "Theme"), doc::Align::left},
                        {tr(l_, "Risico", "Risk"), doc::Align::right},
                        {tr(l_, "Niveau", "Level"), doc::Align::left},
                        {tr(l_, "Onbekend", "Unknown"), doc::Align::right},
                        {tr(l_, "Staat het niveau vast?", "Does the level hold?"), doc::Align::left},
                        {tr(l_, "Rode vlag", "Red flag"), doc::Align::left}});
        for (std::size_t i = 0; i < as_.domains.size(); ++i) {
            const auto& dr = as_.domains[i];
            std::string flag = fmt::format("{}", fmt::join(dr.red_flag_questions, ", "));
            std::string level = dr.risk ? report::band_label(ins_, dr.band, l_) : report::unscored_label(dr, l_, "–");
            if (dr.lifted_critical) level += fmt::format(" ({} {})", tr(l_, "kritiek:", "critical:"), fmt::join(dr.critical_questions, ", "));
            if (dr.lifted_red_flag) level += fmt::format(" ({} {})", tr(l_, "rode vlag:", "red flag:"), fmt::join(dr.red_flag_questions, ", "));
            t.rows.push_back({{cell(fmt::format("{} {}", domain_of(i).id, domain_of(i).title.get(l_))),
                               cell(dr.risk ? percent(*dr.risk, l_) : "–"),
                               cell(level, is_high(dr.band) ? doc::bold : doc::plain),
                               cell(dr.not_applicable || dr.withheld ? "–" : percent(dr.knowledge_gap * 100, l_)),
                               cell(robustness(dr)), cell(flag, doc::bold)}});
        }
        t.columns[4].width = 120;
        out.push_back(doc::block(std::move(t)));
    }

    // The rule of the summary and the chart: where much is unknown
    // (show_range), "ja" when the band is the same whether the unknown
    // answers are no risk or full risk, else "nee" with both ends; where
    // little is unknown, no range is drawn and the table says so.
    std::string robustness(const DomainResult& dr) const {
        if (dr.not_applicable || !dr.risk || !dr.risk_low || !dr.risk_high) return "–";
        if (!dr.show_range) return tr(l_, "weinig onbekend", "little unknown");
        if (dr.band_low == dr.band_high)
            return fmt::format("{} ({} – {})", tr(l_, "ja", "yes"), percent(*dr.risk_low, l_), percent(*dr.risk_high, l_));
        return fmt::format("{}: {} {} – {} {}", tr(l_, "nee", "no"), percent(*dr.risk_low, l_), report::band_label(ins_, dr.band_low, l_),
                           percent(*dr.risk_high, l_), report::band_label(ins_, dr.band_high, l_));
    }

    // Raised red flags as alerts: how many gave the answer, a deadline to
    // check it, and the do-no-harm measure with its redress step.
    void red_flags_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Wat is er aan de hand", "What is the matter"), doc::Align::left},
                        {tr(l_, "Aantal", "Count"), doc::Align::right},
                        {tr(l_, "Wat nu", "What now"), doc::Align::left}});
        for (const auto& q : as_.questions) {
            if (!q.red_flag) continue;
            doc::TableCell now{{run(fmt::format("{} {} {}", tr(l_, "Controleer binnen", "Check within"), ins_.risk.red_flag_deadline_days,
                                                tr(l_, "dagen of het klopt.", "days whether it is so.")))}};
            if (const Measure* m = harm_measure(q.id)) {
                now.text.push_back(run(fmt::format("\n{} ", m->id), doc::bold));
                now.text.push_back(run(m->title.get(l_)));
                if (!m->redress.empty()) {
                    doc::Inline r = run(fmt::format("\n{}: {}", tr(l_, "Herstel", "Redress"), m->redress.get(l_)), doc::italic);
                    now.text.push_back(r);
                }
            }
            t.rows.push_back({{cell(q.id, doc::bold), cell(ins_.find_question(q.id)->text.get(l_)), cell(count_text(q)), now}});
        }
        if (t.rows.size() == 1) return out.push_back(note_paragraph(tr(l_, "Geen rode vlaggen.", "No red flags.")));
        t.columns[0].width = 40;
        t.columns[2].width = 48;
        t.columns[3].width = 190;
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
            if (a.kind == ActionKind::find_out || a.later) continue;
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
            if (const Measure* m = ins_.find_measure(a.measure); m && full) {
                auto line = [&](const char* nl, const char* en, const LocalizedText& what, bool italic) {
                    if (what.empty()) return;
                    doc::Inline x = run(fmt::format("\n{}: {}", tr(l_, nl, en), plain_text(what.get(l_))), italic ? doc::italic : doc::plain);
                    x.color = palette::muted;
                    x.size = 8;
                    title.text.push_back(x);
                };
                if (!m->description.empty()) {
                    doc::Inline x = run(fmt::format("\n{}", plain_text(m->description.get(l_))));
                    x.size = 8;
                    title.text.push_back(x);
                }
                line("Eerste stap", "First step", m->first_step, true);
                if (a.kind == ActionKind::do_no_harm || m->red_flag) line("Herstel", "Redress", m->redress, true);
                line("Zo ziet u vooruitgang", "Progress shows as", m->indicator, false);
                if (!a.after.empty()) {
                    doc::Inline x = run(fmt::format("\n{} {}", tr(l_, "Na:", "After:"), fmt::join(a.after, ", ")), doc::bold);
                    x.size = 8;
                    title.text.push_back(x);
                }
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
                const Measure* m = ins_.find_measure(a.measure);
                row.cells.push_back(cell(m ? m->owner.get(l_) : ""));
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

    // Markdown of a measure's description as one plain line in a table cell.
    static std::string plain_text(std::string s) {
        std::string out;
        for (char c : s) {
            if (c == '*' || c == '_' || c == '`') continue;
            if (c == '\n') c = ' ';
            if (c == ' ' && !out.empty() && out.back() == ' ') continue;
            out += c;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }

    // Measures beyond the director's plan: id, title and priority.
    void later_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Maatregel", "Measure"), doc::Align::left},
                        {tr(l_, "Vragen", "Questions"), doc::Align::left},
                        {tr(l_, "Prioriteit", "Priority"), doc::Align::right}});
        for (const auto& a : plan_.actions) {
            if (!a.later) continue;
            doc::TableCell title{{run(fmt::format("{} ", a.measure), doc::bold), run(action_title(ins_, a, l_))}};
            // Out of priority order because it waits for another measure.
            if (!a.after.empty()) {
                doc::Inline x = run(fmt::format(" ({} {})", tr(l_, "na", "after"), fmt::join(a.after, ", ")), doc::italic);
                x.color = palette::muted;
                title.text.push_back(x);
            }
            t.rows.push_back({{title, cell(fmt::format("{}", fmt::join(a.questions, " "))), cell(report::decimal(a.priority, 2, l_))}});
        }
        if (t.rows.size() == 1) return out.push_back(note_paragraph(tr(l_, "Alle maatregelen staan in het plan hierboven.", "Every measure is in the plan above.")));
        t.columns[2].width = 60;
        out.push_back(doc::block(std::move(t)));
    }

    // The plan grouped by when to act: prevent harm first, now, within 3
    // and within 12 months (the timeframes the plan rules know). Owner and
    // completion date get columns wide enough to write in by hand.
    void plan_groups(doc::Blocks& out) {
        struct Group {
            std::string title;
            bool harm;
            Timeframe when;
        };
        const std::vector<Group> groups = {
            {tr(l_, "Eerst schade voorkomen: rode vlaggen", "Prevent harm first: red flags"), true, Timeframe::now},
            {tr(l_, "Nu beginnen", "Start now"), false, Timeframe::now},
            {tr(l_, "Binnen 3 maanden", "Within 3 months"), false, Timeframe::months3},
            {tr(l_, "Binnen 12 maanden", "Within 12 months"), false, Timeframe::months12},
        };
        int n = 0;
        for (const Group& g : groups) {
            std::vector<const PlanAction*> in;
            for (const auto& a : plan_.actions) {
                if (a.kind == ActionKind::find_out) continue;
                bool harm = a.kind == ActionKind::do_no_harm;
                if (a.later) continue; // beyond the director's plan: table:later
                if (harm == g.harm && (harm || a.timeframe == g.when)) in.push_back(&a);
            }
            if (in.empty()) continue;
            doc::Heading h;
            h.level = 2;
            h.text.push_back(run(fmt::format("{} ({})", g.title, in.size())));
            out.push_back(doc::block(std::move(h)));
            auto t = table({{"#", doc::Align::right},
                            {tr(l_, "Maatregel", "Measure"), doc::Align::left},
                            {tr(l_, "Eigenaar", "Owner"), doc::Align::left},
                            {tr(l_, "Gereed op", "Done by"), doc::Align::left}});
            for (const PlanAction* a : in) {
                doc::TableCell title;
                if (a->kind == ActionKind::do_no_harm) {
                    doc::Inline flag = run(tr(l_, "RODE VLAG · ", "RED FLAG · "), doc::bold);
                    flag.color = palette::alarm;
                    title.text.push_back(flag);
                }
                title.text.push_back(run(fmt::format("{} ", a->measure), doc::bold));
                title.text.push_back(run(action_title(ins_, *a, l_)));
                const Measure* m = ins_.find_measure(a->measure);
                if (m) {
                    // What the measure is, its first step, the redress of a
                    // red-flag measure, how progress shows, what comes first.
                    auto line = [&](const char* nl, const char* en, const LocalizedText& what, bool italic) {
                        if (what.empty()) return;
                        doc::Inline x = run(fmt::format("\n{}: {}", tr(l_, nl, en), plain_text(what.get(l_))), italic ? doc::italic : doc::plain);
                        x.size = 8.5;
                        title.text.push_back(x);
                    };
                    if (!m->description.empty()) {
                        doc::Inline x = run(fmt::format("\n{}", plain_text(m->description.get(l_))));
                        x.size = 8.5;
                        title.text.push_back(x);
                    }
                    line("Eerste stap", "First step", m->first_step, false);
                    if (a->kind == ActionKind::do_no_harm || m->red_flag) line("Herstel", "Redress", m->redress, true);
                    line("Zo ziet u vooruitgang", "Progress shows as", m->indicator, false);
                    if (!a->after.empty()) {
                        doc::Inline x = run(fmt::format("\n{} {}", tr(l_, "Na:", "After:"), fmt::join(a->after, ", ")), doc::bold);
                        x.size = 8.5;
                        title.text.push_back(x);
                    }
                }
                doc::Inline kind = run(fmt::format("\n{} · {} {} · {} {}{}", quadrant_label(a->quadrant), tr(l_, "inspanning", "effort"),
                                                   report::level_label(a->effort, l_), tr(l_, "effect", "impact"),
                                                   report::level_label(a->impact, l_),
                                                   a->questions.empty() ? std::string()
                                                                        : fmt::format(" · {} {}", tr(l_, "vragen", "questions"),
                                                                                      fmt::join(a->questions, " "))));
                kind.color = palette::muted;
                kind.size = 8.5;
                title.text.push_back(kind);
                // The instrument's suggested owner, in grey: the team writes in its own.
                doc::TableCell owner;
                if (m && !m->owner.empty()) {
                    doc::Inline o = run(m->owner.get(l_));
                    o.color = palette::muted;
                    owner.text.push_back(o);
                }
                t.rows.push_back({{cell(std::to_string(++n)), title, owner, cell("")}});
            }
            t.columns[0].width = 24;
            t.columns[2].width = 88; // about 31 mm: room to write a name
            t.columns[3].width = 88;
            t.columns[1].width = 455 - 24 - 88 - 88;
            out.push_back(doc::block(std::move(t)));
        }
        if (n == 0) out.push_back(note_paragraph(tr(l_, "De antwoorden wijzen op geen enkele maatregel.", "The answers point to no measure.")));
    }

    void find_out_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Zoek uit", "Find out"), doc::Align::left},
                        {tr(l_, "Onbekend", "Unknown"), doc::Align::right}});
        for (const auto& a : plan_.actions) {
            if (a.kind != ActionKind::find_out) continue;
            const QuestionResult* q = as_.find_question(a.question);
            t.rows.push_back({{cell(a.question, doc::bold), cell(ins_.find_question(a.question)->text.get(l_)),
                               cell(q && !too_few(*q) ? percent(q->owner_gap * 100, l_) : "–")}});
        }
        if (t.rows.size() == 1) return out.push_back(note_paragraph(tr(l_, "Geen grote kennisgaten.", "No large knowledge gaps.")));
        out.push_back(doc::block(std::move(t)));
    }

    // The labels of the lowest- and highest-risk answer options of a question.
    std::pair<std::string, std::string> end_labels(const Question& q) const {
        const Scale* s = ins_.find_scale(q.scale);
        const Option *lo = nullptr, *hi = nullptr;
        if (s)
            for (const auto& o : s->options)
                if (o.kind == OptionKind::answer && o.risk) {
                    if (!lo || *o.risk < *lo->risk) lo = &o;
                    if (!hi || *o.risk > *hi->risk) hi = &o;
                }
        return {lo ? lo->label.get(l_) : "", hi ? hi->label.get(l_) : ""};
    }

    // The agenda of a follow-up meeting: contradictions first, then the
    // questions with disagreement ranked by weight x spread, capped at the
    // instrument's agenda_size, the rest counted.
    void discuss_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Bespreek", "Discuss"), doc::Align::left},
                        {tr(l_, "Waarom", "Why"), doc::Align::left}});
        for (const auto& c : as_.contradictions) {
            const ConsistencyRule* rule = nullptr;
            for (const auto& r : ins_.risk.consistency)
                if (r.id == c.rule) rule = &r;
            if (!rule) continue;
            t.rows.push_back({{cell(fmt::format("{} / {}", rule->when_question, rule->contradicts_question), doc::bold), cell(rule->text.get(l_)),
                               cell(fmt::format("{}: {}× {}, {}× {}", tr(l_, "tegenstrijdig", "contradiction"), c.when,
                                                rule->when_question, c.contradicts, rule->contradicts_question))}});
        }
        std::vector<const QuestionResult*> agenda;
        for (const auto& q : as_.questions)
            if (q.domain >= 0 && q.disagreement) agenda.push_back(&q);
        std::stable_sort(agenda.begin(), agenda.end(), [](const QuestionResult* a, const QuestionResult* b) {
            double x = a->weight * a->spread, y = b->weight * b->spread;
            if (std::abs(x - y) > 1e-12) return x > y;
            return natural_less(a->id, b->id);
        });
        std::size_t cap = static_cast<std::size_t>(ins_.report.agenda_size), rest = 0;
        for (std::size_t k = 0; k < agenda.size(); ++k) {
            if (k >= cap) {
                ++rest;
                continue;
            }
            const QuestionResult& q = *agenda[k];
            const Question& iq = *ins_.find_question(q.id);
            std::string why;
            if (q.opposites) {
                auto [lo, hi] = end_labels(iq);
                why = fmt::format("{} ‘{}’ {} ‘{}’", tr(l_, "zowel", "both"), lo, tr(l_, "als", "and"), hi);
            } else {
                why = tr(l_, "antwoorden lopen ver uiteen", "answers differ widely");
            }
            why += fmt::format(" ({} {})", tr(l_, "spreiding", "spread"), report::decimal(q.spread, 2, l_));
            if (q.find_out)
                why += fmt::format("; {} {}", percent(q.owner_gap * 100, l_), tr(l_, "onbekend", "unknown"));
            t.rows.push_back({{cell(q.id, doc::bold), cell(iq.text.get(l_)), cell(why)}});
        }
        if (t.rows.size() == 1)
            return out.push_back(note_paragraph(tr(l_, "Er zijn geen vragen waarover de antwoorden sterk verschillen.",
                                                   "There are no questions on which the answers differ widely.")));
        t.columns[2].width = 150;
        out.push_back(doc::block(std::move(t)));
        if (rest > 0)
            out.push_back(note_paragraph(fmt::format("{} {} {}", tr(l_, "Nog", "A further"), questions_phrase(static_cast<long long>(rest)),
                                                     rest == 1 ? tr(l_, "met verschil van mening staat niet op deze agenda (zie de thema's).",
                                                                    "with disagreement is not on this agenda (see the themes).")
                                                               : tr(l_, "met verschil van mening staan niet op deze agenda (zie de thema's).",
                                                                    "with disagreement are not on this agenda (see the themes)."))));
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
            if (too_few(*qr)) {
                // Only what a raised flag and a filter say; no count.
                std::string flags;
                if (qr->red_flag) flags = tr(l_, "rode vlag", "red flag");
                if (!q.scored) flags += (flags.empty() ? "" : ", ") + std::string(tr(l_, "filtervraag, telt niet mee", "filter, not scored"));
                if (qr->find_out) flags += (flags.empty() ? "" : ", ") + std::string(tr(l_, "kennisgat", "knowledge gap"));
                doc::TableCell fc{{run(flags, qr->red_flag ? doc::bold : doc::plain)}};
                t.rows.push_back({{text, withheld_cell(), cell("–"), fc}});
                continue;
            }
            std::string dist;
            for (const auto& [count, label] : answer_counts(q, *qr))
                dist += fmt::format("{}{} {}", dist.empty() ? "" : ", ", count, label);
            if (qr->missing) dist += fmt::format("{}{} {}", dist.empty() ? "" : ", ", qr->missing, tr(l_, "leeg", "empty"));
            if (qr->skipped) dist += fmt::format("{}{} {}", dist.empty() ? "" : ", ", qr->skipped, tr(l_, "overgeslagen", "skipped"));
            std::string flags;
            auto add = [&](const char* nl, const char* en) { flags += (flags.empty() ? "" : ", ") + std::string(tr(l_, nl, en)); };
            if (qr->red_flag) add("rode vlag", "red flag");
            else if (qr->red_flags) add("rode-vlagantwoord onder de drempel", "red-flag answer below the threshold");
            if (qr->critical_answers && q.weight >= ins_.risk.critical_weight) add("kritiek", "critical");
            if (!q.scored) add("filtervraag, telt niet mee", "filter, not scored");
            // Unknown answers without risk: the role cannot know (not
            // every "cannot know": from an owner it counts as don't know).
            if (qr->cannot_know)
                flags += fmt::format("{}{} {}", flags.empty() ? "" : ", ", qr->cannot_know,
                                     tr(l_, "onbekend telt niet mee (rol kan het niet weten)", "unknown not counted (role cannot know)"));
            if (qr->disagreement) add("verschil van mening", "disagreement");
            if (qr->find_out) add("kennisgat", "knowledge gap");
            if (qr->unevidenced) {
                // The labels where they are short; long labels are in the
                // answers column already and the method page names the rule.
                auto [from, to] = unevidenced_labels(q);
                constexpr std::size_t short_label = 20;
                if (!from.empty() && from.size() <= short_label && to.size() <= short_label)
                    flags += fmt::format("{}{} × {} {}, {} {}", flags.empty() ? "" : ", ", qr->unevidenced, quoted(from),
                                         tr(l_, "zonder bewijs", "without evidence"), tr(l_, "telt als", "counts as"), quoted(to));
                else
                    flags += fmt::format("{}{} {}", flags.empty() ? "" : ", ", qr->unevidenced,
                                         tr(l_, "zonder bewijs, telt met meer risico", "without evidence, counted at more risk"));
            }
            doc::TableCell fc{{run(flags, qr->red_flag ? doc::bold : doc::plain)}};
            t.rows.push_back({{text, cell(dist.empty() ? "–" : dist), cell(qr->mean_risk ? report::decimal(*qr->mean_risk, 2, l_) : "–"), fc}});
        }
        t.columns[0].width = 175;
        t.columns[3].width = 95;
        out.push_back(doc::block(std::move(t)));
        withheld_sentence(out, withheld_ids(dom));
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
                auto merged = merge_texts(items, static_cast<std::size_t>(ins_.report.open_answers));
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
        if (scored()) return fmt::format("{} {}", rest, tr(l_, "meer in de bijlage", "more in the appendix"));
        return fmt::format("{} {}", rest, tr(l_, "meer in de antwoordbestanden", "more in the answer files"));
    }

    // A question answered by fewer than the anonymity threshold (in a
    // companion's part: than min_answers) shows only its count.
    bool too_few(const QuestionResult& qr) const {
        return qr.withheld || (opt_.min_answers > 0 && qr.answered > 0 && qr.respondents < opt_.min_answers);
    }
    int minimum() const { return std::max(opt_.min_answers, ins_.risk.anonymity_threshold); }

    doc::TableCell withheld_cell() const {
        doc::TableCell c{{run(fmt::format("{} {}.", tr(l_, "Te weinig antwoorden om te tonen: minder dan", "Too few answers to show: fewer than"),
                                          minimum()),
                              doc::italic)}};
        c.text.front().color = palette::muted;
        return c;
    }

    // "Minder dan 5 mensen beantwoordden D3.4b, D3.4c. ..." under a table
    // that withholds questions; nothing when none is withheld.
    void withheld_sentence(doc::Blocks& out, const std::vector<std::string>& ids) const {
        if (ids.empty()) return;
        out.push_back(note_paragraph(fmt::format(
            "{} {} {} {}. {}", tr(l_, "Minder dan", "Fewer than"), minimum(),
            ids.size() == 1 ? tr(l_, "mensen kregen vraag", "people were asked question") : tr(l_, "mensen kregen de vragen", "people were asked questions"),
            and_list(ids),
            scored() ? tr(l_, "Wat zij antwoordden of schreven, tonen we daarom niet: zo blijft het anoniem. Hun antwoorden tellen wel mee in de rode vlaggen en het plan, niet in de score van het thema.",
                          "What they answered or wrote is therefore not shown, so it stays anonymous. Their answers do count in the red flags and the plan, not in the theme's score.")
                     // A questionnaire has no red flags, plan or scores.
                     : tr(l_, "Wat zij antwoordden of schreven, tonen we daarom niet: zo blijft het anoniem.",
                          "What they answered or wrote is therefore not shown, so it stays anonymous."))));
    }
    // "D3.4b, D3.4c en D6.2".
    std::string and_list(const std::vector<std::string>& ids) const { return report::and_list(ids, l_); }
    std::vector<std::string> withheld_ids(const Domain& dom) const {
        std::vector<std::string> ids;
        for (const auto& q : dom.questions)
            if (const QuestionResult* qr = as_.find_question(q.id); qr && too_few(*qr)) ids.push_back(q.id);
        return ids;
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
        withheld_sentence(out, withheld_ids(dom));
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
            if (too_few(*qr)) {
                t.rows.push_back({{question_cell(q), withheld_cell()}});
                continue;
            }
            if (qr->texts.empty()) {
                doc::TableCell none{{run(tr(l_, "Niemand schreef hier iets.", "Nobody wrote anything here."), doc::italic)}};
                none.text.front().color = palette::muted;
                t.rows.push_back({{question_cell(q), none}});
                continue;
            }
            // One row per question, so its answers stay on one page with it;
            // a blank line between answers.
            doc::TableCell c;
            for (const auto& [text, count] : merge_texts(qr->texts, scored() ? static_cast<std::size_t>(ins_.report.open_answers) : 12)) {
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
            doc::Inline sw = run("■ ", doc::bold);
            sw.size = 11; // a swatch of the bar colour
            sw.color = report::band_colour_of(ins_, b.id); // the ramp of every chart and chip
            name.text.push_back(sw);
            name.text.push_back(run(b.label.get(l_)));
            t.rows.push_back({{name, cell(fmt::format("{} {} {}", from == 0 ? "0%" : fmt::format("> {}", percent(from, l_)),
                                                       tr(l_, "tot en met", "up to"), percent(b.upto, l_)))}});
            from = b.upto;
        }
        out.push_back(doc::block(std::move(t)));
    }

    // The service profile: per question the answers given and the median
    // exposure they set.
    void profile_table(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Antwoorden", "Answers"), doc::Align::left},
                        {tr(l_, "Blootstelling", "Exposure"), doc::Align::right}});
        for (const auto& q : ins_.profile.questions) {
            const QuestionResult* qr = as_.find_question(q.id);
            if (!qr) continue;
            std::string dist;
            for (const auto& [count, label] : answer_counts(q, *qr)) dist += fmt::format("{}{} × {}", dist.empty() ? "" : "\n", count, label);
            t.rows.push_back({{question_cell(q), cell(dist.empty() ? "–" : dist), cell(qr->exposure > 0 ? fmt::format("{}/5", qr->exposure) : "–")}});
        }
        if (t.rows.size() == 1) return;
        t.columns[0].width = 200;
        t.columns[2].width = 70;
        out.push_back(doc::block(std::move(t)));
        std::string uses;
        for (std::size_t i = 0; i < ins_.domains.size(); ++i)
            if (const auto& de = ins_.domains[i].exposure) {
                const DomainResult& dr = as_.domains[i];
                uses += fmt::format("{}{} {} ({} {}: {})", uses.empty() ? "" : "; ", ins_.domains[i].id,
                                    dr.exposure > 0 ? std::to_string(dr.exposure) : "?",
                                    de->method == ExposureMethod::max ? tr(l_, "hoogste van", "highest of") : tr(l_, "gemiddelde van", "mean of"),
                                    tr(l_, "vragen", "questions"), fmt::join(de->from, ", "));
            }
        if (!uses.empty())
            out.push_back(doc::paragraph({run(fmt::format("{} {}.", tr(l_, "Blootstelling per thema:", "Exposure per theme:"), uses))}));
    }

    // Everything respondents wrote, per question, without codes: the body
    // shows up to open_answers per question, this appendix all of it.
    void appendix_answers(doc::Blocks& out) {
        auto t = table({{tr(l_, "Vraag", "Question"), doc::Align::left},
                        {tr(l_, "Soort", "Kind"), doc::Align::left},
                        {tr(l_, "Wat deelnemers schreven", "What respondents wrote"), doc::Align::left}});
        for (const auto& qid : ins_.question_order) {
            const QuestionResult* qr = as_.find_question(qid);
            if (!qr) continue;
            auto add = [&](const std::vector<std::string>& items, const char* nl, const char* en) {
                for (const auto& [text, count] : merge_texts(items, 1000000)) {
                    doc::TableCell c{{run(text.substr(0, text.find_last_not_of(" \t\r\n") + 1))}};
                    if (count > 1) {
                        doc::Inline times = run(fmt::format("  ({}×)", count), doc::italic);
                        times.color = palette::muted;
                        c.text.push_back(times);
                    }
                    t.rows.push_back({{cell(qid, doc::bold), cell(tr(l_, nl, en)), c}});
                }
            };
            add(qr->texts, "antwoord", "answer");
            add(qr->notes, "toelichting", "note");
            add(qr->reasons, "waarom n.v.t.", "why n/a");
            add(qr->evidence, "bewijs", "evidence");
        }
        std::vector<std::string> withheld;
        for (const auto& qid : ins_.question_order)
            if (const QuestionResult* qr = as_.find_question(qid); qr && too_few(*qr)) withheld.push_back(qid);
        if (t.rows.size() == 1) {
            out.push_back(note_paragraph(tr(l_, "Niemand schreef iets bij de vragen.", "Nobody wrote anything with the questions.")));
            return withheld_sentence(out, withheld);
        }
        t.columns[0].width = 40;
        t.columns[1].width = 70;
        out.push_back(doc::block(std::move(t)));
        withheld_sentence(out, withheld);
    }

    std::string share_text(double share) const { return percent(share * 100, l_); }

    std::string quoted(const std::string& s) const { return fmt::format("‘{}’", s); }

    // The instrument's own "don't know" answers, quoted and joined with "of"
    // / "or" (‘Onbekend’ of ‘Geen idee’), for sentences about the knowledge
    // gap; "onbekend" / "unknown" when no scored scale has one.
    std::string dont_know_words() const {
        std::vector<std::string> labels;
        for (const auto& d : ins_.domains)
            for (const auto& q : d.questions) {
                if (!q.scored || (q.kind != QuestionKind::choice && q.kind != QuestionKind::multi)) continue;
                const Scale* sc = ins_.find_scale(q.scale);
                if (!sc) continue;
                for (const auto& o : sc->options)
                    if (o.kind == OptionKind::dont_know) {
                        std::string l = quoted(o.label.get(l_));
                        if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
                    }
            }
        if (labels.empty()) return tr(l_, "onbekend", "unknown");
        std::string out = labels.front();
        for (std::size_t i = 1; i < labels.size(); ++i)
            out += fmt::format("{}{}", i + 1 == labels.size() ? tr(l_, " of ", " or ") : ", ", labels[i]);
        return out;
    }

    // "‘A’, ‘B’ of ‘C’".
    std::string or_list(const std::vector<std::string>& labels) const {
        std::string out;
        for (std::size_t i = 0; i < labels.size(); ++i)
            out += fmt::format("{}{}", i == 0 ? "" : i + 1 == labels.size() ? tr(l_, " of ", " or ") : ", ", labels[i]);
        return out;
    }

    // How the figures are computed, written from this instrument's own
    // scales, risk values, bands and settings (docs/method.md has the rules).
    void method(doc::Blocks& out) {
        const RiskModel& rm = ins_.risk;
        std::vector<std::string> items;
        // Scales used by scored questions, with their risk values.
        std::vector<const Scale*> used;
        std::vector<std::string> filters, numbers;
        bool owners = false, cannot_know = false;
        for (const auto& d : ins_.domains) {
            owners = owners || !d.owners.empty();
            for (const auto& q : d.questions) {
                owners = owners || (q.owners && !q.owners->empty());
                if (!q.scored) filters.push_back(q.id);
                if (q.kind == QuestionKind::number && !q.number_risk.empty()) numbers.push_back(q.id);
                if ((q.kind == QuestionKind::choice || q.kind == QuestionKind::multi) && q.scored)
                    if (const Scale* sc = ins_.find_scale(q.scale); sc && std::find(used.begin(), used.end(), sc) == used.end()) used.push_back(sc);
            }
        }
        // "Cannot know" labels that count as "don't know" from an owning
        // role (their scale has a "don't know" with a risk): said once, with
        // the roles; on a scale without such a risk it is never a risk.
        std::vector<std::string> counted_ck;
        for (const Scale* sc : used) {
            std::string opts, dk, na, ck;
            bool dk_risk = false;
            for (const auto& o : sc->options) dk_risk = dk_risk || (o.kind == OptionKind::dont_know && o.risk);
            for (const auto& o : sc->options) {
                if (o.kind == OptionKind::answer && o.risk)
                    opts += fmt::format("{}{} {}", opts.empty() ? "" : ", ", quoted(o.label.get(l_)), report::decimal(*o.risk, 2, l_));
                else if (o.kind == OptionKind::dont_know)
                    dk = o.risk ? fmt::format("{} {} {}", quoted(o.label.get(l_)), tr(l_, "telt als", "counts as"), report::decimal(*o.risk, 2, l_))
                                : fmt::format("{} {}", quoted(o.label.get(l_)), tr(l_, "telt niet als risico", "is not counted as a risk"));
                else if (o.kind == OptionKind::not_applicable)
                    na = fmt::format("{} {}", quoted(o.label.get(l_)), tr(l_, "telt niet mee", "is left out"));
                else if (o.kind == OptionKind::cannot_know) {
                    cannot_know = true;
                    if (!dk_risk)
                        ck = fmt::format("{} {}", quoted(o.label.get(l_)), tr(l_, "is een kennisgat en nooit een risico", "is a knowledge gap, never a risk"));
                    else if (std::string l = quoted(o.label.get(l_)); std::find(counted_ck.begin(), counted_ck.end(), l) == counted_ck.end())
                        counted_ck.push_back(l);
                }
            }
            std::string name = sc->label.empty() ? sc->id : sc->label.get(l_);
            std::string line = fmt::format("{} {}: {}.", tr(l_, "Risicowaarden op de schaal", "Risk values on the scale"), quoted(name), opts);
            for (const auto& extra : {dk, ck, na})
                if (!extra.empty()) line += fmt::format(" {}.", capitalised(extra));
            const Option* lenient = sc->find(sc->unevidenced_option);
            const Option* counted = sc->find(sc->unevidenced_score_as);
            if (lenient && counted)
                line += fmt::format(" {} {} {} {}.", tr(l_, "Bij een vraag die om bewijs vraagt, telt", "Where a question asks for evidence,"),
                                    quoted(lenient->label.get(l_)), tr(l_, "zonder genoemd bewijs als", "without named evidence counts as"),
                                    quoted(counted->label.get(l_)));
            items.push_back(line);
        }
        if (!rm.unevidenced_option.empty())
            items.push_back(fmt::format("{} {} {} {}.", tr(l_, "Bij een vraag die om bewijs vraagt, telt", "Where a question asks for evidence,"),
                                        quoted(option_label(rm.unevidenced_option)),
                                        tr(l_, "zonder genoemd bewijs als", "without named evidence counts as"),
                                        quoted(option_label(rm.unevidenced_score_as))));
        const std::string ck_words = or_list(counted_ck);
        if (owners && !counted_ck.empty())
            items.push_back(fmt::format("{} {} {} {} {} {} {} {} {}", tr(l_, "Niet elke rol kan alles weten. Het instrument zegt per vraag welke rollen het onderwerp kennen.",
                                                       "Not every role can know everything. The instrument says per question which roles know the topic."),
                                        capitalised(dont_know_words()), tr(l_, "en", "and"), ck_words,
                                        tr(l_, "van een andere rol zijn een kennisgat, geen risico. Van een rol die het onderwerp kent, telt",
                                           "from another role are a knowledge gap, not a risk. From a role that knows the topic,"),
                                        ck_words, tr(l_, "als", "counts as"), dont_know_words(),
                                        tr(l_, "zoals hierboven: die rol hoort het te weten.", "as above: that role should know.")));
        else if (owners)
            items.push_back(fmt::format("{} {} {}", tr(l_, "Niet elke rol kan alles weten. Het instrument zegt per vraag welke rollen het onderwerp kennen.",
                                                       "Not every role can know everything. The instrument says per question which roles know the topic."),
                                        capitalised(dont_know_words()),
                                        tr(l_, "van een andere rol is een kennisgat, geen risico.", "from another role is a knowledge gap, not a risk.")));
        else if (!counted_ck.empty())
            items.push_back(fmt::format("{} {} {} {} {}", tr(l_, "Het instrument zegt niet welke rollen een onderwerp kennen: elke rol hoort alles te weten.",
                                                             "The instrument does not say which roles know a topic: every role should know everything."),
                                        capitalised(ck_words), tr(l_, "telt daarom voor iedereen als", "therefore counts for everyone as"),
                                        dont_know_words(), tr(l_, "zoals hierboven.", "as above.")));
        else if (!cannot_know)
            items.push_back(fmt::format("{} {} {}", tr(l_, "Het instrument zegt niet welke rollen een onderwerp kennen:", "The instrument does not say which roles know a topic:"),
                                        dont_know_words(), tr(l_, "telt voor iedereen zoals hierboven.", "counts for everyone as above.")));
        if (!filters.empty())
            items.push_back(fmt::format("{} ({}) {}", tr(l_, "Filtervragen", "Filter questions"), fmt::join(filters, ", "),
                                        tr(l_, "bepalen alleen welke vragen volgen en tellen niet mee. Sluit een thema voor iedereen af, dan is het ‘niet van toepassing’.",
                                           "only decide which questions follow and are not scored. A theme closed for everyone is ‘not applicable’.")));
        for (const auto& id : numbers) {
            const Question* q = ins_.find_question(id);
            std::string steps;
            for (const auto& st : q->number_risk)
                steps += fmt::format("{}{} {}", steps.empty() ? "" : ", ",
                                     st.upto ? fmt::format("{} {}", tr(l_, "tot en met", "up to"), report::amount(*st.upto, l_)) : std::string(tr(l_, "daarboven", "above")),
                                     report::decimal(st.risk, 2, l_));
            items.push_back(fmt::format("{} {}: {}.", tr(l_, "Getal bij", "Number at"), id, steps));
        }
        items.push_back(tr(l_, "Per vraag nemen we het gemiddelde risico. Per thema tellen zwaardere vragen (gewicht 1 tot 3) zwaarder mee. Dat geeft een score van 0 tot 100.",
                           "Per question we take the mean risk. Per theme, heavier questions (weight 1 to 3) count more. That gives a score from 0 to 100."));
        items.push_back(fmt::format("{} {} {}", tr(l_, "Is in een thema", "When"), share_text(rm.knowledge_gap_range),
                                    tr(l_, "of meer van de antwoorden onbekend, dan tonen we ook het bereik: de score als al het onbekende geen risico is, en als het volledig risico is. Is het niveau aan beide kanten gelijk, dan staat het vast.",
                                       "or more of the answers in a theme are unknown, we also show the range: the score if everything unknown is no risk, and if it is full risk. If the level is the same at both ends, it holds either way.")));
        if (!rm.critical_band.empty())
            items.push_back(fmt::format("{} {} {} {}{} **{}**.", tr(l_, "Geeft", "When"), share_text(rm.critical_share),
                                        tr(l_, "of meer van de antwoorden op een kritieke vraag (gewicht", "or more of the answers to a critical question (weight"),
                                        rm.critical_weight,
                                        tr(l_, ") het hoogste risico, dan staat het thema op minstens", ") carry the highest risk, the theme is at least"),
                                        report::band_label(ins_, rm.critical_band, l_)));
        bool flags = false;
        for (const auto& q : as_.questions) flags = flags || ins_.find_question(q.id)->red_flags.size() > 0;
        if (flags)
            items.push_back(fmt::format("{} {} {}", tr(l_, "Een rode vlag is een waarschuwing: één signaal is genoeg om het te controleren, binnen", "A red flag is an alert: one signal is enough to check it, within"),
                                        rm.red_flag_deadline_days,
                                        rm.red_flag_lifts ? fmt::format("{} **{}**.", tr(l_, "dagen. Het thema gaat dan naar", "days. The theme then goes to"), report::band_label(ins_, rm.red_flag_band, l_))
                                                          : std::string(tr(l_, "dagen. Het niveau van het thema verandert er niet door.", "days. It does not change the level of the theme."))));
        if (rm.disagreement_opposites)
            items.push_back(fmt::format("{} {} {} {}.", tr(l_, "Verschil van mening: minstens", "Disagreement: at least"), share_text(rm.disagreement_share),
                                        tr(l_, "van de antwoorden aan elke kant van de schaal (laagste en hoogste risico), of een spreiding boven",
                                           "of the answers at each end of the scale (lowest and highest risk), or a spread above"),
                                        report::decimal(rm.disagreement_spread, 2, l_)));
        else
            items.push_back(fmt::format("{} {}.", tr(l_, "Verschil van mening: een spreiding boven", "Disagreement: a spread above"), report::decimal(rm.disagreement_spread, 2, l_)));
        items.push_back(fmt::format("{} {} {}", tr(l_, "Weet", "When"), share_text(rm.knowledge_gap_share),
                                    tr(l_, "of meer van wie het kan weten het antwoord niet, dan is de vraag een ‘zoek uit’-actie.",
                                       "or more of those who can know do not know the answer, the question becomes a ‘find out’ action.")));
        items.push_back(rm.missing == MissingPolicy::ignore
                            ? std::string(tr(l_, "Lege antwoorden tellen niet mee. Vragen die door een eerder antwoord zijn overgeslagen, tellen ook niet als leeg.",
                                             "Empty answers are left out. Questions skipped because of an earlier answer do not count as empty either."))
                            : fmt::format("{} {}. {}", tr(l_, "Een leeg antwoord telt als", "An empty answer counts as"), dont_know_words(),
                                          tr(l_, "Vragen die door een eerder antwoord zijn overgeslagen, tellen niet als leeg.",
                                             "Questions skipped because of an earlier answer do not count as empty.")));
        items.push_back(as_.domain_exposure
                            ? tr(l_, "Blootstelling (1–5) per thema komt uit de dienstvragen die het instrument daarvoor noemt; de mediaan per vraag, dan het gemiddelde of het hoogste.",
                                 "Exposure (1–5) per theme comes from the profile questions the instrument names for it; the median per question, then the mean or the highest.")
                            : tr(l_, "Blootstelling (1–5) van de dienst komt uit de dienstvragen; het instrument geeft geen blootstelling per thema, dus er is geen risicomatrix.",
                                 "Exposure (1–5) of the service comes from the profile questions; the instrument gives no exposure per theme, so there is no risk matrix."));
        items.push_back(fmt::format("{} {}{}", tr(l_, "Een maatregel doet mee bij een gemiddeld risico van 0,5 of meer, een rode vlag of genoeg kritieke antwoorden. Een vraag die bij meer maatregelen hoort, telt bij elk voor een deel. Prioriteit = risico × blootstelling ÷ inspanning. Het plan heeft hoogstens",
                                                   "A measure is proposed at a mean risk of 0.5 or more, a red flag or enough critical answers. A question shared by several measures counts for each in part. Priority = risk × exposure ÷ effort. The plan has at most"),
                                    ins_.report.plan_size,
                                    tr(l_, " maatregelen; de rest staat onder ‘Later’.", " measures; the rest is listed under ‘Later’.")));
        items.push_back(fmt::format("{} {} {}", tr(l_, "Een rolgroep tonen we apart vanaf", "A role group is shown separately from"), rm.anonymity_threshold,
                                    tr(l_, "deelnemers. Samen moeten de verborgen groepen ook die drempel halen; anders verbergen we ook de kleinste zichtbare groep.",
                                       "respondents. Together the hidden groups must reach that threshold too; otherwise the smallest shown group is hidden as well.")));
        doc::List rules;
        for (const auto& it : items) {
            doc::ListItem li;
            li.blocks.push_back(doc::paragraph(bold_runs(it)));
            rules.items.push_back(std::move(li));
        }
        out.push_back(doc::block(std::move(rules)));
    }

    static std::string capitalised(std::string s) {
        // The labels are the instrument's; only a plain ASCII first letter
        // after the opening quote is changed.
        return s;
    }

    // "**x**" in a generated sentence becomes bold.
    static doc::Inlines bold_runs(const std::string& s) {
        doc::Inlines out;
        bool bold = false;
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t j = s.find("**", i);
            std::string part = s.substr(i, j == std::string::npos ? std::string::npos : j - i);
            if (!part.empty()) out.push_back(run(part, bold ? doc::bold : doc::plain));
            if (j == std::string::npos) break;
            bold = !bold;
            i = j + 2;
        }
        return out;
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
    const RespondentFacts& facts_;
    const Assessment& as_;
    const Plan& plan_;
    const ReportOptions& opt_;
    std::string l_;
    Diagnostics& diags_;
    bool wants_contents_ = false;
    std::vector<ContentsEntry> contents_;
    std::size_t placeholders_ = 0;
    report::ChartContext charts_;
};

} // namespace

const std::vector<std::string>& report_placeholders() { return placeholders; }
const std::vector<std::string>& report_directives() { return directives; }

namespace {

// Headings of level 1 and 2 that go into the outline, nested blocks included.
std::size_t outline_headings(const doc::Blocks& blocks) {
    std::size_t n = 0;
    for (const auto& b : blocks) {
        if (const auto* h = std::get_if<doc::Heading>(&b.content)) n += h->in_outline && h->level <= 2 ? 1 : 0;
        else if (const auto* g = std::get_if<doc::Group>(&b.content)) n += outline_headings(g->blocks);
        else if (const auto* c = std::get_if<doc::Callout>(&b.content)) n += outline_headings(c->blocks);
    }
    return n;
}

} // namespace

doc::Document build_report(const Instrument& ins, const RespondentFacts& respondents, const Assessment& as,
                           const Plan& plan, const ReportOptions& options, Diagnostics& diags) {
    Diagnostics first;
    ReportBuilder plain(ins, respondents, as, plan, options, first);
    doc::Document d = plain.build();
    if (!plain.wants_contents() || first.has_errors()) {
        diags.append(first);
        return d;
    }
    // With [[contents]]: the contents' rows take their room first (one row
    // per heading), one layout finds the pages, then the real rows go in.
    // The rows are as high as the placeholders, so no page moves.
    std::vector<ReportBuilder::ContentsEntry> entries;
    {
        Diagnostics scratch;
        ReportBuilder sized(ins, respondents, as, plan, options, scratch);
        sized.set_contents({}, outline_headings(d.blocks));
        doc::Document draft = sized.build();
        Diagnostics ignored;
        auto laid = layout::layout_document(draft, layout::LayoutOptions{}, ignored);
        for (const auto& o : laid.outline)
            if (o.bookmark && o.level <= 2) entries.push_back({o.level, o.title, o.anchor, options.page_numbers ? o.page + 1 : 0});
    }
    ReportBuilder final_report(ins, respondents, as, plan, options, diags);
    final_report.set_contents(std::move(entries), 0);
    return final_report.build();
}

} // namespace zs
