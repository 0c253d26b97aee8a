// Finding the instrument an answer file belongs to.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zs {

// Folders searched for `<id>.toml`: $ZELFSCAN_INSTRUMENTS (colon-separated),
// ./instruments, and the instruments folder of the source tree.
std::vector<std::string> instrument_search_path();

std::optional<std::string> find_instrument_file(const std::string& id);

} // namespace zs
