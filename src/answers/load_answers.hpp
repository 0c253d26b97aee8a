// Reading answer files (TOML) and checking responses against an instrument.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// What an answer file says it answers, read before the instrument is known.
struct AnswerHeader {
    std::string instrument;
    std::string version;
    SourceLocation where;
};

std::optional<AnswerHeader> read_answer_header(std::string_view data, const std::string& path, Diagnostics& diags);

// True when `data` looks like an answer file (top-level `instrument = "…"`)
// rather than an instrument file ([instrument] table).
bool looks_like_answer_file(std::string_view data);

// Parses an answer file against `ins` and validates it (validate_response).
// Returns the response when it has no errors.
std::optional<Response> parse_response(std::string_view data, const std::string& path, const Instrument& ins,
                                       Diagnostics& diags);
std::optional<Response> load_response(const std::string& path, const Instrument& ins, Diagnostics& diags);

// Checks a response (from a file or a filled form) against its instrument:
// version, role group, unknown questions, options not on the scale, answers
// to skipped questions, missing reasons, numbers out of range.
void validate_response(const Instrument& ins, const Response& r, Diagnostics& diags);

// Whether a question is shown to this respondent, given its condition.
enum class Visibility { shown, skipped, undetermined };
Visibility visibility(const Question& q, const Response& r);

// Questions that were shown (or undetermined) but not answered.
std::size_t count_missing(const Instrument& ins, const Response& r);

} // namespace zs
