// Scanned pages as the scan stage sees them: 8-bit grey, 0 = black, one byte
// per pixel, rows from the top. The readers behind this (image_io.cpp with
// Leptonica, pdf_raster.cpp with poppler) turn every input into this, and
// nothing else in scan/ touches an image library.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zs::scan {

struct GrayImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels; // width * height
    [[nodiscard]] std::uint8_t at(int x, int y) const {
        return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
    }
    [[nodiscard]] bool inside(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < height; }
};

// A page as read: the image, and where it came from ("scans.pdf", page 3).
struct ScannedPage {
    GrayImage image;
    std::string file;
    int page = 1; // 1-based within the file
};

// Largest image accepted (pixels), so a hostile file cannot exhaust memory:
// an A3 page at 600 dpi is about 70 Mpx.
inline constexpr std::int64_t max_pixels = 80'000'000;

// ---- image_io.cpp (Leptonica) ----
// PNG, TIFF (every page of a multi-page TIFF, 1-bit CCITT too) and JPEG
// files, as grey. Calls `page` once per image; returns "" or an error.
std::string read_image_file(std::string_view bytes, const std::string& path,
                            const std::function<void(ScannedPage&&)>& page);
// A grey image as PNG bytes (crops for the review document).
std::string encode_png(const GrayImage& image);

// ---- pdf_raster.cpp (poppler) ----
// Every page of a PDF (a scanner's JPEG, CCITT or JBIG2 images) rendered as
// grey at `dpi`. Returns "" or an error.
std::string rasterise_pdf(std::string_view bytes, const std::string& path, double dpi,
                          const std::function<void(ScannedPage&&)>& page);

// ---- qr.cpp (zbar) ----
struct QrSymbol {
    std::string payload;
    double x = 0, y = 0; // centre in pixels
    double size = 0;     // rough side in pixels
};
// QR codes found in a window of the image (the whole image when w or h is 0).
std::vector<QrSymbol> decode_qr(const GrayImage& image, int x = 0, int y = 0, int w = 0, int h = 0);

} // namespace zs::scan
