// Reading and checking the [[changes]] tables of an instrument file. Only the
// instrument loader calls this (it includes toml++ through the reader).
#pragma once

#include <string>
#include <vector>

#include "model/changes.hpp"
#include "model/instrument.hpp"
#include "model/load_instrument.hpp"
#include "model/toml_reader.hpp"

namespace zs {

// Every [[changes]] table of `root`, in file order; problems go to `r`.
std::vector<ChangeSet> read_changes(TomlReader& r, const toml::table& root, const std::vector<std::string>& languages,
                                    const MarkdownValidator& markdown);

// Checks the changelog against the loaded instrument: versions in order, the
// newest set leading to the instrument's version, new ids that exist, old ids
// listed once, answer maps onto real options.
void check_changes(TomlReader& r, const Instrument& ins);

} // namespace zs
