// The instrument loader: TOML syntax, nesting, every semantic check, and
// the Markdown of its texts.
#include "cli/commands.hpp"
#include "harness.hpp"
#include "model/load_instrument.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    zs::Diagnostics diags;
    (void)zs::parse_instrument(zs::fuzz::bytes(data, size), "fuzz.toml", diags, zs::markdown_validator());
    (void)zs::format(diags);
    return 0;
}
