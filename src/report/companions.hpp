// Companion questionnaires in the risk report: the staff culture survey and
// the client questionnaire (or any questionnaire without a risk model) whose
// results `zelfscan report ... --with ANSWERS...` adds to the self-scan's
// report, so that the four layers, the culture and the citizens' view of the
// Discriminatietoets are in one document. Each companion is its own
// results report, made from the companion template (aanvulling.nl.md,
// companion.en.md) and placed by the directive [[companions]].
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers/response.hpp"
#include "document/document.hpp"
#include "model/instrument.hpp"
#include "report/template.hpp"
#include "scoring/assessment.hpp"

namespace zs {

// One companion questionnaire with its answers, read and assessed.
struct CompanionSet {
    const Instrument* instrument = nullptr;
    const RespondentFacts* respondents = nullptr;
    const Assessment* assessment = nullptr;
};

namespace report {

// The fewest answer sets from which a companion's results are shown at all:
// the larger of the two instruments' anonymity thresholds. Below it the
// report says how many answered and shows nothing of what they answered.
int companion_minimum(const Instrument& main, const Instrument& companion);

bool companion_shown(const Instrument& main, const CompanionSet& c);

// The placeholders `companions` (list: id, title, version, respondents,
// respondents_phrase, shown, minimum) and `has_companions`.
void set_companion_data(Data& d, const Instrument& main, const std::vector<CompanionSet>& companions,
                        std::string_view lang);

// What the report says instead of a companion's results when too few
// answered: a heading and one paragraph.
doc::Blocks companion_withheld(const Instrument& main, const CompanionSet& c, std::string_view lang);

// Per choice question of `dom` whose scale has values (a rating or
// frequency scale): the mean value for everyone and for each role group
// that is shown (at least the anonymity threshold, complementary
// suppression included). Nothing when no group is shown: a group below the
// threshold never gets a column.
// With `min_answers`, a mean of fewer values is shown as "–"; a question
// withheld (shown to fewer than the threshold) has "–" too. Computed from
// the assessment's counts: a pool's column is the mean of its roles.
std::optional<doc::Table> role_means_table(const Instrument& ins, const Assessment& as, const Domain& dom, std::string_view lang,
                                           int min_answers = 0);

// The line under that table: the number in a column head is how many of the
// group took part, and which groups have no column of their own.
doc::Paragraph role_means_caption(const Instrument& ins, const Assessment& as, std::string_view lang);

} // namespace report
} // namespace zs
