// What every fuzz harness shares: the libFuzzer entry point, and the small
// instrument the answer and form harnesses read against.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/instrument.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace zs::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// tests/data/instruments/voorbeeld.toml, loaded once.
const Instrument& example_instrument();

} // namespace zs::fuzz
