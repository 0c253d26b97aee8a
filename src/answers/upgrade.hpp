// Answers to an older version of an instrument, carried to the current one
// through its changelog ([[changes]], docs/instrument-format.md): used by
// `zelfscan upgrade` to rewrite answer files, and by the input stage so that
// check, score and report accept answers to another minor or major version
// where the changelog maps them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "model/load_instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// The change sets that lead from version `from` to the instrument's own
// version, in order; empty when the changelog has no such path.
std::vector<const ChangeSet*> change_path(const Instrument& to, const std::string& from);

// What became of one response.
struct UpgradedResponse {
    Response response;                 // the answers under the new ids, for the new version
    std::vector<std::string> dropped;  // old question ids whose answers do not carry over
    std::vector<std::string> unmapped; // old answers on an option the new question lacks (id:option)
    std::vector<std::string> skipped;  // new question ids whose answers a gate of the new version skips
    // Set when the respondent's role group was removed on the way (the
    // response then does not belong in the new version); the change set
    // that removed it is `removed_in`.
    const RoleChange* removed_role = nullptr;
    const ChangeSet* removed_in = nullptr;
};

// Carries `old` (a response to `from`, already checked against it) to `to`
// along `path`: a question that is the same, reworded or reversed keeps its
// answer under its new id, with options mapped by the changelog (an option
// mapped to "" is dropped); a question changed, split, merged or removed
// loses its answer (listed in `dropped`). Notes, evidence and reasons go
// with their answer. A renamed role group gets its new id. An answer the
// new version's conditions skip (a new gate, or a gate answered so that
// the question no longer applies) is left out and listed in `skipped`, so
// the result passes `check`. Answers are put in the new instrument's order.
UpgradedResponse upgrade_response(const Response& old, const Instrument& to, const std::vector<const ChangeSet*>& path);

// The instrument `id` at `version`, looked for as an instrument file in
// `dir` (the answers' folder), as <id>.toml on the instruments path and as
// archive/<id>-<version>.toml beside it.
std::optional<Instrument> find_instrument_version(const std::string& dir, const std::string& id, const std::string& version,
                                                  Diagnostics& diags, const MarkdownValidator& markdown);

} // namespace zs
