// Reading the answers of a run: any mix of TOML answer files and filled PDF
// forms, each validated against the instrument, then checked as a set (one
// instrument version, unique respondent codes).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// Reads every file; problems of all files are reported together. Returns the
// responses sorted by path (the input order never matters).
std::vector<Response> load_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags);

// The same, a batch of files at a time: each response is handed to `sink`
// in path order and dropped (issue 19), so memory does not grow with the
// number of files. Returns what the outputs need of the respondents.
RespondentFacts stream_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags,
                                  const std::function<void(Response&&)>& sink);

} // namespace zs
