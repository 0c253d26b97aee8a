// Reading answer files (TOML) and checking responses against an instrument.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// What an answer file says it answers, read before the instrument is known.
struct AnswerHeader {
    std::string instrument;
    std::string version;
    SourceLocation where;
    // What read_answer_header found out about the whole text, so that
    // parse_response need not look again: it is valid UTF-8 without NUL
    // (check_text), and whether it holds control characters.
    bool text_checked = false;
    bool controls = true;
};

std::optional<AnswerHeader> read_answer_header(std::string_view data, const std::string& path, Diagnostics& diags);

// True when `data` looks like an answer file (top-level `instrument = "…"`)
// rather than an instrument file ([instrument] table).
bool looks_like_answer_file(std::string_view data);

// Parses an answer file against `ins` and validates it (validate_response).
// Returns the response when it has no errors. `header`, if given, is the
// one read_answer_header read from the same `data`.
std::optional<Response> parse_response(std::string_view data, const std::string& path, const Instrument& ins,
                                       Diagnostics& diags, const AnswerHeader* header = nullptr);
std::optional<Response> load_response(const std::string& path, const Instrument& ins, Diagnostics& diags);

// The two readers parse_response chooses from (exposed for the test that
// holds them to the same result). read_plain_answers is a fast reader of
// answer files in the plain shape the template has (one-line strings,
// integers, inline tables; the keys an answer file may have); it gives
// nullopt for anything else, mistakes included, without a diagnostic.
// read_toml_answers reads any valid TOML and reports every problem; the
// response is the one read, without validate_response.
std::optional<Response> read_plain_answers(std::string_view data, const std::string& path, const Instrument& ins);
// The header of a plain answer file whose whole text is valid TOML in the
// plain shape, as read_answer_header gives it; nullopt for any other file
// (read_answer_header then reads it the full way).
std::optional<AnswerHeader> read_plain_header(std::string_view data, const std::string& path);
// The header by toml++ (read_answer_header without its text check and its
// plain reader), with every problem reported; exposed for the same test.
std::optional<AnswerHeader> read_toml_header(std::string_view data, const std::string& path, Diagnostics& diags);
std::optional<Response> read_toml_answers(std::string_view data, const std::string& path, const Instrument& ins,
                                          Diagnostics& diags);

// Checks a response (from a file or a filled form) against its instrument:
// version, role group, unknown questions, options not on the scale, answers
// to skipped questions, missing reasons, numbers out of range.
void validate_response(const Instrument& ins, const Response& r, Diagnostics& diags);

// Answers to another patch version of the instrument (1.0.0 for 1.0.1) are
// accepted: same major and minor.
bool patch_compatible(std::string_view answers_version, const Version& instrument);
// One note per other patch version the respondents answered, naming how many files.
void note_other_patch_versions(const Instrument& ins, const RespondentFacts& facts, Diagnostics& diags);

// Whether a question is shown to this respondent, given its condition. A
// question whose gate is itself skipped is skipped too (conditions chain).
enum class Visibility { shown, skipped, undetermined };
Visibility visibility(const Question& q, const Response& r, const Instrument& ins);
// True when q's own gate question is skipped (the chain, not q's condition).
bool gate_skipped(const Question& q, const Response& r, const Instrument& ins);

// Questions that were shown (or undetermined) but not answered.
std::size_t count_missing(const Instrument& ins, const Response& r);

} // namespace zs
