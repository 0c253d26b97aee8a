// Printing for the command layer: diagnostics to stderr, and writing
// outputs atomically without ever overwriting an input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.hpp"

namespace zs {

void print_diagnostics(const Diagnostics& diags);

// Writes `data` to `path` atomically. Refuses when `path` is one of
// `inputs`. Returns false after printing an error.
bool write_output(const std::string& path, std::string_view data, const std::vector<std::string>& inputs);

} // namespace zs
