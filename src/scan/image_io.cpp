// Image files through Leptonica: the only file in zelfscan that includes it.
#include <leptonica/allheaders.h>

#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "scan/image.hpp"
#include "util/messages.hpp"

namespace zs::scan {

namespace {

struct PixDeleter {
    void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Leptonica reports problems on stderr unless told not to; we report them
// as diagnostics instead.
void quiet() {
    static bool done = [] {
        setMsgSeverity(L_SEVERITY_NONE);
        return true;
    }();
    (void)done;
}

bool to_gray(PIX* in, GrayImage& out, std::string& error) {
    l_int32 w = 0, h = 0, d = 0;
    pixGetDimensions(in, &w, &h, &d);
    if (w <= 0 || h <= 0) {
        error = msg("the image is empty");
        return false;
    }
    if (static_cast<std::int64_t>(w) * h > max_pixels) {
        error = msg("the image is too large ({} x {} pixels)", w, h);
        return false;
    }
    // Colour and palette images to 8-bit grey; 1-bit to 0/255.
    PixPtr g(pixConvertTo8(in, 0));
    if (!g) {
        error = msg("the image cannot be converted to grey");
        return false;
    }
    out.width = w;
    out.height = h;
    out.pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    l_uint32* data = pixGetData(g.get());
    l_int32 wpl = pixGetWpl(g.get());
    for (l_int32 y = 0; y < h; ++y) {
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        std::uint8_t* row = out.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
        for (l_int32 x = 0; x < w; ++x) row[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
    }
    return true;
}

} // namespace

std::string read_image_file(std::string_view bytes, const std::string& path,
                            const std::function<void(ScannedPage&&)>& page) {
    quiet();
    const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
    l_int32 format = IFF_UNKNOWN;
    if (findFileFormatBuffer(data, &format) != 0 || format == IFF_UNKNOWN)
        return "not a PNG, TIFF or JPEG image";
    std::string error;
    if (format == IFF_TIFF || format == IFF_TIFF_G3 || format == IFF_TIFF_G4 || format == IFF_TIFF_PACKBITS ||
        format == IFF_TIFF_RLE || format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG) {
        // Multi-page TIFF: one page at a time, so memory stays one page.
        size_t offset = 0; // of the next page; 0 after the last
        for (int n = 0;; ++n) {
            PixPtr p(pixReadMemFromMultipageTiff(data, bytes.size(), &offset));
            if (!p) return n == 0 ? "the TIFF file cannot be read" : "";
            ScannedPage sp;
            sp.file = path;
            sp.page = n + 1;
            if (!to_gray(p.get(), sp.image, error)) return fmt::format("page {}: {}", n + 1, error);
            page(std::move(sp));
            if (offset == 0) return "";
        }
    }
    PixPtr p(pixReadMem(data, bytes.size()));
    if (!p) return "the image cannot be read";
    ScannedPage sp;
    sp.file = path;
    if (!to_gray(p.get(), sp.image, error)) return error;
    page(std::move(sp));
    return "";
}

std::string encode_png(const GrayImage& image) {
    quiet();
    PixPtr p(pixCreate(image.width, image.height, 8));
    if (!p) return {};
    l_uint32* data = pixGetData(p.get());
    l_int32 wpl = pixGetWpl(p.get());
    for (int y = 0; y < image.height; ++y) {
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, image.at(x, y));
    }
    l_uint8* out = nullptr;
    size_t size = 0;
    if (pixWriteMemPng(&out, &size, p.get(), 0.0) != 0 || !out) return {};
    std::string png(reinterpret_cast<const char*>(out), size);
    lept_free(out);
    return png;
}

} // namespace zs::scan
