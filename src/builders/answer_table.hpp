// The answers as a table for analysts (`zelfscan export`): one row per
// respondent, one column per question, and a note and evidence column for
// questions where someone wrote one. The anonymity rule holds unless `all`:
// no codes, dates or file names; the role of a group below the anonymity
// threshold is hidden; rows are sorted by their content, so their order
// says nothing about who answered.
#pragma once

#include <string>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "scoring/assessment.hpp"

namespace zs {

struct AnswerTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

AnswerTable answer_table(const Instrument& ins, const std::vector<Response>& responses, const Assessment& a, bool all);

std::string answer_table_csv(const AnswerTable& t);
std::string answer_table_json(const AnswerTable& t);

} // namespace zs
