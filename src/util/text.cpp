#include "util/text.hpp"

#include <cstdint>
#include <cstring>

namespace zs {

std::string normalise_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// Eight bytes at a time: a word with no byte below 0x20 and no DEL is
// skipped whole.
bool has_control_characters(std::string_view data) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::size_t i = 0;
    auto bad = [](unsigned char u) { return (u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F; };
    for (; i + 8 <= data.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, data.data() + i, 8);
        std::uint64_t del = w ^ (ones * 0x7F);
        bool maybe = ((w - ones * 0x20) & ~w & highs) || ((del - ones) & ~del & highs);
        if (!maybe) continue;
        for (std::size_t k = i; k < i + 8; ++k)
            if (bad(static_cast<unsigned char>(data[k]))) return true;
    }
    for (; i < data.size(); ++i)
        if (bad(static_cast<unsigned char>(data[i]))) return true;
    return false;
}

} // namespace zs
