// Image dimensions from PNG and JPEG headers, so layout can size images
// without decoding them (the PDF backend embeds the file as it is), and
// the check that makes an image safe to hand to libharu: size limits from
// the header first, then, for PNG, one decode with libpng behind its error
// handler. libharu decodes PNG itself without catching libpng's errors, so
// a damaged PNG that reached it would end the process. This is the only
// file that includes png.h.
#include <csetjmp>
#include <cstring>
#include <vector>

#include <png.h>

#include <fmt/format.h>

#include "layout/flow.hpp"
#include "util/limits.hpp"
#include "util/messages.hpp"

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
        error = msg("not a PNG or JPEG file");
        return false;
    }
    if (width <= 0 || height <= 0) {
        error = msg("the image has no valid size");
        return false;
    }
    auto pixels = static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height);
    if (static_cast<std::uint32_t>(width) > limits::image_side || static_cast<std::uint32_t>(height) > limits::image_side ||
        pixels > limits::image_pixels) {
        error = msg("the image is too large ({} x {} pixels; at most {} per side and {} megapixels, see docs/limits.md)",
                            width, height, limits::image_side, limits::image_pixels / 1000000);
        return false;
    }
    if (d.substr(0, 8) == "\x89PNG\r\n\x1a\n") return check_png(d, error);
    return true;
}

namespace {

struct PngSource {
    std::string_view data;
    std::size_t at = 0;
    std::string error;
    std::vector<png_byte> row; // here, not a local: it lives across setjmp
};

void png_fail(png_structp png, png_const_charp message) {
    auto* src = static_cast<PngSource*>(png_get_error_ptr(png));
    if (src && src->error.empty()) src->error = message ? message : "damaged";
    png_longjmp(png, 1);
}

void png_ignore_warning(png_structp, png_const_charp) {}

void png_read_memory(png_structp png, png_bytep out, png_size_t n) {
    auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
    if (n > src->data.size() - src->at) png_error(png, "the file ends too early (cut short?)");
    std::memcpy(out, src->data.data() + src->at, n);
    src->at += n;
}

} // namespace

namespace {

// Everything the decode touches lives here, outside the function that
// calls setjmp, so nothing is clobbered by libpng's longjmp.
struct PngRead {
    png_structp png = nullptr;
    png_infop info = nullptr;
    PngSource src;
};

bool decode_png(PngRead& r) {
    if (setjmp(png_jmpbuf(r.png))) return false;
    png_set_user_limits(r.png, limits::image_side, limits::image_side);
    png_set_chunk_malloc_max(r.png, limits::image_file.bytes);
    png_set_read_fn(r.png, &r.src, png_read_memory);
    png_read_info(r.png, r.info);
    int passes = png_set_interlace_handling(r.png);
    png_read_update_info(r.png, r.info);
    r.src.row.resize(png_get_rowbytes(r.png, r.info));
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < png_get_image_height(r.png, r.info); ++y) png_read_row(r.png, r.src.row.data(), nullptr);
    png_read_end(r.png, nullptr);
    return true;
}

} // namespace

bool check_png(std::string_view d, std::string& error) {
    PngRead r;
    r.src.data = d;
    r.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &r.src, png_fail, png_ignore_warning);
    if (!r.png) {
        error = msg("not enough memory to read the image");
        return false;
    }
    r.info = png_create_info_struct(r.png);
    bool ok = r.info && decode_png(r);
    png_destroy_read_struct(&r.png, r.info ? &r.info : nullptr, nullptr);
    if (!ok)
        error = msg("the PNG image is damaged ({})", r.src.error.empty() ? "unknown error" : r.src.error);
    return ok;
}

} // namespace zs::layout
