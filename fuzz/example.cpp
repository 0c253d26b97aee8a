#include <cstdio>
#include <cstdlib>

#include "harness.hpp"
#include "model/load_instrument.hpp"

namespace zs::fuzz {

const Instrument& example_instrument() {
    static const Instrument ins = [] {
        Diagnostics diags;
        auto loaded = load_instrument(std::string(ZELFSCAN_SOURCE_DIR) + "/tests/data/instruments/voorbeeld.toml", diags);
        if (!loaded) {
            std::fputs("fuzz: cannot load tests/data/instruments/voorbeeld.toml\n", stderr);
            std::abort();
        }
        return std::move(*loaded);
    }();
    return ins;
}

} // namespace zs::fuzz
