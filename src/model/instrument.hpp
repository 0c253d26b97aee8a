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
    SourceLocation where;

    [[nodiscard]] const Option* find(std::string_view option_id) const;
};

struct Role {
    std::string id;
    LocalizedText label;
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
struct Condition {
    std::string question;
    std::vector<std::string> answers;
    SourceLocation where;
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
    std::vector<std::string> red_flag; // option ids that raise a red flag
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

struct Domain {
    std::string id; // e.g. "D3"
    LocalizedText title;
    LocalizedText intro; // Markdown
    double weight = 1;
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

struct RiskModel {
    bool scored = false; // false for instruments without a risk model
    std::vector<RiskBand> bands; // ascending by upto
    MissingPolicy missing = MissingPolicy::ignore;
    int anonymity_threshold = 5;
    // Disagreement: both ends of the scale given, or a spread over the limit.
    bool disagreement_opposites = true;
    double disagreement_spread = 0.35;
    // A critical question (weight >= critical_weight) answered with risk
    // >= critical_risk lifts its domain to at least critical_band; a red-flag
    // answer lifts it to red_flag_band.
    int critical_weight = 3;
    double critical_risk = 1.0;
    std::string critical_band;
    std::string red_flag_band;
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
    std::string path; // the file it was loaded from

    // Filled by the loader: every question id, profile first, in order.
    std::map<std::string, QuestionRef, std::less<>> question_index;
    std::vector<std::string> question_order;

    [[nodiscard]] const Question* find_question(std::string_view id) const;
    [[nodiscard]] const Scale* find_scale(std::string_view id) const;
    [[nodiscard]] const Role* find_role(std::string_view id) const;
    [[nodiscard]] const Measure* find_measure(std::string_view id) const;
    [[nodiscard]] const Source* find_source(std::string_view id) const;
    [[nodiscard]] const std::string& default_language() const;
    [[nodiscard]] std::size_t question_count() const; // domain questions only
    void build_index();
};

std::string_view to_string(QuestionKind k);
std::string_view to_string(Level l);
std::string_view to_string(Timeframe t);
std::string_view to_string(OptionKind k);

} // namespace zs
