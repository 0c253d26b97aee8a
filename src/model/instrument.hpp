// The instrument: plain types for everything an instrument file defines.
// Nothing downstream of the loader sees TOML; everything sees these types.
// docs/instrument-format.md documents the file format they come from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/changes.hpp"
#include "model/text.hpp"
#include "util/diagnostics.hpp"

namespace zs {

struct Source {
    std::string id;
    std::string authors; // "Macpherson, W." or an organisation
    LocalizedText title;
    int year = 0;
    std::string publisher;
    std::string url;
    SourceLocation where;
};

enum class OptionKind {
    answer,         // an ordinary answer with a risk value
    dont_know,      // "weet ik niet": a knowledge gap
    not_applicable, // "niet van toepassing": excluded from scores
    cannot_know,    // "kan ik vanuit mijn rol niet weten": a knowledge gap, never a risk
};

struct Option {
    std::string id; // stable ASCII id, written in answer files and form fields
    LocalizedText label;
    OptionKind kind = OptionKind::answer;
    std::optional<double> risk;  // 0 (safeguard in place) .. 1 (no safeguard)
    std::optional<double> value; // a number for rating scales (e.g. 1..5)
    std::optional<int> exposure; // 1..5, on options of service-profile questions
    bool reason_required = false;
    SourceLocation where;
};

struct Scale {
    std::string id;
    LocalizedText label; // optional name, e.g. "Ja / deels / nee"
    std::vector<Option> options;
    // This scale's own leniency rule (unevidenced = { option, score_as }):
    // `unevidenced_option` without named evidence counts as
    // `unevidenced_score_as` on questions of this scale that ask for
    // evidence. Set, it replaces the [risk] rule on this scale; empty = the
    // [risk] rule, where this scale has both of its options.
    std::string unevidenced_option;
    std::string unevidenced_score_as;
    SourceLocation where;

    [[nodiscard]] const Option* find(std::string_view option_id) const;
};

struct Role {
    std::string id;
    LocalizedText label;
    // Answers as one attributed session ("standpunt leiding"): shown by name
    // whatever its size, next to the distribution of the others.
    bool attributed = false;
    SourceLocation where;
};

// Roles counted together as one group in every group figure.
struct RolePool {
    std::string id;
    LocalizedText label;
    std::vector<std::string> roles;
    SourceLocation where;
};

enum class QuestionKind {
    choice, // one option of a scale
    multi,  // any number of options of a scale
    text,   // open text
    number, // a number, optionally within min..max
};

// Show a question only when an earlier question was answered with one of
// the given options. A skipped question is not "missing".
// On a number question: shown when the number lies in min..max (inclusive).
struct Condition {
    std::string question;
    std::vector<std::string> answers;
    std::optional<double> min, max; // a condition on a number question
    SourceLocation where;

    [[nodiscard]] bool on_number() const { return answers.empty() && (min || max); }
    [[nodiscard]] bool holds(double number) const { return (!min || number >= *min) && (!max || number <= *max); }
};

// One red-flag rule of a question: raised when respondents (of the listed
// roles; all when empty) chose one of `options`, in at least `share` of the
// scored answers (0 = one respondent is enough).
struct RedFlagRule {
    std::vector<std::string> options;
    std::vector<std::string> roles;
    double share = 0;
    SourceLocation where;
};

// A number answer's risk: the first step whose `upto` (inclusive) is at or
// above the number; the last step has no upto.
struct NumberStep {
    std::optional<double> upto;
    double risk = 0;
};

struct Question {
    std::string id; // e.g. "D3.2"
    LocalizedText text;
    LocalizedText help;     // Markdown: why this matters
    LocalizedText evidence; // prompt for evidence; empty = none asked
    QuestionKind kind = QuestionKind::choice;
    std::string scale;           // id of a Scale, for choice and multi
    int weight = 1;              // 1 supporting, 2 important, 3 critical
    std::vector<std::string> tags;     // mechanism codes, grounds
    std::vector<std::string> red_flag; // option ids of every rule below (for forms and lists)
    std::vector<RedFlagRule> red_flags; // the rules; empty = no red flag
    bool scored = true;                 // false: a filter question that only routes
    std::optional<std::vector<std::string>> owners; // roles that can know; unset = the domain's
    // Who else can know, in words, for part of a role ("medewerkers
    // schuldhulp"): printed after the owners, never part of the scoring.
    LocalizedText also_known_by;
    std::vector<NumberStep> number_risk; // scores a number question; empty = summarised only
    std::optional<Condition> condition;
    std::vector<std::string> sources; // ids of Source
    std::optional<double> min, max;   // for number questions
    LocalizedText unit;               // for number questions
    int lines = 0;                    // ruled lines on paper for text/notes; 0 = default
    SourceLocation where;
};

enum class ExposureMethod { mean, max };

// The service profile: questions about the service that set its exposure.
struct Profile {
    LocalizedText title;
    LocalizedText intro;
    ExposureMethod method = ExposureMethod::mean;
    std::vector<Question> questions;
};

// The exposure of one domain from some of the profile questions.
struct DomainExposure {
    std::vector<std::string> from; // profile question ids
    ExposureMethod method = ExposureMethod::mean;
    SourceLocation where;
};

struct Domain {
    std::string id; // e.g. "D3"
    LocalizedText title;
    LocalizedText intro; // Markdown
    double weight = 1;
    std::vector<std::string> owners; // roles that own the topic; empty = every role
    std::optional<DomainExposure> exposure; // unset = the service exposure
    // false: answered by name (a coordinator's log), so its questions are
    // shown whatever their count (docs/method.md section 5).
    bool anonymous = true;
    std::vector<Question> questions;
    SourceLocation where;
};

enum class Level { low, medium, high };
enum class Timeframe { now, months3, months12 };

struct Measure {
    std::string id;
    LocalizedText title;
    LocalizedText description; // Markdown
    LocalizedText first_step;
    LocalizedText owner;     // suggested owner role
    LocalizedText indicator; // how progress shows
    Level effort = Level::medium;
    Level impact = Level::medium;
    Timeframe timeframe = Timeframe::months12;
    std::vector<std::string> addresses; // question ids
    std::vector<std::string> prerequisites; // `requires`: measure ids that must come first
    LocalizedText redress;              // red-flag measures: look back, repair, inform
    bool red_flag = false;              // a "do no harm" measure: act at once
    SourceLocation where;
};

struct RiskBand {
    std::string id;
    LocalizedText label;
    double upto = 100; // upper bound of the band's risk percentage, inclusive
    std::string colour; // "#rrggbb"
    SourceLocation where;
};

enum class MissingPolicy { ignore, as_dont_know };

// "The profile says algorithms, the gate says no selection rules": raised
// when some respondent gave a `when` answer and some respondent a
// `contradicts` answer.
struct ConsistencyRule {
    std::string id;
    std::string when_question;
    std::vector<std::string> when_answers;
    std::string contradicts_question;
    std::vector<std::string> contradicts_answers;
    LocalizedText text;
    SourceLocation where;
};

struct RiskModel {
    bool scored = false; // false for instruments without a risk model
    std::vector<RiskBand> bands; // ascending by upto
    MissingPolicy missing = MissingPolicy::ignore;
    int anonymity_threshold = 5;
    // Disagreement: both ends of the scale given, or a spread over the limit.
    bool disagreement_opposites = true;
    double disagreement_spread = 0.35;
    double disagreement_share = 0.2; // opposites: at least this share at each end
    // A critical question (weight >= critical_weight) answered with risk
    // >= critical_risk lifts its domain to at least critical_band; a red-flag
    // answer lifts it to red_flag_band.
    int critical_weight = 3;
    double critical_risk = 1.0;
    std::string critical_band;
    std::string red_flag_band;
    double critical_share = 0.2;   // share of critical answers needed for the lift
    bool red_flag_lifts = false;   // true: a red flag lifts the band to red_flag_band
    int red_flag_deadline_days = 14; // verification deadline of a red-flag alert
    // Domain knowledge gap at or above which the report shows the range.
    double knowledge_gap_range = 0.25;
    std::vector<ConsistencyRule> consistency;
    std::vector<RolePool> pools;
    // Share of "don't know" answers at or above which a question becomes a
    // "find out" action.
    double knowledge_gap_share = 0.25;
    // Self-assessment is lenient: an answer `unevidenced_option` without
    // evidence counts as `unevidenced_score_as`. Empty = off.
    std::string unevidenced_option;
    std::string unevidenced_score_as;
    SourceLocation where;

    [[nodiscard]] const RiskBand* band_for(double percentage) const;
    [[nodiscard]] const RiskBand* find_band(std::string_view id) const;
};

// How much the report shows; [report] in the instrument.
struct ReportSettings {
    int plan_size = 10;   // measures in the director's plan; the rest under "later"
    int agenda_size = 8;  // rows of the discussion agenda
    int open_answers = 5; // open answers per question in the body; all in the appendix
};

struct Version {
    int major = 0, minor = 0, patch = 0;
    std::string text;
    friend bool operator==(const Version& a, const Version& b) { return a.text == b.text; }
};

std::optional<Version> parse_version(std::string_view text);

// Where a question lives: domain index, or -1 for the service profile.
struct QuestionRef {
    int domain = -1;
    int index = 0;
};

struct Instrument {
    std::string id; // ASCII slug
    Version version;
    std::vector<std::string> languages; // first is the default
    LocalizedText title;
    LocalizedText subtitle;
    LocalizedText description; // Markdown
    LocalizedText instructions; // Markdown: how to fill it in
    LocalizedText privacy;      // Markdown: how answers are used and kept
    // The details the respondent block asks, in this order of the set
    // {organisation, unit, date, code, role, participants}; all by default.
    // A client questionnaire asks fewer (no code, no group session).
    std::vector<std::string> respondent = {"organisation", "unit", "date", "code", "role", "participants"};
    LocalizedText role_question; // the role's prompt; empty: "Uw rol (kies er één)"
    // Who collects the answers, as a noun phrase with its article, in every
    // hand-in sentence of the paper, the forms and the HTML form ("Lever de
    // ingevulde vragenlijst in bij {}"); empty: "de coördinator". A client
    // does not know who the coordinator is.
    LocalizedText hand_in_to;
    // false: the paper scan and the forms number the questions 1, 2, 3 and
    // refer to them by that number ("Ga dan verder met vraag 6"), without
    // the codes K1.1 and K2 a client has no use for. Answer files, reports
    // and every error message keep the codes.
    bool show_codes = true;
    [[nodiscard]] bool asks(std::string_view field) const;
    std::vector<std::string> authors;
    std::string licence;
    std::vector<Source> sources;
    std::vector<Scale> scales;
    std::vector<Role> roles;
    Profile profile;
    std::vector<Domain> domains;
    std::vector<Measure> measures;
    RiskModel risk;
    std::vector<ChangeSet> changes; // the changelog, oldest first
    ReportSettings report;
    std::string path; // the file it was loaded from

    // Filled by the loader: every question id, profile first, in order.
    std::map<std::string, QuestionRef, std::less<>> question_index;
    std::vector<std::string> question_order;

    [[nodiscard]] const Question* find_question(std::string_view id) const;
    // How the paper scan and the forms name a question: its code ("K1.4"),
    // or with show_codes = false the number it is printed with ("4").
    [[nodiscard]] std::string shown_name(std::string_view question) const;
    [[nodiscard]] const Scale* find_scale(std::string_view id) const;
    [[nodiscard]] const Role* find_role(std::string_view id) const;
    [[nodiscard]] const Measure* find_measure(std::string_view id) const;
    [[nodiscard]] const Source* find_source(std::string_view id) const;
    // Whether a respondent with `role` can know the answer to `question`:
    // true when the question (or its domain) names no owners, or the role
    // is one of them, or the role is empty.
    [[nodiscard]] bool owns(std::string_view question, std::string_view role) const;
    // The roles that own `question` (its own owners, else its domain's);
    // nullptr when every role does (none named, or all of them).
    [[nodiscard]] const std::vector<std::string>* owners_of(std::string_view question) const;
    // Whether any domain or question names owners short of every role (an
    // instrument where everyone may know everything says nothing of it).
    [[nodiscard]] bool names_owners() const;
    // Whether an owners list covers every role (empty: it does).
    [[nodiscard]] bool names_every_role(const std::vector<std::string>& owners) const;
    // The group a role's respondents count in: its pool's id, else the role.
    [[nodiscard]] std::string group_of(std::string_view role) const;
    [[nodiscard]] const std::string& default_language() const;
    [[nodiscard]] std::size_t question_count() const; // domain questions only
    void build_index();
};

std::string_view to_string(QuestionKind k);
std::string_view to_string(Level l);
std::string_view to_string(Timeframe t);
std::string_view to_string(OptionKind k);

} // namespace zs
