// The previous round for `report --previous` and `score --previous`: a
// folder of answer files (scored with the instrument version they answer,
// found next to them or in the instruments path) or a `score --json` file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "answers/response.hpp"
#include "cycle/compare.hpp"
#include "cycle/round.hpp"
#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

struct PreviousRound {
    cycle::Round round;
    cycle::IdMapping mapping; // previous version's question ids -> the current instrument's
    std::vector<std::string> inputs; // the files read (never overwritten)
};

std::optional<PreviousRound> load_previous_round(const std::string& path, const Instrument& current, Diagnostics& diags);

// The .toml and .pdf files in a folder, sorted, not recursive.
std::vector<std::string> files_in_folder(const std::string& dir);

// The round's date: the latest answer date.
std::string round_date(const RespondentFacts& facts);

} // namespace zs
