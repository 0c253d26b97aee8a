// Loads an instrument file (TOML) into model types, with semantic checks.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// The syntax of an instrument id (a slug: lowercase letters, digits and
// inner hyphens, at most 100). Ids are looked up as file names, so nothing
// else (no '/', no "..") may ever be used as one.
bool is_instrument_id(std::string_view id);

// Checks one Markdown text and returns its problems (empty when fine). The
// loader knows nothing of Markdown; the command layer passes the document
// module's validator in, so the model stays free of rendering code.
using MarkdownValidator = std::function<std::vector<std::string>(std::string_view)>;

// Parses and checks instrument text. Returns the instrument when it has no
// errors; every problem found is added to `diags` either way.
std::optional<Instrument> parse_instrument(std::string_view data, const std::string& path,
                                           Diagnostics& diags,
                                           const MarkdownValidator& markdown = {});

// Reads the file (missing, directory, binary, invalid UTF-8 are errors) and
// parses it.
std::optional<Instrument> load_instrument(const std::string& path, Diagnostics& diags,
                                          const MarkdownValidator& markdown = {});

} // namespace zs
