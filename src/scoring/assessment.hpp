// The assessment: what the answers of many respondents say, per question,
// per domain, per role group and overall. Built by assess() from an
// Instrument and its Responses; read by the plan, the report and the JSON
// export. docs/method.md explains every figure for non-programmers.
//
// Every figure is computed from integer counts, so the result does not
// depend on the order of the respondents (floating-point sums would).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// Fixed rules of the method that the instrument does not set
// (docs/method.md, "Fixed rules").
struct ScoringRules {
    // Two shown role groups whose risk percentage for a domain differs by at
    // least this many points: the difference is a finding.
    double group_difference_points = 15.0;
    // Confidence (docs/method.md, "Confidence"): low at or above the first
    // value, medium at or above the second.
    double confidence_gap_low = 0.30, confidence_gap_medium = 0.15;
    double confidence_missing_low = 0.30, confidence_missing_medium = 0.15;
    double confidence_disagreement_low = 0.30, confidence_disagreement_medium = 0.10; // share of scored questions
    // false: the notes, evidence, reasons and open answers are not kept (a
    // job that prints none of them, such as score, then holds no text per
    // respondent); numbers are always kept for their summaries.
    bool keep_texts = true;
};

struct OptionCount {
    std::string option; // option id of the question's scale
    int count = 0;      // respondents who chose it (multi: each option chosen)
    double share = 0;   // count / answered
};

struct QuestionResult {
    std::string id;
    int domain = -1; // index into Instrument::domains; -1 = service profile
    int weight = 1;
    bool scored = false; // has a scale with risk values (choice or multi)

    // Shown to fewer than the anonymity threshold (and answered; not in a
    // domain with anonymous = false): the answers count in
    // the domain, the plan and the red flags, but no figure of this question
    // alone is shown (withhold_small_questions(); docs/method.md section 5).
    bool withheld = false;

    int respondents = 0;    // respondents to whom the question was shown (or undetermined)
    int people = 0;         // the people behind them: a group session counts its participants
    int skipped = 0;        // respondents who skipped it by its condition: never missing
    int answered = 0;       // shown and answered
    int missing = 0;        // shown, not answered
    int dont_know = 0;      // answered "don't know" or "cannot know": a knowledge gap
    int cannot_know = 0;    // of which "don't know" from a role that does not own the topic, or "cannot know": no risk
    int not_applicable = 0; // answered "not applicable": excluded from the risk
    int unevidenced = 0;    // answers scored lower because no evidence was named
    std::vector<OptionCount> options; // in scale order

    // The risk, over the scored answers (answered minus not applicable, plus
    // missing ones when the missing policy is "as don't know").
    int scored_answers = 0;
    std::optional<double> mean_risk; // 0..1
    double spread = 0;               // population standard deviation of the risks
    bool disagreement = false;
    bool opposites = false;          // both ends of the scale were given

    // The risk if every unknown answer (dont_know, also those scored) had
    // risk 0 and risk 1: the range the knowledge gap leaves open.
    std::optional<double> risk_low, risk_high;
    int unknown = 0; // answers in that range: dont_know plus missing scored as don't know

    int red_flags = 0;        // respondents who gave an answer of a red-flag rule (of its roles)
    bool red_flag = false;    // a rule is raised (count and share)
    int critical_answers = 0; // critical question answered at or above critical_risk
    double knowledge_gap = 0; // dont_know / (answered - not_applicable), 0..1
    double owner_gap = 0;     // the same among respondents whose role owns the topic
    bool find_out = false;    // owner_gap >= knowledge_gap_share

    // Untrusted respondent text, without respondent codes, sorted.
    std::vector<std::string> reasons; // why "not applicable"
    std::vector<std::string> notes;
    std::vector<std::string> evidence;
    std::vector<std::string> texts; // answers to an open (text) question

    // Answers to a number question, ascending (summarize_numbers()).
    std::vector<double> numbers;
    bool number_scored = false; // a number question with number_risk

    // Median exposure (1..5) of a service-profile question, 0 = no answer.
    int exposure = 0;
};

struct DomainResult {
    std::string id;
    std::optional<double> risk; // percentage 0..100; empty when nothing was scored
    bool not_applicable = false; // closed for everyone by its conditions (or all "not applicable")
    // Every scored question answered in it is withheld (shown to fewer
    // people than the anonymity threshold): its score would be those few
    // people's answers, so no figure of it is shown. It still counts in the
    // total; its red flags are kept (docs/method.md section 5).
    bool withheld = false;
    // The range of the risk when every unknown answer is risk 0 .. risk 1,
    // and the bands at its two ends (equal: the band holds either way).
    std::optional<double> risk_low, risk_high;
    std::string band_low, band_high;
    bool show_range = false; // knowledge_gap >= knowledge_gap_range
    int exposure = 0;        // the domain's own exposure 1..5; 0 = none (the service's)
    bool own_exposure = false;
    int owners_answered = -1; // respondents of the owning roles who answered; -1 = no owners declared
    std::string score_band;     // band from the percentage alone
    std::string band;           // after the lifts below; empty when not scored
    bool lifted_critical = false;
    bool lifted_red_flag = false;
    std::vector<std::string> red_flag_questions; // question ids with a red-flag answer
    std::vector<std::string> critical_questions; // question ids answered at critical risk
    double knowledge_gap = 0;                    // share of "don't know" over its scored questions
    int likelihood = 0;                          // 1..5 on the heat map; 0 when not scored
    int disagreements = 0;                       // questions flagged
    int critical_answers = 0, critical_base = 0; // over critical questions: answers at critical risk, scored answers
};

// A raised consistency rule of the instrument.
struct Contradiction {
    std::string rule;
    int when = 0;        // respondents who gave a `when` answer
    int contradicts = 0; // respondents who gave a `contradicts` answer
    int both = 0;        // respondents who gave both
};

// How sure the picture is, and why (docs/method.md, "Confidence").
enum class ConfidenceLevel { high, medium, low };
struct Confidence {
    ConfidenceLevel level = ConfidenceLevel::high;
    double knowledge_gap = 0, missing = 0, disagreement_share = 0;
    bool few_respondents = false;
    std::vector<std::string> uncovered_domains; // owners declared, none answered
};

struct Exposure {
    bool known = false; // false: no profile answers; 3 is used for priorities
    int level = 3;      // 1..5
    double value = 3;   // before rounding (method mean)
};

struct Overall {
    std::optional<double> risk; // weighted (domain weight) mean of domain percentages
    std::string band;           // band of that percentage
    std::string worst_band;     // highest band of any domain (after lifts)
    int red_flags = 0;          // questions with a red-flag answer
    int critical = 0;           // critical questions answered at critical risk
    int disagreements = 0;
    int find_out = 0;
    int not_applicable = 0; // domains not applicable
};

struct GroupResult {
    std::string role; // role id, pool id, or "" = respondents without a role
    bool pool = false;       // a pool of roles ([[risk.pool]])
    bool attributed = false; // an attributed session: shown whatever its size
    int respondents = 0;
    bool suppressed = false;     // fewer than the anonymity threshold
    bool complementary = false;  // suppressed only to protect another group
    std::vector<DomainResult> domains;         // empty when suppressed
    std::vector<std::optional<double>> questions; // mean risk per question, question order; empty when suppressed
    // Per question (question order): respondents who chose each option, in
    // scale order, as given; empty for a question withheld in the group, and
    // when the group is suppressed. A pool counts its roles together.
    std::vector<std::vector<int>> chosen;
};

// "Management sees less risk than frontline staff in D3."
struct GroupDifference {
    std::string domain;
    std::string lower_role, higher_role;
    double lower = 0, higher = 0; // risk percentages
};

struct Assessment {
    std::string instrument;
    std::string version;
    int respondents = 0;
    int sessions = 0; // of which group sessions
    std::vector<QuestionResult> questions; // Instrument::question_order: profile first
    std::vector<DomainResult> domains;     // Instrument::domains order
    Overall overall;
    Exposure exposure;
    std::vector<GroupResult> groups; // instrument role order, then "" (no role)
    std::vector<GroupDifference> differences;
    std::vector<Contradiction> contradictions; // raised rules, instrument order
    Confidence confidence;
    bool domain_exposure = false; // some domain has its own exposure: the heat map means something

    [[nodiscard]] const QuestionResult* find_question(std::string_view id) const;
    [[nodiscard]] const DomainResult* find_domain(std::string_view id) const;
};

// Checks a set of responses for one run: all answer the same instrument and
// the same version (else one error naming the files per version), and no
// respondent code is used twice (an error at the later file, naming the
// earlier one). Responses are ordered by path for the messages.
void check_response_set(const std::vector<Response>& responses, Diagnostics& diags);

// The same checks one file at a time, for a run that streams its answers:
// add the files in path order, then report. Keeps a few names per version
// and every code, nothing else of a response.
class ResponseSetCheck {
  public:
    void add_version(const std::string& path, const std::string& instrument, const std::string& version,
                     const SourceLocation& where);
    void add_code(const std::string& path, const std::string& code);
    [[nodiscard]] bool mixed() const { return by_version_.size() > 1; }
    void report_versions(Diagnostics& diags) const; // answers to more than one version
    void report_codes(Diagnostics& diags) const;    // a code used twice

  private:
    struct Group {
        std::string version; // of the first file
        SourceLocation where;
        std::vector<std::string> names; // the first few files
        std::size_t files = 0;
    };
    std::map<std::pair<std::string, std::string>, Group> by_version_; // instrument, major.minor
    std::map<std::string, std::string, std::less<>> codes_;          // code -> first file
    struct Repeat {
        std::string path, code, first;
    };
    std::vector<Repeat> repeats_;
};

// Aggregates responses one at a time, so that very many respondents need
// not be held in memory together: add() each, then finish() once. The
// result does not depend on the order of the add() calls.
class Assessor {
  public:
    explicit Assessor(const Instrument& ins, const ScoringRules& rules = {});
    ~Assessor();
    Assessor(const Assessor&) = delete;
    Assessor& operator=(const Assessor&) = delete;

    // Counts one response; it need not outlive the call.
    void add(const Response& r);
    [[nodiscard]] Assessment finish();

  private:
    struct State;
    std::unique_ptr<State> s_;
};

// Aggregates the responses. The responses must have passed
// validate_response and check_response_set; anything odd that remains (an
// unknown question or option) is ignored, never a crash.
Assessment assess(const Instrument& ins, const std::vector<Response>& responses, const ScoringRules& rules = {});

// Heat-map likelihood 1..5 from a risk percentage: 0-20 -> 1, 20-40 -> 2, ...
int likelihood_for(double percentage);

// For every output a reader sees: clears the figures of each withheld
// question (answer counts, risk, spread, range, red-flag count, texts,
// numbers), keeping its id, how many it was shown to and answered it,
// whether a red flag is raised and whether the owners should find out.
// Domain, overall and group figures are kept. The plan is made before.
void withhold_small_questions(Assessment& a);

std::string_view to_string(ConfidenceLevel c); // "high", "medium", "low"

} // namespace zs
