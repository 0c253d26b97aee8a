// Image dimensions from PNG and JPEG headers, so layout can size images
// without decoding them (the PDF backend embeds the file as it is).
#include "layout/flow.hpp"

namespace zs::layout {

namespace {
std::uint32_t be(std::string_view d, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int k = 0; k < bytes; ++k)
        v = v << 8 | static_cast<unsigned char>(d[at + static_cast<std::size_t>(k)]);
    return v;
}
} // namespace

bool image_size(std::string_view d, int& width, int& height, std::string& error) {
    if (d.size() >= 24 && d.substr(0, 8) == "\x89PNG\r\n\x1a\n" && d.substr(12, 4) == "IHDR") {
        width = static_cast<int>(be(d, 16, 4));
        height = static_cast<int>(be(d, 20, 4));
    } else if (d.size() >= 4 && static_cast<unsigned char>(d[0]) == 0xFF &&
               static_cast<unsigned char>(d[1]) == 0xD8) {
        // Walk the JPEG segments to the first start-of-frame marker.
        std::size_t at = 2;
        width = height = 0;
        while (at + 9 < d.size()) {
            if (static_cast<unsigned char>(d[at]) != 0xFF) break;
            auto marker = static_cast<unsigned char>(d[at + 1]);
            std::uint32_t len = be(d, at + 2, 2);
            bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                       marker != 0xCC;
            if (sof) {
                height = static_cast<int>(be(d, at + 5, 2));
                width = static_cast<int>(be(d, at + 7, 2));
                break;
            }
            at += 2 + len;
        }
    } else {
        error = "not a PNG or JPEG file";
        return false;
    }
    if (width <= 0 || height <= 0 || width > 100000 || height > 100000) {
        error = "the image has no valid size";
        return false;
    }
    return true;
}

} // namespace zs::layout
