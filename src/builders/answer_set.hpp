// Reading the answers of a run: any mix of TOML answer files and filled PDF
// forms, each validated against the instrument, then checked as a set (one
// instrument version, unique respondent codes).
#pragma once

#include <string>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// Reads every file; problems of all files are reported together. Returns the
// responses sorted by path (the input order never matters).
std::vector<Response> load_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags);

} // namespace zs
