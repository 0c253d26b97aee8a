#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace zs {

std::string resolve_language(const Instrument& ins, const std::string& requested, Diagnostics& diags) {
    if (requested.empty()) return ins.default_language();
    if (std::find(ins.languages.begin(), ins.languages.end(), requested) == ins.languages.end()) {
        diags.error({ins.path, 0, 0}, msg("the instrument has no '{}' texts (it has {})", requested, fmt::join(ins.languages, ", ")));
        return ins.default_language();
    }
    return requested;
}

} // namespace zs
